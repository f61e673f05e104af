/** A storm repeats one `Modules linked in:` line in every splat: the last line read and its names. */
let last: { text: string; names: string[] | undefined } | undefined;

function readModulesLine(text: string): string[] | undefined {
  const m = /^Modules linked in:(.*)$/.exec(text);
  if (m?.[1] === undefined) return undefined;
  return withoutLastUnloaded(m[1])
    .split(/\s+/)
    .map((name) => name.replace(/\([A-Z+-]+\)$/, ''))
    .filter((name) => /^[\w-]+$/.test(name));
}

/** Drops the first `[last unloaded: …]`, as `/\[last unloaded:[^\]]*\]/` would, in linear time (the regex is
 *  quadratic in a line of many unclosed ones). */
function withoutLastUnloaded(text: string): string {
  const at = text.indexOf('[last unloaded:');
  const end = at === -1 ? -1 : text.indexOf(']', at + '[last unloaded:'.length);
  return end === -1 ? text : text.slice(0, at) + text.slice(end + 1);
}

/** Module names from `Modules linked in: mvpp2(E) nf_tables [last unloaded: foo]`; taint marks dropped. */
export function parseModulesLine(text: string): string[] | undefined {
  if (!text.startsWith('Modules linked in:')) return undefined;
  if (last?.text !== text) last = { text, names: readModulesLine(text) };
  return last.names && [...last.names];
}
