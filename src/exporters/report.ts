/**
 * The report: one self-contained static HTML page in Vietnamese (inline CSS and a little inline JS,
 * nothing fetched: a Content-Security-Policy forbids any request). It shows the documents, an
 * agency × plan matrix of lead and support counts, a deadline timeline, the indicators grouped by
 * name and year across plans (a province target beside a district one), the tasks, the duties and
 * the warnings. Every item names its source (file, page, line) and links to the file (a PDF at its
 * page). Every value from a record is HTML-escaped.
 */
import { relative, dirname, resolve, sep } from 'node:path';
import type { Agency, Deadline, Indicator, PlanRecord, SourceRef } from '../schema/record.js';
import { skeleton } from '../text/vietnamese.js';
import { deadlineDue, deadlinePeriod } from './deadlines.js';
import { documentLabel } from './tables.js';
import type { LoadedRecord } from './load.js';

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

const h = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : escapeHtml(String(v)));

export interface ReportOptions {
  /** Where the page will be written: source links are relative to its folder. */
  out: string;
  /** The page's date (from the records, so the same records give the same page). */
  date: Date;
}

interface Doc {
  n: number;
  anchor: string;
  record: PlanRecord;
  label: string;
  href: string;
}

function sourceHref(file: string, out: string): string {
  const rel = relative(dirname(resolve(out)), resolve(file)).split(sep).join('/');
  return rel.split('/').map(encodeURIComponent).join('/');
}

/** "tệp, tr. 3, d. 12–14" with a link to the file (at the page, for a PDF). */
function sourceLink(doc: Doc, s: SourceRef | null): string {
  if (!s) return `<a class="src" href="${h(doc.href)}">${h(fileName(doc.record.source.file))}</a>`;
  const where = `${s.page !== null ? `tr. ${s.page}, ` : ''}d. ${s.line}${s.endLine !== s.line ? `–${s.endLine}` : ''}`;
  const href = doc.href + (s.page !== null && /\.pdf$/i.test(doc.record.source.file) ? `#page=${s.page}` : '');
  return `<a class="src" href="${h(href)}" title="${h(doc.record.source.file)}">${h(fileName(doc.record.source.file))}, ${h(where)}</a>`;
}

function fileName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

function agencyList(list: readonly Agency[]): string {
  return list.map((a) => `<span class="ag${a.kind === 'group' ? ' grp' : ''}">${h(a.name)}</span>`).join(', ');
}

function deadlineList(list: readonly Deadline[]): string {
  return list.map((d) => `<span title="${h(d.text)}">${h(deadlinePeriod(d))}</span>`).join('; ');
}

function day(d: Date): string {
  return d.toISOString().slice(0, 10).split('-').reverse().join('/');
}

