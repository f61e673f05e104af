import { Mulberry32 } from './mulberry32.mjs';
import { PrintkClock } from './printk-clock.mjs';
import { bootPreamble } from './boot-preamble.mjs';
import { noiseLine } from './noise-lines.mjs';
import { VmemmapStorm } from './vmemmap-storm.mjs';
import { driverWarning } from './driver-warning.mjs';
import { oops } from './oops.mjs';
import { mixByName } from './mixes.mjs';

/**
 * A synthetic arm64 dmesg as a sequence of string chunks (~chunkBytes each, whole lines, ASCII so one char is one
 * byte). Deterministic: the bytes depend only on seed, sizeBytes and mix, never on chunkBytes.
 * Generation stops at the first line boundary at or past sizeBytes once the current splat is complete.
 * @param {{ seed: number, sizeBytes: number, mix: string, chunkBytes?: number }} opts
 * @returns {Generator<string>}
 */
export function* logChunks({ seed, sizeBytes, mix, chunkBytes = 1 << 20 }) {
  const params = mixByName(mix);
  const rng = new Mulberry32(seed);
  const clock = new PrintkClock();
  const storm = new VmemmapStorm(rng, params.vmemmapSections);
  let parts = [];
  let pending = 0;
  let total = 0;
  let tainted = false;
  let oopsCount = 0;

  const emit = (message) => {
    const line = `${clock.prefix()}${message}\n`;
    parts.push(line);
    pending += line.length;
  };
  const emitSplat = (messages) => {
    for (const m of messages) {
      clock.advance(rng.int(1, 40));
      emit(m);
    }
    tainted = true;
    return messages.length;
  };
  const event = () => {
    const roll = rng.next();
    const { vmemmap, warning } = params.weights;
    if (roll < vmemmap) {
      let lines = 0;
      for (let n = rng.int(params.burst[0], params.burst[1]); n > 0; n--) lines += emitSplat(storm.nextSplat(tainted));
      return lines;
    }
    if (roll < vmemmap + warning) return emitSplat(driverWarning(rng, tainted));
    return emitSplat(oops(rng, tainted, ++oopsCount));
  };
  const flush = () => {
    const chunk = parts.join('');
    total += pending;
    parts = [];
    pending = 0;
    return chunk;
  };

  for (const m of bootPreamble()) {
    clock.advance(rng.int(0, 2000));
    emit(m);
  }
  // Userspace comes up before the first driver loads, so every log opens with some ordinary chatter.
  let gap = params.gapLines ? rng.int(params.gapLines[0], params.gapLines[1]) : rng.int(200, 600);
  while (total + pending < sizeBytes) {
    if (gap > 0) {
      clock.advance(rng.int(50, 2000));
      emit(noiseLine(rng));
      gap--;
    } else {
      const lines = event();
      gap = params.gapLines
        ? rng.int(params.gapLines[0], params.gapLines[1])
        : Math.round((lines * (1 - params.splatShare)) / params.splatShare);
    }
    if (pending >= chunkBytes) yield flush();
  }
  if (pending > 0) yield flush();
}
