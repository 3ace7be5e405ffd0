/**
 * YAML records load to the same values in YAML 1.2 loaders, in YAML 1.1 loaders (the `yaml` package
 * with version 1.1) and in PyYAML's safe_load (when python3 with PyYAML is on this machine).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { expandInputs } from '../../src/cli/inputs.js';
import { expectedPathFor } from '../../src/cli/check.js';
import { extractFile } from '../../src/extract.js';
import { serializeRecord } from '../../src/writers/serialize.js';
import type { PlanRecord } from '../../src/schema/record.js';
import { FIXTURES } from '../cli/run.js';
import { testDataPath } from '../helpers.js';

const pyyaml = spawnSync('python3', ['-c', 'import yaml'], { stdio: 'ignore' }).status === 0;

/** Each YAML text loaded by PyYAML's safe_load, as JSON (a value JSON cannot hold, such as a date, comes back as its repr). */
function pyyamlLoad(texts: string[]): unknown[] {
  const script = [
    'import json, sys, yaml',
    'out = []',
    'for text in json.load(sys.stdin):',
    '    try: out.append({"value": yaml.safe_load(text)})',
    '    except Exception as e: out.append({"error": repr(e)})',
    'json.dump(out, sys.stdout, default=repr)',
  ].join('\n');
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(texts), encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`python3 failed: ${r.stderr}`);
  return (JSON.parse(r.stdout) as { value?: unknown; error?: string }[]).map((x) => (x.error ? `PyYAML error: ${x.error}` : x.value));
}

/** Every string YAML 1.1 or PyYAML would read as something else when written plain, in keys and values. */
const AMBIGUOUS = ['=', '<<', '~', 'y', 'n', 'Y', 'N', 'yes', 'No', 'ON', 'off', 'true', 'False', 'null', 'NULL', '0123', '-017', '1:20', '190:20:30', '1:20:30.5', '1_000', '1_0.5', '0b101', '0x1F', '0o17', '.inf', '-.Inf', '.nan', '1e3', '1.', '.5', '+1', '2021', '2021-03-31', '2021-3-1', '2001-12-14t21:59:43.10-05:00', '', ' a', 'a: b', '!', '&', '*', '- x'];
/** Strings no loader reads otherwise: they must stay plain, so the records stay readable. */
const PLAIN = ['<', '≥', '≤ 5', 'Kế hoạch', '767/KH-UBND', '5,6', '8%', '2021-2025', 'UBND tỉnh', '1/2021', 'x=y'];

describe('YAML records read the same in YAML 1.1 and 1.2 loaders', () => {
  const record = {
    strings: [...AMBIGUOUS, ...PLAIN],
    keyed: Object.fromEntries(AMBIGUOUS.filter((s) => s.trim() !== '' && !s.includes(':')).map((s) => [s, s])),
    numbers: [0, 1, -1, 1.5, 0.1, 2025, 1e21, -2e-7, 123456789012],
    comparator: '=',
  } as unknown as PlanRecord;
  const yaml = serializeRecord(record, 'yaml');
  const json = JSON.parse(serializeRecord(record, 'json')) as unknown;

  it('quotes exactly the ambiguous strings', () => {
    for (const s of AMBIGUOUS) if (s !== '') expect(yaml, s).toContain(`- ${JSON.stringify(s)}\n`);
    for (const s of PLAIN) expect(yaml, s).toContain(`- ${s}\n`);
    expect(yaml).toContain('comparator: "="\n');
  });

  it('loads to the JSON record in the yaml package, YAML 1.2 and 1.1', () => {
    expect(parse(yaml)).toEqual(json);
    expect(parse(yaml, { version: '1.1' })).toEqual(json);
  });

  it.skipIf(!pyyaml)('loads to the JSON record in PyYAML safe_load (skipped: no python3 with PyYAML)', () => {
    expect(pyyamlLoad([yaml])[0]).toEqual(json);
  });

  it('is deterministic', () => {
    expect(serializeRecord(record, 'yaml')).toBe(yaml);
  });
});

describe('every fixture record round-trips through YAML 1.1 loaders to its JSON', async () => {
  const { items } = await expandInputs([FIXTURES, testDataPath('.')]);
  const inputs = items.map((i) => i.path).filter((p) => existsSync(expectedPathFor(p)));
  const records = new Map<string, { yaml: string; json: unknown }>();

  it('converts every fixture with an expected record', async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(10);
    for (const path of inputs) {
      const record = await extractFile(path, { displayName: path });
      records.set(path, { yaml: serializeRecord(record, 'yaml'), json: JSON.parse(serializeRecord(record, 'json')) });
    }
    expect(records.size).toBe(inputs.length);
  }, 600_000);

  it('the yaml package with version 1.1 and 1.2 reads each YAML record as its JSON record', () => {
    expect(records.size).toBe(inputs.length);
    for (const [path, r] of records) {
      expect(parse(r.yaml, { version: '1.1' }), path).toEqual(r.json);
      expect(parse(r.yaml), path).toEqual(r.json);
    }
  });

  it.skipIf(!pyyaml)('PyYAML safe_load reads each YAML record as its JSON record (skipped: no python3 with PyYAML)', () => {
    expect(records.size).toBe(inputs.length);
    const paths = [...records.keys()];
    const loaded = pyyamlLoad(paths.map((p) => records.get(p)!.yaml));
    paths.forEach((p, i) => expect(loaded[i], p).toEqual(records.get(p)!.json));
  });
});
