/** The committed fixtures are what `npm run fixtures` builds: the script and the files cannot drift apart. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { binhLucPdf, encodeLegacy, encryptedPdf, FIXTURES, laiChauPdf, TCVN3_PLAN, VNI_PLAN } from '../../src/scripts/build-fixtures.js';

const committed = (name: string) => readFileSync(join(FIXTURES, name));

describe('npm run fixtures is deterministic and the committed fixtures are current', () => {
  it('typesets lai-chau-767.pdf to the committed bytes', async () => {
    const { bytes, pages } = await laiChauPdf();
    expect(pages).toBe(7);
    expect(Buffer.from(bytes).equals(committed('lai-chau-767.pdf'))).toBe(true);
  });

  it('typesets binh-luc-92kl.pdf into 7 pages, to the committed bytes', async () => {
    const { bytes, pages } = await binhLucPdf();
    expect(pages).toBe(7);
    expect(Buffer.from(bytes).equals(committed('binh-luc-92kl.pdf'))).toBe(true);
  });

  it('encodes the legacy fixtures and the encrypted PDF to the committed bytes', () => {
    expect(encodeLegacy(TCVN3_PLAN.join('\r\n') + '\r\n', 'tcvn3').equals(committed('legacy-tcvn3.txt'))).toBe(true);
    expect(encodeLegacy(VNI_PLAN.join('\r\n') + '\r\n', 'vni').equals(committed('legacy-vni.txt'))).toBe(true);
    expect(encryptedPdf().equals(committed('bad/encrypted.pdf'))).toBe(true);
  });

  it('keeps every committed fixture of its own under 300 KB', () => {
    for (const name of ['lai-chau-767.pdf', 'binh-luc-92kl.pdf', 'blank-page.pdf', 'lai-chau-767.txt', 'binh-luc-92kl.md', 'bad/truncated.pdf']) {
      expect(committed(name).length, name).toBeLessThan(300 * 1024);
    }
  });

  it('refuses to encode a character the legacy encoding does not have', () => {
    expect(() => encodeLegacy('€', 'tcvn3')).toThrow(/cannot encode/);
  });
});
