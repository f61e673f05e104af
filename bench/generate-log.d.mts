/** Types for the plain-ESM benchmark generator, so the TypeScript tests can import it. */
export interface LogOptions {
  seed: number;
  sizeBytes: number;
  mix: 'quiet' | 'storm';
  chunkBytes?: number;
}
export interface Mix {
  gapLines?: [number, number];
  splatShare?: number;
  burst: [number, number];
  weights: { vmemmap: number; warning: number; oops: number };
  vmemmapSections: number;
}
export function logChunks(opts: LogOptions): Generator<string>;
export const MIXES: Record<'quiet' | 'storm', Mix>;
export const GENERATOR_VERSION: number;
export const DEFAULT_DIR: string;
export function writeLog(file: string, opts: LogOptions): Promise<string>;
export function logFileName(opts: LogOptions): string;
export function ensureLog(dir: string, opts: LogOptions): Promise<string>;
export function parseSize(text: string): number;
