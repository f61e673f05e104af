import stringWidth from 'string-width';

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Terminal columns: a CJK character takes two, a combining mark none. Printable ASCII is its length; the CLI's bundle
 * loads string-width only for the rest (scripts/bundle-cli.mjs), as loading it costs 20 ms.
 */
export function columns(s: string): number {
  return PRINTABLE_ASCII.test(s) ? s.length : stringWidth(s);
}
