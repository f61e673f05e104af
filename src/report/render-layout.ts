import type { Layout } from '../layout/types.js';
import { layoutTable } from '../layout/layout-table.js';
import { layoutReport } from './layout-report.js';
import { formatTable } from './text-table.js';
import { sanitizeTerminal } from './terminal-sanitize.js';
import { checkLayouts } from '../layout/check-layout.js';

/**
 * `vmemwarn layout` as text: one table per layout, every number with its confidence and where it came from, then the
 * layout's assumptions. The CLI gives it `candidateLayouts`: the layout taken first, then labelled alternatives.
 */
export function renderLayoutText(layouts: readonly Layout[]): string {
  checkLayouts('renderLayoutText', 'layouts', layouts);
  const out: string[] = [];
  for (const layout of layouts) {
    out.push(`Layout ${sanitizeTerminal(layout.label ?? layout.era.value)}`);
    // Values come from the log too (the kernel release is its `Linux version` token): every cell is cleaned.
    const rows = layoutTable(layout).map((r) => [r.name, r.value, r.confidence, r.provenance].map(sanitizeTerminal));
    out.push(...formatTable(['name', 'value', 'confidence', 'source'], rows, { indent: '  ' }));
    if (layout.assumptions.length > 0) {
      out.push('  Assumptions (not verified against kernel source):');
      for (const a of layout.assumptions) out.push(`  - ${sanitizeTerminal(a)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

/**
 * The `schemaVersion` of `layout --format json` (schema/layout.schema.json): a minor bump adds keys, a major one
 * changes or removes them.
 */
export const LAYOUT_SCHEMA_VERSION = '1.0.0';

/**
 * `vmemwarn layout --format json`: `{ schemaVersion: LAYOUT_SCHEMA_VERSION, layouts }`, each layout as the report's with its `label`.
 * Validates against schema/layout.schema.json (`vmemwarn/schema/layout.schema.json`).
 */
export function renderLayoutJson(layouts: readonly Layout[]): string {
  checkLayouts('renderLayoutJson', 'layouts', layouts);
  return `${JSON.stringify({ schemaVersion: LAYOUT_SCHEMA_VERSION, layouts: layouts.map((l) => ({ label: l.label ?? l.era.value, ...layoutReport(l) })) }, null, 2)}\n`;
}