function documentsSection(docs: Doc[]): string {
  const rows = docs
    .map((doc) => {
      const r = doc.record;
      return `<tr id="${doc.anchor}"><td>${doc.n}</td><td>${h(r.document.number ?? '(chưa có số)')}</td><td>${h(r.document.typeName ?? r.document.type)}</td><td>${h(r.document.issuer)}</td><td>${h(r.document.date)}</td><td><div class="clip" title="${h(r.document.title)}">${h(r.document.title)}</div></td><td class="num">${r.tasks.length}</td><td class="num">${r.indicators.length}</td><td class="num">${r.responsibilities.length}</td><td class="num">${r.warnings.length}</td><td>${sourceLink(doc, null)}</td></tr>`;
    })
    .join('\n');
  return `<section id="van-ban"><h2>Văn bản (${docs.length})</h2>
<table id="t-van-ban"><thead><tr><th>#</th><th>Số</th><th>Loại</th><th>Cơ quan ban hành</th><th>Ngày</th><th>Trích yếu</th><th>Nhiệm vụ</th><th>Chỉ tiêu</th><th>Trách nhiệm</th><th>Cảnh báo</th><th>Tệp</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

/** Agencies (single bodies) × plans: how many tasks each leads / supports, and duties assigned. */
function matrixSection(docs: Doc[]): string {
  interface Counts {
    lead: number;
    support: number;
    duty: number;
  }
  const byAgency = new Map<string, Map<number, Counts>>();
  const cell = (name: string, n: number) => {
    let m = byAgency.get(name);
    if (!m) byAgency.set(name, (m = new Map()));
    let c = m.get(n);
    if (!c) m.set(n, (c = { lead: 0, support: 0, duty: 0 }));
    return c;
  };
  for (const d of docs) {
    for (const t of d.record.tasks) {
      for (const name of new Set(t.lead.filter((a) => a.kind === 'agency').map((a) => a.name))) cell(name, d.n).lead++;
      for (const name of new Set(t.support.filter((a) => a.kind === 'agency').map((a) => a.name))) cell(name, d.n).support++;
    }
    for (const r of d.record.responsibilities) if (r.agency.kind === 'agency') cell(r.agency.name, d.n).duty++;
  }
  const total = (m: Map<number, Counts>) => [...m.values()].reduce((s, c) => s + c.lead + c.support + c.duty, 0);
  const agencies = [...byAgency.entries()].sort((a, b) => total(b[1]) - total(a[1]) || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const head = docs.map((d) => `<th title="${h(d.record.document.title)}"><a href="#${d.anchor}">${h(d.label)}</a></th>`).join('');
  const rows = agencies
    .map(([name, m]) => {
      const cells = docs
        .map((d) => {
          const c = m.get(d.n);
          if (!c) return '<td class="num empty"></td>';
          return `<td class="num" data-lead="${c.lead}" data-support="${c.support}" data-duty="${c.duty}" title="chủ trì ${c.lead}, phối hợp ${c.support}, trách nhiệm ${c.duty}">${c.lead} / ${c.support}${c.duty ? ` <small>+${c.duty}</small>` : ''}</td>`;
        })
        .join('');
      return `<tr><th scope="row">${h(name)}</th>${cells}</tr>`;
    })
    .join('\n');
  return `<section id="ma-tran"><h2>Cơ quan × kế hoạch</h2>
<p class="note">Mỗi ô: số nhiệm vụ chủ trì / phối hợp; <small>+n</small>: số mục trách nhiệm được giao trong phần tổ chức thực hiện. Chỉ tính cơ quan cụ thể, không tính nhóm ("các sở, ban, ngành").</p>
<table id="t-ma-tran"><thead><tr><th>Cơ quan</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

interface TimelineEntry {
  due: Date;
  period: string;
  text: string;
  doc: Doc;
  what: string;
  who: string;
  source: SourceRef;
}

/** Dated deadlines of tasks and duties, month by month; ongoing and annual ones counted apart. */
function timelineSection(docs: Doc[]): string {
  const entries: TimelineEntry[] = [];
  let ongoing = 0;
  let annual = 0;
  const add = (doc: Doc, deadlines: readonly Deadline[], what: string, who: string, source: SourceRef) => {
    for (const d of deadlines) {
      const due = deadlineDue(d);
      if (due) entries.push({ due, period: deadlinePeriod(d), text: d.text, doc, what, who, source });
      else if (d.kind === 'annual') annual++;
      else ongoing++;
    }
  };
  for (const doc of docs) {
    for (const t of doc.record.tasks) add(doc, t.deadlines, `Nhiệm vụ ${t.id}: ${t.title}`, t.lead.map((a) => a.name).join(', '), t.source);
    for (const r of doc.record.responsibilities) add(doc, r.deadlines, `Trách nhiệm: ${r.duties[0] ?? ''}`, r.agency.name, r.source);
  }
  entries.sort((a, b) => a.due.getTime() - b.due.getTime() || a.doc.n - b.doc.n);
  const months = new Map<string, TimelineEntry[]>();
  for (const e of entries) {
    const key = e.due.toISOString().slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), e]);
  }
  const blocks = [...months]
    .map(([key, list]) => {
      const [y, m] = key.split('-');
      const items = list
        .map((e) => `<li><time datetime="${e.due.toISOString().slice(0, 10)}">${h(day(e.due))}</time> <b>${h(e.doc.label)}</b> — ${h(e.what)}${e.who ? ` <span class="who">(${h(e.who)})</span>` : ''} <span class="dl">${h(e.text)}</span> ${sourceLink(e.doc, e.source)}</li>`)
        .join('\n');
      return `<div class="month"><h3>Tháng ${h(m)}/${h(y)} <small>${list.length}</small></h3><ul>\n${items}\n</ul></div>`;
    })
    .join('\n');
  return `<section id="tien-do"><h2>Tiến độ (${entries.length} thời hạn có ngày)</h2>
<p class="note">Thời hạn theo ngày, tháng, quý, năm hoặc giai đoạn, xếp theo ngày cuối cùng phải hoàn thành. Ngoài ra: ${ongoing} thời hạn thường xuyên, ${annual} thời hạn hằng năm (xem lịch công việc theo cơ quan: <code>plan-extract agenda</code>).</p>
<div class="timeline">${blocks || '<p>Không có thời hạn theo ngày.</p>'}</div></section>`;
}

