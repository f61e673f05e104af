/**
 * The fewest columns the text renderers lay out in: `renderText`'s `width` (prose) and `renderSummaryText`'s `columns`
 * (table rows) are at least this, and the CLI gives a narrower terminal this many. Narrower, a summary's rows had been
 * clipped to a bare `…` each.
 */
export const MIN_TEXT_WIDTH = 60;
