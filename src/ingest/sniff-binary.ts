import { COMPRESSION_FORMATS } from './compression-formats.js';
import { byteOrderMark } from './encoding-sniffer.js';

const MAGIC: readonly { name: string; bytes: readonly number[] }[] = [
  { name: 'ELF executable', bytes: [0x7f, 0x45, 0x4c, 0x46] },
  { name: 'PNG image', bytes: [0x89, 0x50, 0x4e, 0x47] },
  { name: 'JPEG image', bytes: [0xff, 0xd8, 0xff] },
  { name: 'GIF image', bytes: [0x47, 0x49, 0x46, 0x38] },
  { name: 'PDF document', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { name: '7-Zip archive', bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c] },
  { name: 'RAR archive', bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07] },
  { name: 'SQLite database', bytes: [0x53, 0x51, 0x4c, 0x69, 0x74, 0x65, 0x20, 0x66] },
  { name: 'Mach-O binary', bytes: [0xcf, 0xfa, 0xed, 0xfe] },
  { name: 'PE executable', bytes: [0x4d, 0x5a, 0x90, 0x00] },
  { name: 'arm64 kernel Image', bytes: [0x4d, 0x5a, 0x40, 0xfa] },
  // Compressed data here was not decompressed (a .gz inside a .gz, which triage does not undo twice): its bytes sit
  // near the control-byte threshold and could pass for text.
  ...COMPRESSION_FORMATS.flatMap((f) => f.magics.map((bytes) => ({ name: `${f.compression}-compressed data`, bytes }))),
];

/** Share of control bytes (other than tab, LF, VT, FF, CR, ESC, BS) above which the head is not text. */
const MAX_CONTROL_RATIO = 0.1;
/** 1 for a control byte that text does not carry: below 0x20 but tab, LF, VT, FF, CR, ESC and BS; and DEL. */
const IS_CONTROL = new Uint8Array(256);
for (let b = 0; b < 0x20; b++) IS_CONTROL[b] = [0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1b].includes(b) ? 0 : 1;
IS_CONTROL[0x7f] = 1;

/**
 * A run of at least this many NULs is a zero-filled region, not binary data: a log file whose last writes before a
 * crash were never flushed reads back as NULs up to its recorded size (ext4's delayed allocation), and the next boot
 * appends to it. Binary files carry their NULs among other control bytes, which still count.
 */
const ZERO_RUN_BYTES = 32;

/**
 * Why the head of an input shows it is not a text log, or undefined when it looks like text. Zero-filled regions
 * (ZERO_RUN_BYTES) are left out of the count: a head of nothing else is no evidence either way, and the line reader
 * drops NULs.
 */
export function binaryReason(head: Buffer): string | undefined {
  for (const m of MAGIC) {
    if (m.bytes.every((b, i) => head[i] === b)) return `binary file (${m.name})`;
  }
  // UTF-16 logs (Windows serial capture tools) carry a BOM and are full of NULs: the line reader decodes them.
  if (byteOrderMark(head)?.encoding.startsWith('utf-16')) return undefined;
  // Without a BOM, ASCII text in UTF-16 is every other byte NUL: the line reader drops NULs, which leaves the text.
  if (looksLikeUtf16Ascii(head)) return undefined;
  let control = 0;
  let zeroFilled = 0;
  for (let i = 0; i < head.length; ) {
    if (head[i] === 0) {
      let end = i + 1;
      while (end < head.length && head[end] === 0) end++;
      if (end - i >= ZERO_RUN_BYTES) zeroFilled += end - i;
      else control += end - i;
      i = end;
    } else {
      control += IS_CONTROL[head[i]!]!;
      i++;
    }
  }
  const judged = head.length - zeroFilled;
  if (judged > 0 && control / judged > MAX_CONTROL_RATIO) {
    const share = zeroFilled === 0 ? `${control} of the first ${judged} bytes` : `${control} of the ${judged} bytes outside zero-filled runs in the first ${head.length}`;
    return `binary file (${share} are control bytes or NUL)`;
  }
  return undefined;
}

/** Share of byte pairs that must be one NUL and one ASCII text byte, the NUL always on the same side. */
const UTF16_PAIR_RATIO = 0.95;
const MIN_UTF16_PAIRS = 16;

/** Whether `head` reads as ASCII text in UTF-16 (LE or BE) without a byte-order mark. */
export function looksLikeUtf16Ascii(head: Buffer): boolean {
  const pairs = head.length >> 1;
  if (pairs < MIN_UTF16_PAIRS) return false;
  let le = 0;
  let be = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    const a = head[i]!;
    const b = head[i + 1]!;
    if (b === 0 && isAsciiText(a)) le++;
    else if (a === 0 && isAsciiText(b)) be++;
  }
  return Math.max(le, be) >= pairs * UTF16_PAIR_RATIO;
}

function isAsciiText(byte: number): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 0x09 || byte === 0x0a || byte === 0x0d || byte === 0x1b;
}
