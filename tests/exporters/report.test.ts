/**
 * `plan-extract report` opened in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; .ci/run installs it when missing): no console errors, no request leaves the
 * page, its tables hold the records' values, markup in a record is shown as text; a screenshot is
 * saved (.ci-out/report.png). Skipped, saying why, when /usr/bin/chromium is not there.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { assertBuilt, ROOT, run, tempDir } from '../cli/run.js';
import { validateRecord, type PlanRecord } from '../../src/schema/record.js';
import { buildReport, escapeHtml } from '../../src/exporters/report.js';

const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
/** What the page functions below use of DOM elements (the project is type-checked without the DOM library). */
interface El {
  textContent: string | null;
  hidden: boolean;
  href: string;
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<El>;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const INPUTS = ['fixtures/lai-chau-767.txt', 'fixtures/binh-luc-92kl.md', 'tests/data/monitor/seed-000.txt', 'fixtures/real/portal/hcm-UBND-172-KH-2025-11-luat-viec-lam.md', 'fixtures/real/laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN.pdf'];
const tmp = tempDir('plan-extract-report-');
const recordsDir = join(tmp.dir, 'records');
const html = join(tmp.dir, 'report.html');
let records: PlanRecord[] = [];

/** Opens a page in a fresh Chromium profile; collects console errors, page errors and requests that are not file: or data:. */
async function openPage(file: string): Promise<{ context: BrowserContext; page: Page; errors: string[]; requests: string[] }> {
  const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'plan-extract-chromium-')), { executablePath: CHROMIUM, headless: true, args: FLAGS, viewport: { width: 1400, height: 1000 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (!/^(file|data):/.test(r.url())) requests.push(r.url());
  });
  await page.goto(`file://${file}`);
  return { context, page, errors, requests };
}

