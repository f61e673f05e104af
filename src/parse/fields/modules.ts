/** A storm repeats one `Modules linked in:` line in every splat: the last line read and its names. */
let last: { text: string; names: string[] | undefined } | undefined;

function readModulesLine(text: string): string[] | undefined {
  const m = /^Modules linked in:(.*)$/.exec(text);
  if (m?.[1] === undefined) return undefined;
  return m[1]
    .replace(/\[last unloaded:[^\]]*\]/, '')
    .split(/\s+/)
    .map((name) => name.replace(/\([A-Z+-]+\)$/, ''))
    .filter((name) => /^[\w-]+$/.test(name));
}

/** Module names from `Modules linked in: mvpp2(E) nf_tables [last unloaded: foo]`; taint marks dropped. */
export function parseModulesLine(text: string): string[] | undefined {
  if (!text.startsWith('Modules linked in:')) return undefined;
  if (last?.text !== text) last = { text, names: readModulesLine(text) };
  return last.names && [...last.names];
}
