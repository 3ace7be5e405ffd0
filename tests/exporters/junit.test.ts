/**
 * `check --reporter junit|github` end to end: two real fixtures copied into a folder, the expected
 * record of one edited so two fields differ; the JUnit XML must validate against the common JUnit
 * schema (tests/exporters/junit.xsd, with xmllint when installed) and name exactly those fields.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { DOMParser } from '@xmldom/xmldom';
import { assertBuilt, fixture, run, tempDir } from '../cli/run.js';
import { junitReport, xmlEscape } from '../../src/exporters/junit.js';
import { escapeData, escapeProperty, lineOfPath, pathKeys } from '../../src/exporters/github.js';

const XSD = fileURLToPath(new URL('./junit.xsd', import.meta.url));
const tmp = tempDir('plan-extract-junit-');
const dir = join(tmp.dir, 'fixtures');
const xmllint = spawnSync('xmllint', ['--version']).status === 0;

beforeAll(() => {
  assertBuilt();
  execFileSync('mkdir', ['-p', dir]);
  for (const name of ['legacy-vni.txt', 'binh-luc-92kl.md']) {
    copyFileSync(fixture(name), join(dir, name));
    copyFileSync(fixture(`${name}.expected.yaml`), join(dir, `${name}.expected.yaml`));
  }
  // Two fields of the Bình Lục record now expect what the document does not say.
  const file = join(dir, 'binh-luc-92kl.md.expected.yaml');
  const expected = parse(readFileSync(file, 'utf8'));
  expected.document.place = 'Hà Nội';
  expected.sections[0].heading = 'MỤC TIÊU <&> "khác"';
  writeFileSync(file, stringify(expected));
});
afterAll(tmp.cleanup);

describe('check --reporter junit', () => {
  it('writes one test case per fixture and one failure per differing field; exit code 1 as before', async () => {
    const out = join(tmp.dir, 'results.xml');
    const r = await run(['check', dir, '--reporter', 'junit', '-o', out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('2 checked: 1 match, 1 differ');
    const xml = readFileSync(out, 'utf8');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const suite = doc.getElementsByTagName('testsuite')[0]!;
    expect(suite.getAttribute('tests')).toBe('2');
    expect(suite.getAttribute('failures')).toBe('1');
    const cases = Array.from(doc.getElementsByTagName('testcase'));
    expect(cases.map((c) => c.getAttribute('name'))).toEqual([join(dir, 'binh-luc-92kl.md'), join(dir, 'legacy-vni.txt')]);
    const failures = Array.from(cases[0]!.getElementsByTagName('failure'));
    expect(failures.map((f) => f.getAttribute('type'))).toEqual(['document.place', 'sections[0].heading']);
    expect(failures[0]!.getAttribute('message')).toBe('document.place: expected "Hà Nội", got "Bình Lục"');
    expect(failures[1]!.textContent).toContain('expected: "MỤC TIÊU <&> \\"khác\\""');
    expect(failures[1]!.textContent).toContain('actual: "MỤC ĐÍCH, YÊU CẦU"');
    expect(cases[1]!.getElementsByTagName('failure').length).toBe(0);
  });

  it.skipIf(!xmllint)('validates against the common JUnit schema (xmllint --schema)', async () => {
    const out = join(tmp.dir, 'results-valid.xml');
    await run(['check', dir, '--reporter', 'junit', '-o', out]);
    const lint = spawnSync('xmllint', ['--noout', '--schema', XSD, out], { encoding: 'utf8' });
    expect(lint.stderr).toContain('validates');
    expect(lint.status).toBe(0);
  });
  if (!xmllint) it.skip('xmllint is not installed (apt-get install libxml2-utils; .ci/run installs it): schema validation skipped', () => undefined);

  it.skipIf(!xmllint)('the schema check can fail: a failure outside a test case does not validate', () => {
    const bad = join(tmp.dir, 'bad.xml');
    writeFileSync(bad, '<?xml version="1.0"?><testsuites><testsuite name="x" tests="1"><failure message="m"/></testsuite></testsuites>');
    expect(spawnSync('xmllint', ['--noout', '--schema', XSD, bad]).status).not.toBe(0);
  });

  it('an extraction that fails is an <error>, and text XML cannot hold is escaped or dropped', () => {
    const xml = junitReport('s', [{ input: 'a\u0001<b>.txt', expectedFile: 'a.expected.yaml', differences: [], error: 'no text & no pages', seconds: 0.5 }], 0.5);
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    expect(doc.getElementsByTagName('testcase')[0]!.getAttribute('name')).toBe('a<b>.txt');
    expect(doc.getElementsByTagName('error')[0]!.getAttribute('message')).toBe('extraction failed: no text & no pages');
    expect(doc.getElementsByTagName('testsuite')[0]!.getAttribute('errors')).toBe('1');
    expect(xmlEscape('"x"\n')).toBe('&quot;x&quot;&#10;');
  });
});

describe('check --reporter github', () => {
  it('prints one ::error annotation per differing field at the line of the expected record that states it', async () => {
    const r = await run(['check', dir, '--reporter', 'github']);
    expect(r.code).toBe(1);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error'));
    expect(lines).toHaveLength(2);
    const yamlText = readFileSync(join(dir, 'binh-luc-92kl.md.expected.yaml'), 'utf8');
    const yamlLines = yamlText.split('\n');
    const placeLine = yamlLines.findIndex((l) => l.trim().startsWith('place: Hà Nội')) + 1;
    expect(lines[0]).toMatch(new RegExp(`^::error file=${escapeProperty(join(dir, 'binh-luc-92kl.md.expected.yaml')).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')},line=${placeLine},`));
    expect(lines[0]).toContain('::document.place: expected "Hà Nội", got "Bình Lục"');
    expect(yamlLines[Number(/line=(\d+)/.exec(lines[1]!)![1]) - 1]).toContain('MỤC TIÊU');
  });

  it('escapes workflow-command data and properties, and finds the line of nested paths', () => {
    expect(escapeData('50% a\nb')).toBe('50%25 a%0Ab');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
    expect(pathKeys('tasks[2].lead.length')).toEqual(['tasks', 2, 'lead']);
    const text = 'a: 1\ntasks:\n  - id: x\n  - id: y\n    lead: []\n';
    expect(lineOfPath(text, 'tasks[1].lead.length')).toBe(5);
    expect(lineOfPath(text, 'tasks[1].missing')).toBe(4);
  });
});