function targetText(i: Indicator): string {
  const t = i.target;
  const unit = t.unit ? ` ${t.unit}` : '';
  const fmt = (n: number) => n.toLocaleString('vi-VN', { maximumFractionDigits: 6 });
  if (t.value === null && t.min !== undefined && t.max !== undefined) return `${fmt(t.min)}–${fmt(t.max)}${unit}`;
  if (t.value === null) return '—';
  const cmp = { '=': '', '<': '< ', '<=': '≤ ', '>': '> ', '>=': '≥ ', '~': '≈ ' }[t.comparator];
  return `${cmp}${fmt(t.value)}${unit}`;
}

/** Indicators grouped by name (compared without marks and case) and year, one column per plan. */
function indicatorsSection(docs: Doc[]): string {
  const groups = new Map<string, { name: string; year: number | null; cells: Map<number, { i: Indicator; doc: Doc }[]> }>();
  for (const doc of docs) {
    for (const i of doc.record.indicators) {
      const key = `${skeleton(i.name).replace(/[^a-z0-9]+/g, ' ').trim()}|${i.target.year ?? ''}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { name: i.name, year: i.target.year, cells: new Map() }));
      g.cells.set(doc.n, [...(g.cells.get(doc.n) ?? []), { i, doc }]);
    }
  }
  const withIndicators = docs.filter((d) => d.record.indicators.length > 0);
  // Names that more than one plan states come first: those are the comparisons the table is for.
  const sorted = [...groups.values()].sort((a, b) => b.cells.size - a.cells.size || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.year ?? 0) - (b.year ?? 0));
  const head = withIndicators.map((d) => `<th><a href="#${d.anchor}">${h(d.label)}</a><br><small>${h(d.record.document.issuer)}</small></th>`).join('');
  const rows = sorted
    .map((g) => {
      const cells = withIndicators
        .map((d) => {
          const list = g.cells.get(d.n);
          if (!list) return '<td class="empty"></td>';
          return `<td>${list.map(({ i, doc }) => `<div class="target" data-value="${h(i.target.value)}" title="${h(i.text)}">${h(targetText(i))} ${sourceLink(doc, i.source)}</div>`).join('')}</td>`;
        })
        .join('');
      return `<tr${g.cells.size > 1 ? ' class="shared"' : ''}><th scope="row">${h(g.name)}</th><td class="num">${h(g.year)}</td>${cells}</tr>`;
    })
    .join('\n');
  return `<section id="chi-tieu"><h2>Chỉ tiêu (${docs.reduce((s, d) => s + d.record.indicators.length, 0)})</h2>
<p class="note">Gom theo tên chỉ tiêu và năm; chỉ tiêu có ở nhiều kế hoạch (tỉnh và huyện) đứng đầu, tô nền.</p>
<table id="t-chi-tieu"><thead><tr><th>Chỉ tiêu</th><th>Năm</th>${head}</tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function tasksSection(docs: Doc[]): string {
  const rows = docs
    .flatMap((doc) =>
      doc.record.tasks.map(
        (t) =>
          `<tr><td>${h(doc.label)}</td><td>${h(t.id)}</td><td>${h(t.title)}</td><td>${agencyList(t.lead)}</td><td>${agencyList(t.support)}</td><td>${deadlineList(t.deadlines)}</td><td>${sourceLink(doc, t.source)}</td></tr>`,
      ),
    )
    .join('\n');
  return `<section id="nhiem-vu"><h2>Nhiệm vụ (${docs.reduce((s, d) => s + d.record.tasks.length, 0)})</h2>
<p><input type="search" id="loc-nhiem-vu" placeholder="Lọc theo chữ…" aria-label="Lọc nhiệm vụ"> <span id="dem-nhiem-vu"></span></p>
<table id="t-nhiem-vu" class="filterable"><thead><tr><th>Văn bản</th><th>Mã</th><th>Nhiệm vụ</th><th>Chủ trì</th><th>Phối hợp</th><th>Thời hạn</th><th>Nguồn</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function dutiesSection(docs: Doc[]): string {
  const rows = docs
    .flatMap((doc) =>
      doc.record.responsibilities.map(
        (r) => `<tr><td>${h(doc.label)}</td><td>${agencyList([r.agency])}</td><td>${r.duties.length ? `<ul>${r.duties.map((d) => `<li>${h(d)}</li>`).join('')}</ul>` : ''}</td><td>${deadlineList(r.deadlines)}</td><td>${sourceLink(doc, r.source)}</td></tr>`,
      ),
    )
    .join('\n');
  return `<section id="trach-nhiem"><h2>Trách nhiệm (${docs.reduce((s, d) => s + d.record.responsibilities.length, 0)})</h2>
<table id="t-trach-nhiem"><thead><tr><th>Văn bản</th><th>Cơ quan</th><th>Nhiệm vụ</th><th>Thời hạn</th><th>Nguồn</th></tr></thead>
<tbody>
${rows}
</tbody></table></section>`;
}

function warningsSection(docs: Doc[]): string {
  const rows = docs
    .flatMap((doc) => doc.record.warnings.map((w) => `<tr><td>${h(doc.label)}</td><td><code>${h(w.code)}</code></td><td>${h(w.message)}</td><td>${sourceLink(doc, w.source)}</td></tr>`))
    .join('\n');
  return `<section id="canh-bao"><h2>Cảnh báo (${docs.reduce((s, d) => s + d.record.warnings.length, 0)})</h2>
<details><summary>Những điểm công cụ chưa chắc chắn — cần người đọc kiểm tra lại</summary>
<table id="t-canh-bao"><thead><tr><th>Văn bản</th><th>Mã</th><th>Nội dung</th><th>Nguồn</th></tr></thead>
<tbody>
${rows}
</tbody></table></details></section>`;
}

const CSS = `
:root{--fg:#1d2733;--muted:#5b6b7c;--line:#d5dde6;--head:#eef3f8;--accent:#1f5f99;--shared:#fff6db}
*{box-sizing:border-box}body{font:14px/1.45 system-ui,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:var(--fg);margin:0;padding:0 24px 48px;background:#fff}
header{border-bottom:3px solid var(--accent);padding:18px 0 10px;margin-bottom:8px}h1{font-size:22px;margin:0 0 4px}header p{margin:0;color:var(--muted)}
nav{position:sticky;top:0;background:#fff;padding:8px 0;border-bottom:1px solid var(--line);z-index:2}nav a{margin-right:14px;color:var(--accent);text-decoration:none;font-weight:600}
h2{font-size:18px;margin:28px 0 8px;color:var(--accent)}h3{font-size:14px;margin:14px 0 4px}h3 small{color:var(--muted);font-weight:normal}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border:1px solid var(--line);padding:4px 6px;vertical-align:top;text-align:left}
thead th{background:var(--head);position:sticky;top:37px}td.num,th.num{text-align:right;white-space:nowrap}td.empty{background:#fafbfc}
tr.shared>th,tr.shared>td{background:var(--shared)}.note{color:var(--muted);margin:2px 0 6px}
a.src{color:var(--muted);font-size:12px;white-space:nowrap}.ag{white-space:nowrap}.ag.grp{color:var(--muted);font-style:italic}
.timeline{border-left:3px solid var(--accent);padding-left:14px}.timeline ul{margin:0;padding-left:18px}.timeline time{font-weight:600;font-variant-numeric:tabular-nums}
.who{color:var(--muted)}.dl{background:var(--head);border-radius:3px;padding:0 4px;font-size:12px}.target{white-space:nowrap}
#t-ma-tran td{min-width:64px}input[type=search]{padding:4px 8px;width:320px;border:1px solid var(--line);border-radius:4px}
td ul{margin:0;padding-left:18px}.clip{display:-webkit-box;-webkit-line-clamp:3;-webkit-box-orient:vertical;overflow:hidden;max-width:520px}
#t-chi-tieu th[scope=row]{min-width:240px}#t-van-ban td:nth-child(4){min-width:160px}footer{margin-top:36px;color:var(--muted);font-size:12px}
@media print{nav{display:none}thead th{position:static}}
`;

// Filtering the task table: the page works without it (all rows shown).
const JS = `
(function(){
  var input=document.getElementById('loc-nhiem-vu'),count=document.getElementById('dem-nhiem-vu');
  var rows=Array.prototype.slice.call(document.querySelectorAll('#t-nhiem-vu tbody tr'));
  function fold(s){return s.normalize('NFD').replace(/[\\u0300-\\u036f]/g,'').replace(/đ/g,'d').replace(/Đ/g,'D').toLowerCase();}
  var texts=rows.map(function(r){return fold(r.textContent||'');});
  function apply(){var q=fold(input.value.trim()),shown=0;rows.forEach(function(r,i){var ok=!q||texts[i].indexOf(q)>=0;r.hidden=!ok;if(ok)shown++;});count.textContent=shown+' / '+rows.length+' nhiệm vụ';}
  input.addEventListener('input',apply);apply();
})();
`;

export function buildReport(records: readonly LoadedRecord[], options: ReportOptions): string {
  const docs: Doc[] = records.map(({ record }, i) => ({ n: i + 1, anchor: `vb-${i + 1}`, record, label: documentLabel(record), href: sourceHref(record.source.file, options.out) }));
  const counts = {
    tasks: docs.reduce((s, d) => s + d.record.tasks.length, 0),
    indicators: docs.reduce((s, d) => s + d.record.indicators.length, 0),
    warnings: docs.reduce((s, d) => s + d.record.warnings.length, 0),
  };
  return `<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="plan-extract">
<title>Theo dõi thực hiện kế hoạch — ${docs.length} văn bản</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>Theo dõi thực hiện kế hoạch</h1>
<p>${docs.length} văn bản, ${counts.tasks} nhiệm vụ, ${counts.indicators} chỉ tiêu, ${counts.warnings} cảnh báo. Văn bản mới nhất: ${h(day(options.date))}.</p></header>
<nav><a href="#van-ban">Văn bản</a><a href="#ma-tran">Cơ quan × kế hoạch</a><a href="#tien-do">Tiến độ</a><a href="#chi-tieu">Chỉ tiêu</a><a href="#nhiem-vu">Nhiệm vụ</a><a href="#trach-nhiem">Trách nhiệm</a><a href="#canh-bao">Cảnh báo</a></nav>
<main>
${documentsSection(docs)}
${matrixSection(docs)}
${timelineSection(docs)}
${indicatorsSection(docs)}
${tasksSection(docs)}
${dutiesSection(docs)}
${warningsSection(docs)}
</main>
<footer>Tạo bởi plan-extract từ các bản ghi đã kiểm tra theo lược đồ. Mỗi mục dẫn về nguồn: tệp, trang (tr.), dòng (d.).</footer>
<script>${JS}</script>
</body>
</html>
`;
}
