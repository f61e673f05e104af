/** `text` as a literal inside a RegExp source. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Matches nothing: what an empty list of literals compiles to (an empty alternation would match everywhere). */
const NEVER = '(?!)';

/** One regex matching any of `literals` anywhere in a text; none at all for an empty list. */
export function anyLiteral(literals: readonly string[], flags = ''): RegExp {
  return new RegExp(literals.map(escapeRegExp).join('|') || NEVER, flags);
}
