// The figures table: each section returns rows, printed together at the end
// so the result of a three-minute run fits on one screen.
//
// A row: { section, figure, value, target, pass } — `value` and `target`
// already formatted; `pass` true/false, or null for a figure shown for
// context (no target).

export function row(section, figure, value, target = "", pass = null) {
  return { section, figure, value: String(value), target, pass };
}

export const ms = (value) => (Number.isFinite(value) ? `${value < 10 ? value.toFixed(1) : Math.round(value)} ms` : "—");
export const perSecond = (value) => (Number.isFinite(value) ? `${Math.round(value).toLocaleString("en-US")}/s` : "—");
export const mb = (bytes) => (Number.isFinite(bytes) ? `${(bytes / 1024 / 1024).toFixed(0)} MB` : "—");
export const count = (value) => (Number.isFinite(value) ? value.toLocaleString("en-US") : String(value));
export const percent = (ratio) => (Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)}%` : "—");

export function formatTable(rows) {
  const header = ["section", "figure", "value", "target", "result"];
  const cells = rows.map((r) => [r.section, r.figure, r.value, r.target || "", r.pass === null ? "info" : r.pass ? "PASS" : "FAIL"]);
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((line) => line[c].length)));
  const line = (values) =>
    values
      .map((v, c) => (c === 2 ? v.padStart(widths[c]) : v.padEnd(widths[c])))
      .join("  ")
      .trimEnd();
  const out = [line(header), widths.map((w) => "-".repeat(w)).join("  ")];
  let previous = null;
  for (let i = 0; i < cells.length; i++) {
    if (previous !== null && rows[i].section !== previous) out.push("");
    previous = rows[i].section;
    out.push(line(cells[i]));
  }
  const judged = rows.filter((r) => r.pass !== null);
  out.push("", `${judged.filter((r) => r.pass).length} of ${judged.length} targets met`);
  return out.join("\n");
}
