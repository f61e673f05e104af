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
  const clipped = clipApart(clusters.map((c) => c.title), clip);
  return clusters.map((c, i) => {
    const detail = (uses.get(c.title) ?? 0) > 1 ? signatureDetail(c) : '';
    return detail === '' ? clipped[i]! : `${clipped[i]!} (${clipText(detail, DETAIL_CHARS)})`;
  });
}

/**
 * Each title cut by `clip`, except that titles which differ only past the cut (`… in amdgpu_dm_atomic_commit_tail_one`
 * and `…_two`) keep their ends instead of their middles, at the same length: cut alike, their rows had differed only
 * in their ids.
 */
function clipApart(titles: readonly string[], clip: (title: string) => string): string[] {
  const clipped = titles.map(clip);
  const fullTitles = new Map<string, Set<string>>();
  titles.forEach((title, i) => {
    const set = fullTitles.get(clipped[i]!) ?? new Set<string>();
    fullTitles.set(clipped[i]!, set.add(title));
  });
  return titles.map((title, i) => ((fullTitles.get(clipped[i]!)?.size ?? 0) > 1 ? clipMiddle(title, [...clipped[i]!].length) : clipped[i]!));
}

/** `text` in `length` code points, its middle cut to `…`. */
function clipMiddle(text: string, length: number): string {
  const chars = [...text];
  if (chars.length <= length) return text;
  const tail = Math.floor((length - 1) / 2);
  return `${chars.slice(0, length - 1 - tail).join('')}…${chars.slice(chars.length - tail).join('')}`;
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
