/** Module names from `Modules linked in: mvpp2(E) nf_tables [last unloaded: foo]`; taint marks dropped. */
export function parseModulesLine(text: string): string[] | undefined {
  const m = /^Modules linked in:(.*)$/.exec(text);
  if (m?.[1] === undefined) return undefined;
  return m[1]
    .replace(/\[last unloaded:[^\]]*\]/, '')
    .split(/\s+/)
    .map((name) => name.replace(/\([A-Z+-]+\)$/, ''))
    .filter((name) => /^[\w-]+$/.test(name));
}
