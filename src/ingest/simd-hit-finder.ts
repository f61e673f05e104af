import { buildFingerprints, type FingerprintNeedle, type Fingerprints } from './fingerprint-tables.js';
import type { HitFinder } from './hit-finder.js';
import { TRIGGER_SCAN_WASM_BASE64 } from './wasm/trigger-scan-binary.js';
import { compileEmbedded } from './wasm/compile-embedded.js';
import { LF } from './line-break-bytes.js';

/** Offsets in the module's memory; see trigger-scan.wat. */
const INPUT = 1024;
const OUTPUT = 67584;
const PADDING = 32;
/** Largest region one scan takes: a 64 KiB slice, or a line at the default cap plus its line break. INPUT holds
 *  it with its padding below OUTPUT, and OUTPUT holds a pair for every position scanned (at most the region plus
 *  19 bytes, 8 bytes each) below the end of the module's 768 KiB. */
export const SIMD_REGION_BYTES = 65536 + 512;

interface ScanExports {
  memory: WebAssembly.Memory;
  scan(len: number): number;
  countNewlines(from: number, to: number): number;
}

let compiled: WebAssembly.Module | null | undefined;
/** One instance per needle set and thread: triage analyses thousands of files, each with the same needles. */
const instances = new Map<string, SimdHitFinder>();
/** The analyzer uses one needle set; tests and embedders may make more, so the cache is kept small. */
const MAX_INSTANCES = 8;
/** Keys by needle array: `TriggerPattern.of` hands every reader the same `searchBytes`, so no key is built per input. */
const keysByArray = new WeakMap<readonly Uint8Array[], string>();

/** The scan module, compiled once; undefined without WebAssembly SIMD, where the regex finder does the work. */
function compiledModule(): WebAssembly.Module | undefined {
  if (compiled === undefined) compiled = compileEmbedded(TRIGGER_SCAN_WASM_BASE64) ?? null;
  return compiled ?? undefined;
}

let counter: ScanExports | null | undefined;

/**
 * The number of LF bytes in `bytes`: counted in slices by the module's SIMD loop on an instance of its own (the
 * shared finders may be mid-region), or by `indexOf` where the runtime lacks WebAssembly SIMD.
 */
export function countNewlines(bytes: Uint8Array): number {
  if (counter === undefined) {
    const module = compiledModule();
    counter = module === undefined ? null : (new WebAssembly.Instance(module).exports as unknown as ScanExports);
  }
  if (counter === null) return countNewlinesByIndexOf(bytes);
  const memory = new Uint8Array(counter.memory.buffer);
  let n = 0;
  for (let at = 0; at < bytes.length; at += SIMD_REGION_BYTES) {
    const slice = bytes.subarray(at, at + SIMD_REGION_BYTES);
    memory.set(slice, INPUT);
    n += counter.countNewlines(0, slice.length);
  }
  return n;
}

function countNewlinesByIndexOf(bytes: Uint8Array): number {
  let n = 0;
  for (let at = bytes.indexOf(LF); at !== -1; at = bytes.indexOf(LF, at + 1)) n++;
  return n;
}

/**
 * Finds needles with the WebAssembly SIMD prefilter (trigger-scan.wat) and checks each candidate byte for byte.
 * A region is copied into the module's memory once; hits are then served in order, and newlines are counted
 * there too. Regions longer than SIMD_REGION_BYTES are not accepted (`fits`).
 *
 * Instances are shared by every user of the same needles on a thread. That is safe because a user begins a
 * region and finishes with it inside one synchronous call (LineFeeder.scan), so regions never interleave.
 */
export class SimdHitFinder implements HitFinder {
  private readonly exports: ScanExports;
  private readonly memory: Uint8Array;
  private readonly fingerprints: Fingerprints;
  private regionStart = 0;
  private regionEnd = 0;
  private hits: number[] = [];
  private cursor = 0;

  private constructor(module: WebAssembly.Module, needles: readonly Uint8Array[]) {
    this.exports = new WebAssembly.Instance(module).exports as unknown as ScanExports;
    this.memory = new Uint8Array(this.exports.memory.buffer);
    this.fingerprints = buildFingerprints(needles);
    this.memory.set(this.fingerprints.tables, 0);
  }

  /** undefined when the runtime lacks WebAssembly SIMD. */
  static create(needles: readonly Uint8Array[]): SimdHitFinder | undefined {
    const module = compiledModule();
    if (module === undefined) return undefined;
    let key = keysByArray.get(needles);
    if (key === undefined) {
      key = needles.map((n) => Buffer.from(n).toString('hex')).join(',');
      keysByArray.set(needles, key);
    }
    let finder = instances.get(key);
    if (finder === undefined) {
      finder = new SimdHitFinder(module, needles);
      if (instances.size >= MAX_INSTANCES) instances.clear();
      instances.set(key, finder);
    }
    return finder;
  }

  fits(start: number, end: number): boolean {
    return end - start <= SIMD_REGION_BYTES;
  }

  begin(buf: Buffer, start: number, end: number): void {
    const len = end - start;
    this.memory.set(buf.subarray(start, end), INPUT);
    this.memory.fill(0, INPUT + len, INPUT + len + PADDING);
    this.regionStart = start;
    this.regionEnd = end;
    this.hits = this.verify(this.exports.scan(len), len);
    this.cursor = 0;
  }

  next(pos: number): number {
    while (this.cursor < this.hits.length && this.hits[this.cursor]! < pos) this.cursor++;
    return this.hits[this.cursor] ?? this.regionEnd;
  }

  countNewlines(from: number, to: number): number {
    return this.exports.countNewlines(from - this.regionStart, to - this.regionStart);
  }

  /** Needle starts (absolute offsets, ascending) among the scan's candidates. */
  private verify(candidates: number, len: number): number[] {
    const out = new Int32Array(this.exports.memory.buffer, OUTPUT, 2 * candidates);
    const starts: number[] = [];
    for (let c = 0; c < candidates; c++) {
      const window = out[2 * c]!;
      let bits = out[2 * c + 1]!;
      for (let bucket = 0; bits !== 0; bucket++, bits >>>= 1) {
        if ((bits & 1) === 0) continue;
        for (const needle of this.fingerprints.buckets[bucket]!) {
          const at = window - needle.window;
          if (at >= 0 && at + needle.bytes.length <= len && this.matchesAt(needle, at)) starts.push(this.regionStart + at);
        }
      }
    }
    // Windows sit at different offsets in their needles, so starts can come out of order.
    return starts.sort((a, b) => a - b);
  }

  private matchesAt(needle: FingerprintNeedle, at: number): boolean {
    const { bytes } = needle;
    const base = INPUT + at;
    for (let i = 0; i < bytes.length; i++) if (this.memory[base + i] !== bytes[i]) return false;
    return true;
  }
}
