/** Bytes per fingerprint: the matcher tests this many consecutive bytes of each needle. */
export const FINGERPRINT_BYTES = 4;
/** One bit per bucket in a table lane. */
export const BUCKETS = 8;

export interface FingerprintNeedle {
  bytes: Uint8Array;
  /** Offset in `bytes` of the fingerprint window. */
  window: number;
}

export interface Fingerprints {
  /** 2 × FINGERPRINT_BYTES nibble tables of 16 lanes, laid out as trigger-scan.wat expects (LO(p) then HI(p)). */
  tables: Uint8Array;
  /** The needles of each bucket. */
  buckets: FingerprintNeedle[][];
}

/**
 * Tables for the nibble-shuffle ("Teddy") prefilter: each needle gets a 4-byte window, chosen where its bytes are
 * rarest in kernel logs, and a bucket. A needle shorter than 4 bytes gets wildcard fingerprint bytes past its end.
 * Needles with similar windows share a bucket, so that a bucket's nibble sets stay small (fewer false candidates).
 */
export function buildFingerprints(needles: readonly Uint8Array[]): Fingerprints {
  const entries = needles
    .filter((bytes) => bytes.length > 0)
    .map((bytes) => ({ bytes, window: rarestWindow(bytes) }))
    .sort((a, b) => compareWindows(a, b));
  const sets = Array.from({ length: BUCKETS }, () => new NibbleSets());
  const buckets: FingerprintNeedle[][] = Array.from({ length: BUCKETS }, () => []);
  for (const entry of entries) {
    // Greedy: the bucket whose tables grow least; a needle alone in a fresh bucket costs nothing.
    let best = 0;
    let bestGrowth = Infinity;
    sets.forEach((set, bucket) => {
      const growth = set.growth(entry);
      if (growth < bestGrowth) {
        best = bucket;
        bestGrowth = growth;
      }
    });
    sets[best]!.add(entry);
    buckets[best]!.push(entry);
  }
  const tables = new Uint8Array(2 * FINGERPRINT_BYTES * 16);
  sets.forEach((set, bucket) => set.writeTo(tables, 1 << bucket));
  return { tables, buckets };
}

/** The low and high nibbles a bucket accepts at each fingerprint byte. */
class NibbleSets {
  private readonly lo: number[] = new Array<number>(FINGERPRINT_BYTES).fill(0);
  private readonly hi: number[] = new Array<number>(FINGERPRINT_BYTES).fill(0);

  /** How many more 4-byte sequences the bucket accepts with the needle added: its false candidates grow with that. */
  growth(needle: FingerprintNeedle): number {
    let before = 1;
    let after = 1;
    for (let p = 0; p < FINGERPRINT_BYTES; p++) {
      const [lo, hi] = nibbleMasks(needle.bytes[needle.window + p]);
      before *= popcount(this.lo[p]!) * popcount(this.hi[p]!);
      after *= popcount(this.lo[p]! | lo) * popcount(this.hi[p]! | hi);
    }
    return after - before;
  }

  add(needle: FingerprintNeedle): void {
    for (let p = 0; p < FINGERPRINT_BYTES; p++) {
      const [lo, hi] = nibbleMasks(needle.bytes[needle.window + p]);
      this.lo[p]! |= lo;
      this.hi[p]! |= hi;
    }
  }

  writeTo(tables: Uint8Array, bit: number): void {
    for (let p = 0; p < FINGERPRINT_BYTES; p++) {
      for (let nibble = 0; nibble < 16; nibble++) {
        if ((this.lo[p]! >> nibble) & 1) tables[32 * p + nibble]! |= bit;
        if ((this.hi[p]! >> nibble) & 1) tables[32 * p + 16 + nibble]! |= bit;
      }
    }
  }
}

/** 16-bit sets of the low and high nibble of a fingerprint byte; a missing byte (past a short needle) is a wildcard. */
function nibbleMasks(byte: number | undefined): [number, number] {
  return byte === undefined ? [0xffff, 0xffff] : [1 << (byte & 15), 1 << (byte >> 4)];
}

function popcount(mask: number): number {
  let n = 0;
  for (let m = mask; m !== 0; m &= m - 1) n++;
  return n;
}

/** How often a byte shows up in ordinary log text: lowercase, digits and spaces fill most of every line. */
function commonness(byte: number): number {
  if ((byte >= 0x61 && byte <= 0x7a) || byte === 0x20) return 3;
  if (byte >= 0x30 && byte <= 0x39) return 2;
  return 0;
}

function rarestWindow(bytes: Uint8Array): number {
  let best = 0;
  let bestScore = Infinity;
  for (let w = 0; w + FINGERPRINT_BYTES <= bytes.length; w++) {
    let score = 0;
    for (let p = 0; p < FINGERPRINT_BYTES; p++) score += commonness(bytes[w + p]!);
    if (score < bestScore) {
      best = w;
      bestScore = score;
    }
  }
  return best;
}

function compareWindows(a: FingerprintNeedle, b: FingerprintNeedle): number {
  for (let p = 0; p < FINGERPRINT_BYTES; p++) {
    const x = a.bytes[a.window + p] ?? -1;
    const y = b.bytes[b.window + p] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}
