/** The printk timestamp of a 6.1 kernel (`[%5lu.%06lu] `), advanced in whole microseconds. */
export class PrintkClock {
  constructor() {
    this.micros = 0;
  }

  /** Moves the clock forward by `micros` microseconds. */
  advance(micros) {
    this.micros += micros;
  }

  /** The prefix for a line printed now. */
  prefix() {
    const secs = Math.floor(this.micros / 1e6);
    const frac = this.micros - secs * 1e6;
    return `[${String(secs).padStart(5, ' ')}.${String(frac).padStart(6, '0')}] `;
  }
}
