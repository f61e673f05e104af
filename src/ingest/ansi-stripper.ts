import { LF } from './line-break-bytes.js';
import { stripEscapes } from './escape-strip.js';
import { RECYCLED_BUFFERS } from './chunk-pool.js';

const ESC = 0x1b;
const BEL = 0x07;
const OPEN_BRACKET = 0x5b;

/**
 * How far an escape sequence that the chunk cut may be held for the next one. Only a CSI's parameters or an escape's
 * intermediates are held (a string sequence is dropped as it goes); past this a held sequence is taken as it stands.
 */
const MAX_HELD_BYTES = 64 * 1024;
/** The largest output kept for reuse: a whole small file is read as one chunk of up to 1 MiB (open-input.ts). */
const MAX_RECYCLED_BYTES = 1024 * 1024 + MAX_HELD_BYTES + 1;

/**
 * Removes terminal escape sequences from LF-only UTF-8 chunks, as `stripAnsi` removes them from each line, so that the
 * fast path sees the needles that colour codes cut (`dmesg --color=always` prints `ESC[33mINFO:ESC[0m task …`) and
 * coloured lines need not all be decoded. Chunks without ESC pass through as they are.
 *
 * An escape sequence cut by the end of a chunk: a string sequence (OSC, APC, DCS, PM, SOS) drops the bytes of the next
 * chunks up to its end (BEL, ESC or the line's end); any other is held and read again with the next chunk. Cutting
 * before an ESC changes nothing: no sequence holds an ESC but a string sequence's `ESC \` end, which is an escape of
 * its own when read apart.
 *
 * A stripped chunk is written into one of RECYCLED_BUFFERS buffers in turn, as a recycled file chunk is (ChunkPool):
 * the consumer (feedLines' LineFeeder) copies what it keeps before it takes the eighth chunk after it. A fresh buffer
 * for each coloured chunk, outside V8's heap, was collected late: peak RSS 78–86 MiB against 72 on a coloured 100 MiB
 * log.
 */
export class AnsiStripper {
  private readonly outputs: (Buffer | undefined)[] = [];
  private nextOutput = 0;
  /** The held sequence, in the pieces it came in: joined once it ends, not at every chunk (tiny chunks). */
  private held: Buffer[] = [];
  private heldBytes = 0;
  /** What bytes the held sequence goes on with: a CSI's parameters (then intermediates), or intermediates alone. */
  private heldRun: 'parameters' | 'intermediates' | undefined;
  /** The previous chunk ended inside a string sequence. */
  private inString = false;

  push(chunk: Buffer): Buffer {
    let data = chunk;
    if (this.heldBytes > 0) {
      if (this.extendsHeld(chunk)) return Buffer.alloc(0);
      data = Buffer.concat([...this.held, chunk]);
      this.held = [];
      this.heldBytes = 0;
    }
    if (this.inString) {
      const end = stringEnd(data, 0);
      this.inString = end === data.length;
      data = data.subarray(end < data.length && data[end] === BEL ? end + 1 : end);
    }
    const lastEsc = data.lastIndexOf(ESC);
    if (lastEsc === -1) return data;
    let cut = data.length;
    const open = openSequence(data, lastEsc);
    if (open === 'string') this.inString = true;
    else if (open === 'held' && data.length - lastEsc <= MAX_HELD_BYTES) {
      cut = lastEsc;
      this.hold(Buffer.from(data.subarray(lastEsc)));
    }
    return stripEscapes(data.subarray(0, cut), this.outputFor(cut));
  }

  /**
   * The next buffer of the rotation, grown to `bytes` if it is shorter; none past MAX_RECYCLED_BYTES, so that a caller
   * of feedLines handing it huge chunks does not have eight of that size kept (a fresh one each is collected).
   */
  private outputFor(bytes: number): Buffer | undefined {
    if (bytes > MAX_RECYCLED_BYTES) return undefined;
    const at = this.nextOutput;
    this.nextOutput = (at + 1) % RECYCLED_BUFFERS;
    const buffer = this.outputs[at];
    if (buffer !== undefined && buffer.length >= bytes) return buffer;
    const grown = Buffer.allocUnsafeSlow(bytes);
    this.outputs[at] = grown;
    return grown;
  }

  private hold(sequence: Buffer): void {
    this.held = [sequence];
    this.heldBytes = sequence.length;
    if (sequence.length === 1) this.heldRun = undefined;
    else if (sequence[1] === OPEN_BRACKET && !sequence.subarray(2).some(isIntermediate)) this.heldRun = 'parameters';
    else this.heldRun = 'intermediates';
  }

  /** Keeps `chunk` with the held sequence when all of it goes on with the sequence's run, and there is room. */
  private extendsHeld(chunk: Buffer): boolean {
    if (this.heldRun === undefined || this.heldBytes + chunk.length > MAX_HELD_BYTES) return false;
    let i = 0;
    if (this.heldRun === 'parameters') while (i < chunk.length && isParameter(chunk[i]!)) i++;
    const intermediates = i;
    while (i < chunk.length && isIntermediate(chunk[i]!)) i++;
    if (i < chunk.length) return false;
    if (i > intermediates) this.heldRun = 'intermediates';
    this.held.push(Buffer.from(chunk));
    this.heldBytes += chunk.length;
    return true;
  }

  /** What is still held at the end of the input, stripped as the last line's end. */
  end(): Buffer {
    const held = Buffer.concat(this.held);
    this.held = [];
    this.heldBytes = 0;
    this.inString = false;
    return stripEscapes(held);
  }
}

/** Where a string sequence's text that starts at `from` ends: at BEL, ESC, LF or the end of `data`. */
function stringEnd(data: Buffer, from: number): number {
  let i = from;
  while (i < data.length) {
    const b = data[i]!;
    if (b === BEL || b === ESC || b === LF) return i;
    i++;
  }
  return i;
}

/**
 * Whether the sequence of the ESC at `at` (the chunk's last) may go on past the end of `data`: `string` for a string
 * sequence whose end is still to come, `held` for any other that the next bytes may change, undefined when it ended.
 */
function openSequence(data: Buffer, at: number): 'string' | 'held' | undefined {
  const next = data[at + 1];
  if (next === undefined) return 'held';
  if (isStringIntroducer(next)) return stringEnd(data, at + 2) === data.length ? 'string' : undefined;
  let i = at + 1;
  if (next === OPEN_BRACKET) {
    i++;
    while (i < data.length && isParameter(data[i]!)) i++;
  }
  while (i < data.length && isIntermediate(data[i]!)) i++;
  return i === data.length ? 'held' : undefined;
}

/** A CSI's parameter byte. */
function isParameter(b: number): boolean {
  return b >= 0x30 && b <= 0x3f;
}

/** An escape's intermediate byte. */
function isIntermediate(b: number): boolean {
  return b >= 0x20 && b <= 0x2f;
}

/** `]` OSC, `_` APC, `P` DCS, `^` PM, `X` SOS. */
function isStringIntroducer(b: number): boolean {
  return b === 0x5d || b === 0x5f || b === 0x50 || b === 0x5e || b === 0x58;
}
