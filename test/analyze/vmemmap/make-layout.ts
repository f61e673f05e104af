import { computeConstants } from '../../../src/layout/constants.js';
import type { Layout, LayoutParams, SourceKind } from '../../../src/layout/types.js';

/** A Layout as inferLayout returns it, with `memstartKind` saying where memstart came from. */
export function makeLayout(p: Omit<LayoutParams, 'structPageSize'> & { structPageSize?: number }, memstartKind: SourceKind = 'log'): Layout {
  const params: LayoutParams = { structPageSize: 64, ...p };
  const high = <T>(value: T, kind: SourceKind = 'log') => ({ value, source: { kind }, confidence: 'high' as const });
  return {
    era: high(params.era),
    pageShift: high(params.pageShift),
    vaBits: high(params.vaBits),
    structPageSize: high(params.structPageSize, 'default'),
    memstart: { value: params.memstart, source: { kind: memstartKind }, confidence: memstartKind === 'log' ? 'high' : 'low' },
    sectionShift: high(params.sectionShift, 'version-default'),
    constants: computeConstants(params),
    assumptions: [],
  };
}
