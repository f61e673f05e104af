import { shapeLabel, shapeOf } from './hypotheses.js';
import { DEFAULT_STRUCT_PAGE_SIZE } from './struct-page-size.js';
import type { Layout } from './types.js';

/**
 * `E3 48-bit/4K`, or `E3 48-bit/4K, 80-byte struct page` when struct page is not the usual size: what a struct page
 * address means depends on both, so triage merges findings only under one label.
 */
export function layoutLabel(l: Layout): string {
  const size = l.structPageSize.value;
  return `${shapeLabel(shapeOf(l))}${size === DEFAULT_STRUCT_PAGE_SIZE ? '' : `, ${size}-byte struct page`}`;
}
