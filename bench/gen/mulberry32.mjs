/** mulberry32: a tiny seeded 32-bit PRNG, so the same seed always gives the same log bytes. */
export class Mulberry32 {
  /** @param {number} seed */
  constructor(seed) {
    this.state = seed >>> 0;
  }

  /** Next unsigned 32-bit integer. */
  nextU32() {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Float in [0, 1). */
  next() {
    return this.nextU32() / 4294967296;
  }

  /** Integer in [lo, hi] (inclusive). */
  int(lo, hi) {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /** @template T @param {readonly T[]} items @returns {T} */
  pick(items) {
    return items[Math.floor(this.next() * items.length)];
  }

  /** `count` lower-case hex digits. */
  hex(count) {
    let out = '';
    while (out.length < count) out += this.nextU32().toString(16).padStart(8, '0');
    return out.slice(0, count);
  }
}
