/** Writes dmesg lines with `[ seconds.micros]` stamps that advance by a fixed tick. */
export class Dmesg {
  constructor(startUsec = 0) {
    this.usec = startUsec;
    this.lines = [];
  }

  /** A non-kernel header line (the sample note): no timestamp, so no parser takes it for kernel output. */
  raw(text) {
    this.lines.push(text);
  }

  line(text, tickUsec = 7) {
    const s = Math.floor(this.usec / 1e6);
    const us = String(this.usec % 1e6).padStart(6, '0');
    this.lines.push(`[${String(s).padStart(5, ' ')}.${us}] ${text}`);
    this.usec += tickUsec;
  }

  at(seconds) {
    this.usec = Math.max(this.usec, Math.round(seconds * 1e6));
  }

  text() {
    return `${this.lines.join('\n')}\n`;
  }
}

export function hex16(v) {
  return BigInt.asUintN(64, v).toString(16).padStart(16, '0');
}

/** arch/arm64/kernel/process.c __show_regs: `x%-2d: %016llx`, three per line from x29 down to x0. */
export function registerLines(regs) {
  const out = [];
  let row = [];
  for (let i = 29; i >= 0; i--) {
    row.push(`x${String(i).padEnd(2, ' ')}: ${hex16(regs[i] ?? 0n)}`);
    if (row.length === 3 || i === 0) {
      out.push(row.join(' '));
      row = [];
    }
  }
  return out;
}

/** Deterministic register filler: kernel-looking pointers that are never 64-byte aligned (so never a page range). */
export function fillerRegisters(seed) {
  const regs = [];
  let x = BigInt(seed) * 0x9e3779b97f4a7c15n;
  for (let i = 0; i <= 30; i++) {
    x = BigInt.asUintN(64, x * 6364136223846793005n + 1442695040888963407n);
    const low = (x >> 20n) & 0xfffffffn;
    const base = i % 3 === 0 ? 0xffff800008000000n : 0xffff000080000000n;
    regs.push(base + low * 64n + 8n + BigInt(i % 7) * 8n);
  }
  return regs;
}
