/**
 * A value of the wrong kind as a usage message names it: a string quoted, a number as written, anything else by its
 * kind (`an array`, `null`, `an object`). A value is never spread into the message whole: an input list read from a
 * file could be long.
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') return value.length > 40 ? `the string '${value.slice(0, 40)}…'` : `the string '${value}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return `the ${typeof value} ${String(value)}`;
  if (typeof value === 'bigint') return `the bigint ${value}n`;
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}
