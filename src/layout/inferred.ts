import type { Confidence, Inferred, Provenance, SourceKind } from './types.js';

export function inferred<T>(value: T, kind: SourceKind, confidence: Confidence, detail: Omit<Provenance, 'kind'> = {}): Inferred<T> {
  return { value, source: { kind, ...detail }, confidence };
}

const RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

export function weakest(...levels: Confidence[]): Confidence {
  return levels.reduce((a, b) => (RANK[b] < RANK[a] ? b : a), 'high');
}