beforeAll(async () => {
  assertBuilt();
  expect((await run([...INPUTS, '--format', 'json', '-o', recordsDir, '-q'])).code).toBe(0);
  records = readdirSync(recordsDir)
    .sort()
    .map((f) => validateRecord(JSON.parse(readFileSync(join(recordsDir, f), 'utf8'))));
  const r = await run(['report', recordsDir, '-o', html, '-q']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 300_000);
afterAll(tmp.cleanup);

describe('report -o report.html (static checks)', () => {
  it('is one self-contained page: no external script, style, image or font, a policy that forbids fetching', () => {
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(page).toContain(`content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"`);
    expect(page).not.toMatch(/<script[^>]+src=|<link[^>]+href=|url\(|@import|https?:\/\//);
    // the same records give the same page
    expect(buildReport(records.map((record) => ({ from: record.source.file, record })), { out: html, date: new Date(0) })).toBe(buildReport(records.map((record) => ({ from: record.source.file, record })), { out: html, date: new Date(0) }));
  });

  it('escapes everything from the record', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });
});

describe.skipIf(!haveChromium)('report in headless Chromium', () => {
  it('renders without console errors or requests, and its tables hold the records\' values', async () => {
    const { context, page, errors, requests } = await openPage(html);
    try {
      // The screenshot (the agency matrix and the timeline) before anything on the page is touched.
      const shotDir = join(ROOT, '.ci-out');
      mkdirSync(shotDir, { recursive: true });
      await page.locator('#ma-tran').scrollIntoViewIfNeeded();
      await page.evaluate('window.scrollBy(0, -40)');
      await page.screenshot({ path: join(shotDir, 'report.png') });
      expect(readFileSync(join(shotDir, 'report.png')).subarray(1, 4).toString()).toBe('PNG');
      // Documents: one row per record, number and counts
      const docRows = await page.$$eval('#t-van-ban tbody tr', (rows) => rows.map((r) => Array.from((r as unknown as El).querySelectorAll('td')).map((td) => td.textContent ?? '')));
      expect(docRows).toHaveLength(records.length);
      docRows.forEach((cells, i) => {
        const r = records[i]!;
        expect(cells[1]).toBe(r.document.number ?? '(chưa có số)');
        expect(cells[3]).toBe(r.document.issuer ?? '');
        expect(cells.slice(6, 10).map(Number)).toEqual([r.tasks.length, r.indicators.length, r.responsibilities.length, r.warnings.length]);
        expect(cells[10]).toBe(r.source.file.split('/').pop());
      });
      // Tasks: every task, with its id, title, lead and source line
      const taskRows = await page.$$eval('#t-nhiem-vu tbody tr', (rows) => rows.map((r) => Array.from((r as unknown as El).querySelectorAll('td')).map((td) => td.textContent ?? '')));
      const tasks = records.flatMap((r) => r.tasks);
      expect(taskRows).toHaveLength(tasks.length);
      taskRows.forEach((cells, i) => {
        const t = tasks[i]!;
        expect(cells.slice(1, 4)).toEqual([t.id, t.title, t.lead.map((a) => a.name).join(', ')]);
        expect(cells[6]).toContain(`d. ${t.source.line}`);
      });
      // Matrix: per document, the lead counts add up to the leads of single agencies in its tasks
      const leadSums = await page.$$eval('#t-ma-tran tbody tr', (rows) => {
        const sums: number[] = [];
        for (const r of rows) Array.from((r as unknown as El).querySelectorAll('td')).forEach((td, i) => (sums[i] = (sums[i] ?? 0) + Number(td.getAttribute('data-lead') ?? 0)));
        return sums;
      });
      expect(leadSums).toEqual(records.map((r) => r.tasks.reduce((s, t) => s + new Set(t.lead.filter((a) => a.kind === 'agency').map((a) => a.name)).size, 0)));
      // Indicators: each one once, with its value
      const values = await page.$$eval('#t-chi-tieu .target', (els) => els.map((e) => e.getAttribute('data-value')));
      expect(values.sort()).toEqual(records.flatMap((r) => r.indicators.map((i) => (i.target.value === null ? '' : String(i.target.value)))).sort());
      // Timeline: one entry per dated deadline
      const dated = records.flatMap((r) => [...r.tasks, ...r.responsibilities].flatMap((x) => x.deadlines)).filter((d) => ['date', 'month', 'quarter', 'year', 'range'].includes(d.kind)).length;
      expect(await page.$$eval('#tien-do li', (els) => els.length)).toBe(dated);
      // The filter works (the inline script ran)
      await page.fill('#loc-nhiem-vu', 'chinh sach');
      const shown = await page.$$eval('#t-nhiem-vu tbody tr', (rows) => rows.filter((r) => !(r as unknown as El).hidden).length);
      expect(shown).toBeGreaterThan(0);
      expect(shown).toBeLessThan(tasks.length);
      expect(await page.textContent('#dem-nhiem-vu')).toBe(`${shown} / ${tasks.length} nhiệm vụ`);
      await page.fill('#loc-nhiem-vu', '');
      // Source links point at the files, a PDF at its page
      const hrefs = await page.$$eval('a.src', (as) => as.map((a) => (a as unknown as El).href));
      expect(hrefs.some((h) => /\/laocai-SCT-DKT-1105-KH-2026-kiem-tra-VLNCN\.pdf$/.test(h))).toBe(true);
      const pdf = records.find((r) => r.source.file.endsWith('.pdf'))!;
      const paged = [...pdf.tasks, ...pdf.indicators, ...pdf.responsibilities, ...pdf.warnings].map((x) => x.source).find((s) => s?.page);
      if (paged) expect(hrefs).toContain(`${hrefs.find((h) => h.endsWith('.pdf'))}#page=${paged.page}`);
      expect(hrefs.every((h) => h.startsWith('file://'))).toBe(true);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('shows markup from a record as text, runs none of it', async () => {
    const evil = structuredClone(records[0]!);
    evil.document.title = `<img src="x" onerror="document.title='pwned'"><script>document.title='pwned'</script>`;
    evil.tasks[0]!.title = `"><b id="injected">x</b>`;
    const file = join(tmp.dir, 'evil.html');
    writeFileSync(file, buildReport([{ from: 'evil', record: evil }], { out: file, date: new Date(0) }));
    const { context, page, errors } = await openPage(file);
    try {
      expect(await page.title()).not.toBe('pwned');
      expect(await page.$('#injected')).toBeNull();
      expect(await page.$$('main img, main script')).toEqual([]);
      expect(await page.textContent('#t-van-ban tbody tr td .clip')).toBe(evil.document.title);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

if (!haveChromium) {
  describe('report in headless Chromium', () => {
    it.skip(`skipped: ${CHROMIUM} is not installed (apt-get install -y chromium; .ci/run installs it when it can)`, () => undefined);
  });
}

// Keep a copy for the README when asked: UPDATE_REPORT_PNG=1 npx vitest run tests/exporters/report.test.ts
afterAll(() => {
  if (process.env.UPDATE_REPORT_PNG === '1' && existsSync(join(ROOT, '.ci-out', 'report.png'))) {
    mkdirSync(join(ROOT, 'docs'), { recursive: true });
    copyFileSync(join(ROOT, '.ci-out', 'report.png'), join(ROOT, 'docs', 'report.png'));
  }
});
