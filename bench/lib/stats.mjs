/** The p-th percentile (0–100) of `values` (copied and sorted). */
export function percentile(values, p) {
  if (values.length === 0) return Number.NaN;
  const sorted = Float64Array.from(values).sort();
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Prints rows (objects with the same keys) as a Markdown table, and returns its text. */
export function printTable(title, rows) {
  const headers = Object.keys(rows[0]);
  const cells = rows.map((row) => headers.map((h) => String(row[h])));
  const widths = headers.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (values) => `| ${values.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  const text = [
    `### ${title}`,
    '',
    line(headers),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...cells.map(line),
    '',
  ].join('\n');
  console.log(text);
  return text;
}

export const round = (value, digits = 1) => Number(value.toFixed(digits));
export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
