/** A GFM table from cells that are already escaped Markdown; the first column is left-aligned, numbers may be right. */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  rightAligned: readonly number[] = [],
): string[] {
  const row = (cells: readonly string[]) => `| ${header.map((_, i) => cells[i] ?? '').join(' | ')} |`;
  const rule = `|${header.map((_, i) => (rightAligned.includes(i) ? '---:' : '---')).join('|')}|`;
  return [row(header), rule, ...rows.map(row)];
}
