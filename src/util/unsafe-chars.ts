/**
 * Characters of untrusted text that must not reach a terminal or a ticket as they are, as a RegExp class (for the `u`
 * flag): C0 controls but tab (ESC starts terminal escape sequences, CR/BS overwrite what was printed), DEL, C1
 * controls (U+009B is a one-byte CSI), format characters (bidirectional overrides and isolates reorder what the reader
 * sees; zero-width characters, U+00AD, U+2061-2064, tag characters hide), line and paragraph separators, and every
 * default-ignorable code point (variation selectors, Hangul fillers, U+034F, U+180E): two titles or names that look
 * the same could differ by one of those. Found by a review: three rows of one triage table had looked identical.
 */
export const UNSAFE_CHAR_CLASS = String.raw`[\x00-\x08\x0a-\x1f\x7f-\x9f\p{Cf}\p{Zl}\p{Zp}\p{Default_Ignorable_Code_Point}]`;
