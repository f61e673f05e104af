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
 * Text that every line of a common capture carries: syslog's and journalctl's `host kernel: ` tag, and the fields of a
 * `journalctl -o json` entry of the kernel. A bucket that let any of it through made every line a candidate: with `gene` (general
 * protection fault) beside `Kern`, `Mach` and `Memo`, the nibbles passed `kern`, 11,000 candidates a MB of
 * `journalctl -o short-precise` against 1,600 for the same lines as dmesg prints them.
 */
const CAPTURE_TEXT = [
  ' kernel: ',
  // A MESSAGE that is a string, spaced as JOURNAL_NEEDLES space one that is bytes.
  '"MESSAGE":"',
  '"MESSAGE": "',
  '"MESSAGE" : "',
  // The fields journald gives every kernel entry.
  '"__CURSOR"',
  '"__REALTIME_TIMESTAMP"',
  '"__MONOTONIC_TIMESTAMP"',
  '"_SOURCE_MONOTONIC_TIMESTAMP"',
  '"_BOOT_ID"',
  '"_MACHINE_ID"',
  '"_HOSTNAME"',
  '"_TRANSPORT"',
  '"PRIORITY"',
  '"SYSLOG_FACILITY"',
  '"SYSLOG_IDENTIFIER"',
  // Between them: a value of digits (a time, an id) or of letters.
  ...[...'0123456789ks'].map((first) => `":"${first}`),
  '","',
];

/**
 * Every 4-byte window of CAPTURE_TEXT as one number: the low nibbles of its bytes in the low 16 bits (byte p at bits
 * 4p), the high nibbles above.
 */
function captureWindows(): Int32Array {
  const windows: number[] = [];
  for (const text of CAPTURE_TEXT) {
    for (let at = 0; at + FINGERPRINT_BYTES <= text.length; at++) {
      let lo = 0;
      let hi = 0;
      for (let p = 0; p < FINGERPRINT_BYTES; p++) {
        const byte = text.charCodeAt(at + p);
        lo |= (byte & 15) << (4 * p);
        hi |= (byte >> 4) << (4 * p);
      }
      windows.push(lo | (hi << 16));
    }
  }
  return Int32Array.from(windows);
}

const CAPTURE_WINDOWS = captureWindows();

/**
 * Tables for the nibble-shuffle ("Teddy") prefilter: each needle gets a 4-byte window and a bucket. A needle shorter
 * than 4 bytes gets wildcard fingerprint bytes past its end. Greedy, needle by needle, over every window and bucket:
 * first no bucket that lets CAPTURE_TEXT through where another choice keeps it out, then the window whose bytes are
 * rarest in kernel logs (commonness), then the bucket whose nibble sets grow least (fewer false candidates); a needle
 * alone in a fresh bucket costs nothing.
 */
export function buildFingerprints(needles: readonly Uint8Array[]): Fingerprints {
  // Needles in the order of their rarest windows, so that alike ones come one after another.
  const entries = needles
    .filter((bytes) => bytes.length > 0)
    .map((bytes) => ({ bytes, windows: scoredWindows(bytes) }))
    .map((entry) => ({ ...entry, rarest: entry.windows.reduce((a, b) => (b.score < a.score ? b : a)).window }))
    .sort((a, b) => compareWindows({ bytes: a.bytes, window: a.rarest }, { bytes: b.bytes, window: b.rarest }));
  const sets = Array.from({ length: BUCKETS }, () => new NibbleSets());
  const buckets: FingerprintNeedle[][] = Array.from({ length: BUCKETS }, () => []);
  for (const { bytes, windows } of entries) {
    const best = bestPlace(bytes, windows, sets, CAPTURE_WINDOWS);
    sets[best.bucket]!.add(best.needle);
    buckets[best.bucket]!.push(best.needle);
  }
  const tables = new Uint8Array(2 * FINGERPRINT_BYTES * 16);
  sets.forEach((set, bucket) => set.writeTo(tables, 1 << bucket));
  return { tables, buckets };
}

/**
 * The least cost [lets capture text through, window score, growth] over the needle's windows and the buckets, the
 * first such pair in window and bucket order. Windows are taken rarest first and each one's buckets least growth
 * first, so that the capture-text test (the dear one: 11 ms of every start when made for each pair) is made only until
 * a bucket keeps capture text out.
 */
function bestPlace(bytes: Uint8Array, windows: readonly ScoredWindow[], sets: readonly NibbleSets[], capture: Int32Array): { bucket: number; needle: FingerprintNeedle } {
  let best: { bucket: number; needle: FingerprintNeedle; cost: number[] } | undefined;
  let leastLeaky: { bucket: number; needle: FingerprintNeedle; cost: number[] } | undefined;
  // A stable sort: windows of one score keep their order, as the order of the pairs breaks ties.
  for (const { window, score } of [...windows].sort((a, b) => a.score - b.score)) {
    if (best !== undefined && score > best.cost[0]!) break;
    const needle = { bytes, window };
    const growths = sets.map((set) => set.growth(needle));
    const order = growths.map((_, bucket) => bucket).sort((a, b) => growths[a]! - growths[b]! || a - b);
    const cheapest = order[0]!;
    if (leastLeaky === undefined || isLess([score, growths[cheapest]!], leastLeaky.cost)) {
      leastLeaky = { bucket: cheapest, needle, cost: [score, growths[cheapest]!] };
    }
    for (const bucket of order) {
      const cost = [score, growths[bucket]!];
      if (best !== undefined && !isLess(cost, best.cost)) break;
      if (sets[bucket]!.passesWith(needle, capture)) continue;
      best = { bucket, needle, cost };
      break;
    }
  }
  return best ?? leastLeaky!;
}

/** Whether cost `a` is less than `b`, compared term by term. */
function isLess(a: readonly number[], b: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
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

  /** Whether, with `needle` added, the bucket would pass any of `windows` (CAPTURE_WINDOWS). */
  passesWith(needle: FingerprintNeedle, windows: Int32Array): boolean {
    const lo: number[] = [];
    const hi: number[] = [];
    for (let p = 0; p < FINGERPRINT_BYTES; p++) {
      const [l, h] = nibbleMasks(needle.bytes[needle.window + p]);
      lo.push(this.lo[p]! | l);
      hi.push(this.hi[p]! | h);
    }
    return windows.some((w) => {
      for (let p = 0; p < FINGERPRINT_BYTES; p++) {
        if (((lo[p]! >> ((w >> (4 * p)) & 15)) & 1) === 0 || ((hi[p]! >> ((w >>> (16 + 4 * p)) & 15)) & 1) === 0) return false;
      }
      return true;
    });
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

interface ScoredWindow {
  window: number;
  score: number;
}

/** Every window of `bytes` with how common its bytes are in log text (commonness); window 0 for a needle shorter than one. */
function scoredWindows(bytes: Uint8Array): ScoredWindow[] {
  const windows: ScoredWindow[] = [];
  for (let w = 0; w + FINGERPRINT_BYTES <= bytes.length; w++) {
    let score = 0;
    for (let p = 0; p < FINGERPRINT_BYTES; p++) score += commonness(bytes[w + p]!);
    windows.push({ window: w, score });
  }
  return windows.length > 0 ? windows : [{ window: 0, score: 0 }];
}

function compareWindows(a: FingerprintNeedle, b: FingerprintNeedle): number {
  for (let p = 0; p < FINGERPRINT_BYTES; p++) {
    const x = a.bytes[a.window + p] ?? -1;
    const y = b.bytes[b.window + p] ?? -1;
    if (x !== y) return x - y;
  }
  return 0;
}
