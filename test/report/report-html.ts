/** Every HTML tag the Markdown report itself produces (markdown-it); anything else came from log text. */
export const REPORT_TAGS = [
  'code', 'details', 'em', 'h2', 'h3', 'li', 'ol', 'p', 'pre', 'strong', 'summary', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
];

export function tagsIn(html: string): string[] {
  return [...new Set([...html.matchAll(/<\/?([a-z0-9]+)/gi)].map((m) => m[1]!.toLowerCase()))].sort();
}
