/** The rules a text may match, by the char code it starts with; undefined when none may. */
export type FirstCharLookup<T> = (charCode: number) => readonly T[] | undefined;

/**
 * A lookup of `rules` by the first characters each names (`firstChars`, ASCII only), keeping their order: a table by
 * char code, not a Map, since it is asked of every line and a Map's hashing cost more than the rest of the lookup.
 * A text that starts outside ASCII gets the rules marked `nonAsciiFirst`. `owner` names the rules in the error thrown
 * at load for a first character outside ASCII.
 */
export function byFirstChar<T extends { readonly firstChars: string; readonly nonAsciiFirst?: true }>(
  rules: readonly T[],
  owner: string,
): FirstCharLookup<T> {
  if (rules.some((rule) => /[^\x00-\x7f]/.test(rule.firstChars))) throw new Error(`${owner}: first characters must be ASCII`);
  const table = Array.from({ length: 128 }, (_, c) => {
    const those = rules.filter((rule) => rule.firstChars.includes(String.fromCharCode(c)));
    return those.length > 0 ? those : undefined;
  });
  const nonAscii = rules.filter((rule) => rule.nonAsciiFirst === true);
  const beyond = nonAscii.length > 0 ? nonAscii : undefined;
  return (charCode) => (charCode < 128 ? table[charCode] : charCode >= 128 ? beyond : undefined);
}
