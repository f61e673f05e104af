/**
 * What vmemwarn itself writes, told by how it begins: a report or summary of an earlier run left among the logs
 * (`--out reports/` inside the tree, `-o summary.md` next to the logs). A Markdown report quotes its example splats,
 * so read as a log it would add them again to their clusters.
 */
const HEADS: readonly { what: string; re: RegExp }[] = [
  // The headline may go on with the crashes (`, 1 panic, 1 Oops`) and the inputs not read (`; 1 input not read`).
  { what: 'text report', re: /^vmemwarn \d+\.\d+\.\d+\S*: \d+ splats? in \d+ clusters?, \d+ vmemmap(?:[,;] [^\n]*)?\n/ },
  // A panic or Oops comes first, in a sentence of its own (`**Kernel panic** after \`WARNING in foo\` at line 5. `).
  { what: 'Markdown report', re: /^(?:\*\*Kernel [^*\n]+\*\*[^\n]*?\. )?\*\*vmemwarn \d+\.\d+\.\d+\S*\*\* found \d+ kernel splats? in / },
  { what: 'JSON report', re: /^\{\s*"schemaVersion": "[^"\n]*",\s*"tool": \{\s*"name": "vmemwarn",/ },
  { what: 'text triage summary', re: /^vmemwarn triage: \d+ inputs?, / },
  { what: 'Markdown triage summary', re: /^# vmemwarn triage\n/ },
  { what: 'JSON triage summary', re: /^\{\s*"schemaVersion": \d+,\s*"interrupted": (?:true|false),\s*"totals": \{/ },
  { what: 'JUnit triage summary', re: /^<\?xml [^\n]*\?>\n<testsuites name="vmemwarn triage"/ },
];

/**
 * Bytes of the head the patterns look at: each fits in its first lines. A Markdown report's crash sentence quotes a
 * title (up to 200 characters, escaped) and, of several inputs, the input's name.
 */
export const EARLIER_OUTPUT_HEAD_BYTES = 8192;

/** The colours of a text report or summary written with `--color` (SGR sequences only). */
const SGR = /\x1b\[[0-9;]*m/g;

/** `Markdown report` when the head is the beginning of one of vmemwarn's outputs, else undefined. */
export function earlierOutputKind(head: Buffer): string | undefined {
  const text = head.subarray(0, EARLIER_OUTPUT_HEAD_BYTES).toString('latin1').replace(SGR, '');
  return HEADS.find((h) => h.re.test(text))?.what;
}
