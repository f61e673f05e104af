import { InputError } from '../errors.js';
import { checkArgument } from '../util/check-argument.js';
import { asBuffer } from './as-buffer.js';

/** 4 GiB: far above any real kernel log, low enough to stop a decompression bomb. */
export const DEFAULT_MAX_DECOMPRESSED_BYTES = 4 * 1024 ** 3;

/**
 * The decompressed bytes one input may produce, shared by every decompression in it: an archive's members draw on
 * their archive's one budget, so that many members (or zip entries that all point at one member) cannot multiply
 * the limit.
 */
export class DecompressBudget {
  used = 0;
  /** Whether the limit is used up: a decompression ran into it, or reached it to the byte. */
  exhausted = false;

  constructor(readonly maxBytes: number = DEFAULT_MAX_DECOMPRESSED_BYTES) {
    checkArgument(Number.isInteger(maxBytes) && maxBytes >= 1, 'DecompressBudget', 'maxBytes', 'a whole number of at least 1', maxBytes);
  }
}

/** What a DecompressLimitError says, and what a caller says of members it left unread past the limit. */
export function limitReason(maxBytes: number): string {
  return `decompressed data exceeds the limit of ${maxBytes} bytes (--max-decompressed; maxDecompressedBytes in the API)`;
}

/** Decompressed data past its input's limit; the bytes before the limit were passed on. */
export class DecompressLimitError extends InputError {}

/**
 * Passes `chunks` through, throwing a `DecompressLimitError` naming `name` once the budget (a byte count of its own,
 * or one shared with other decompressions of the input) is used up. The bytes up to the limit are passed on first,
 * so the analysis covers all of them: the chunk that crosses it (64 KiB, or a whole zstd block) had been dropped.
 */
export async function* limitSize(
  chunks: AsyncIterable<Uint8Array>,
  limit: number | DecompressBudget,
  name: string,
): AsyncGenerator<Buffer, void, undefined> {
  const budget = typeof limit === 'number' ? new DecompressBudget(limit) : limit;
  for await (const chunk of chunks) {
    const buffer = asBuffer(chunk);
    if (budget.used + buffer.length > budget.maxBytes) {
      const room = budget.maxBytes - budget.used;
      budget.used = budget.maxBytes;
      budget.exhausted = true;
      if (room > 0) yield buffer.subarray(0, room);
      throw new DecompressLimitError(name, limitReason(budget.maxBytes));
    }
    budget.used += buffer.length;
    // Used up to the byte: the next decompression would cross it with its first byte.
    if (budget.used === budget.maxBytes) budget.exhausted = true;
    yield buffer;
  }
}
