import { cellText } from "../cells.ts";
import type { Layout } from "../layout.ts";

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => ESC[ch] ?? ch);

/** The layout as a standalone, printable HTML page in Russian (every value escaped). */
export function renderHtml(layout: Layout): string {
  const b = layout.branding;
  const align = (a?: string) => (a && a !== "left" ? ` style="text-align:${a}"` : "");
  const groups = layout.columnGroups
    ? `<tr>${layout.columnGroups.map((g) => `<th colspan="${g.span}">${esc(g.header)}</th>`).join("")}</tr>`
    : "";
  const rows = layout.rows
    .map(
      (r) => `<tr>${r.map((c, i) => `<td${align(layout.columns[i]?.align)}>${esc(cellText(c))}</td>`).join("")}</tr>`,
    )
    .join("\n");
  return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>${esc(layout.title)}</title>
<style>
body{font-family:"DejaVu Sans",Arial,sans-serif;font-size:13px;color:#111;margin:24px}
.band{background:${b.primary};color:${b.onPrimary};padding:8px 12px;font-weight:700}
table{border-collapse:collapse;width:100%;margin-top:12px}
th,td{border:1px solid #555;padding:3px 5px;vertical-align:top}
thead th{background:${b.primary};color:${b.onPrimary}}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 12px}dt{color:#333}dd{margin:0}
.totals{margin-left:auto;width:auto}.totals td{border:none;text-align:right;font-weight:700}
.sig{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-top:24px}
@media print{.band{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
</style></head><body>
<div class="band">${esc(b.name)}</div>
${layout.preamble ? `<table>${layout.preamble.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join("")}</tr>`).join("")}</table>` : ""}
<h1>${esc(layout.title)}</h1>
<dl>${layout.fields.map(([l, v]) => `<dt>${esc(l)}</dt><dd>${esc(v)}</dd>`).join("")}</dl>
<table><thead>${groups}<tr>${layout.columns.map((c) => `<th scope="col">${esc(c.header)}</th>`).join("")}</tr></thead>
<tbody>
${rows}
</tbody></table>
${layout.totals.length ? `<table class="totals">${layout.totals.map(([l, v]) => `<tr><td>${esc(l)}</td><td>${esc(cellText(v))}</td></tr>`).join("")}</table>` : ""}
${layout.paragraphs.map((p) => `<p>${esc(p)}</p>`).join("\n")}
<div class="sig">${layout.signatures.map((s) => `<div>${esc(s)}</div>`).join("")}</div>
</body></html>
`;
}
