import { ANSI_ESCAPE_IN_LINES } from '../util/ansi-escape-pattern.js';
import { LF } from './line-break-bytes.js';
import { ESCAPE_STRIP_WASM_BASE64 } from './wasm/escape-strip-binary.js';
import { compileEmbedded } from './wasm/compile-embedded.js';

const ESC = 0x1b;

/**
 * The most bytes the module strips at once: pieces end at a line break, and no escape sequence holds one (a string
 * sequence's text stops at the line's end), so pieces strip as the whole would. Bounds the module's memory at about
 * twice this.
 */
const MAX_PIECE_BYTES = 1024 * 1024;
/** The module stores whole 16-byte blocks past the output's end. */
const BLOCK_ROOM = 16;
const PAGE_BYTES = 65536;

interface StripExports {
  memory: WebAssembly.Memory;
  strip(len: number, out: number): number;
}

let stripper: StripExports | null | undefined;

/** The module's instance, made once; undefined without WebAssembly SIMD, where the regex does the work. */
function moduleExports(): StripExports | undefined {
  if (stripper === undefined) {
    const module = compileEmbedded(ESCAPE_STRIP_WASM_BASE64);
    stripper = module === undefined ? null : (new WebAssembly.Instance(module).exports as unknown as StripExports);
  }
  return stripper ?? undefined;
}

/**
 * `bytes` without the terminal escape sequences that ANSI_ESCAPE_IN_LINES matches, as that regex replaced over the
 * bytes read as latin1 would give them; `bytes` itself when it holds no ESC, else the start of `into` (when it has
 * room for `bytes`) or of a new buffer. The WebAssembly module (escape-strip.wat) does it about five times as fast as
 * the regex, which decodes, replaces and encodes every byte of a coloured chunk (`dmesg --color=always` puts about
 * three sequences on every line).
 */
export function stripEscapes(bytes: Buffer, into?: Buffer): Buffer {
  const first = bytes.indexOf(ESC);
  if (first === -1) return bytes;
  const wasm = moduleExports();
  if (wasm === undefined) return stripByRegex(bytes);
  const out = into !== undefined && into.length >= bytes.length ? into : Buffer.allocUnsafe(bytes.length);
  bytes.copy(out, 0, 0, first);
  let written = first;
  for (let at = first; at < bytes.length; ) {
    const end = pieceEnd(bytes, at);
    const piece = bytes.subarray(at, end);
    const stripped = end - at <= MAX_PIECE_BYTES ? stripInModule(wasm, piece) : stripByRegex(piece);
    out.set(stripped, written);
    written += stripped.length;
    at = end;
  }
  return out.subarray(0, written);
}

/** The end of the piece from `at`: after the last line break within MAX_PIECE_BYTES, else after the next one. */
function pieceEnd(bytes: Buffer, at: number): number {
  if (bytes.length - at <= MAX_PIECE_BYTES) return bytes.length;
  const lastBreak = bytes.lastIndexOf(LF, at + MAX_PIECE_BYTES - 1);
  if (lastBreak >= at) return lastBreak + 1;
  const nextBreak = bytes.indexOf(LF, at + MAX_PIECE_BYTES);
  return nextBreak === -1 ? bytes.length : nextBreak + 1;
}

/** The piece stripped by the module: copied in at 0, its copy without escapes read back from after it. */
function stripInModule(wasm: StripExports, piece: Uint8Array): Uint8Array {
  const out = piece.length;
  const needed = out + piece.length + BLOCK_ROOM;
  const have = wasm.memory.buffer.byteLength;
  if (needed > have) wasm.memory.grow(Math.ceil((needed - have) / PAGE_BYTES));
  const memory = new Uint8Array(wasm.memory.buffer);
  memory.set(piece, 0);
  const length = wasm.strip(piece.length, out);
  return memory.subarray(out, out + length);
}

/** What the module computes, by the regex itself: the fallback, and the definition tests hold the module to. */
export function stripByRegex(bytes: Uint8Array): Buffer {
  const data = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (data.indexOf(ESC) === -1) return data;
  return Buffer.from(data.toString('latin1').replace(ANSI_ESCAPE_IN_LINES, ''), 'latin1');
}
