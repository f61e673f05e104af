import { normalizeTitleUnchecked } from '../analyze/signature.js';
import { clipText } from './clip-text.js';

export interface TitledCluster {
  kind: string;
  title: string;
  signature: string;
}

/** Enough for a source path or two function names; a table row stays readable. */
const DETAIL_CHARS = 60;

/**
 * The titles a cluster table shows, each cut by `clip`. Clusters that share a title (two `WARNING in corrupted` from
 * different WARN_ONs, or one function's WARNING reached from different callers) would differ only in their ids: each
 * of those is followed by what its signature adds to the title, the WARN site's file (`(at net/ipv6/xfrm6_tunnel.c)`)
 * or the frames that key it (`(via f, g)`), kept whole however `clip` cuts the title.
 */
export function distinctTitles(clusters: readonly TitledCluster[], clip: (title: string) => string = (t) => t): string[] {
  const uses = new Map<string, number>();
  for (const c of clusters) uses.set(c.title, (uses.get(c.title) ?? 0) + 1);
  return clusters.map((c) => {
    const detail = (uses.get(c.title) ?? 0) > 1 ? signatureDetail(c) : '';
    return detail === '' ? clip(c.title) : `${clip(c.title)} (${clipText(detail, DETAIL_CHARS)})`;
  });
}

/** What the signature says beyond the kind and title (signature.ts): frames, or the site of a corrupted report. */
function signatureDetail(c: TitledCluster): string {
  const head = `${c.kind} | ${normalizeTitleUnchecked(c.title)} | `;
  if (!c.signature.startsWith(head)) return '';
  const parts = c.signature.slice(head.length).split(' | ');
  const sites = parts.filter((p) => p.startsWith('at '));
  const frames = parts.filter((p) => !p.startsWith('at '));
  return [...sites, ...(frames.length > 0 ? [`via ${frames.join(', ')}`] : [])].join(', ');
}
