import { binaryReason } from './ingest/sniff-binary.js';
import { skipNULs } from './ingest/nul-runs.js';
import { sniffArchive } from './ingest/archive/sniff-archive.js';
import { BLANK_INPUT_NOTE, EMPTY_INPUT_NOTE, ZERO_FILLED_INPUT_NOTE, archiveInputNote } from './analyze/analysis-notes.js';

/** Bytes of the head kept to tell a binary file from a text log. */
const HEAD_BYTES = 4096;
const TAR_BLOCK = 512;

/**
 * Watches the raw bytes of one input for what a report should mention: nothing at all, nothing but NULs (a file
 * zero-filled by a crash), nothing but blanks, an archive (whose members `triage` reads), or a binary file (a core
 * dump or kernel Image passed by mistake). Costs nothing once text has been seen and the head is full.
 */
export class InputNotes {
  private head: Buffer[] = [];
  private headBytes = 0;
  private sawText = false;
  private totalBytes = 0;

  observe(chunk: Buffer): void {
    this.totalBytes += chunk.length;
    if (this.headBytes < HEAD_BYTES) {
      // The head starts at the first byte that is not NUL: a zero-filled start says nothing of what follows (a log a
      // crash zero-filled, or a disk image), and binaryReason judges what does.
      const from = this.headBytes > 0 ? 0 : skipNULs(chunk, 0);
      if (from < chunk.length) {
        const part = chunk.subarray(from, from + HEAD_BYTES - this.headBytes);
        this.head.push(Buffer.from(part));
        this.headBytes += part.length;
      }
    }
    // NUL counts as blank: a UTF-16 file of spaces is all NUL and 0x20 bytes.
    if (!this.sawText) this.sawText = holdsText(chunk);
  }

  notes(): string[] {
    if (this.totalBytes === 0) return [EMPTY_INPUT_NOTE];
    // The head starts at the first byte that is not NUL: none kept, none seen.
    if (this.headBytes === 0) {
      // An empty tar is its two 512-byte end-of-archive blocks (GNU tar pads to 10 KiB), all NUL too.
      const tarShaped = this.totalBytes >= 2 * TAR_BLOCK && this.totalBytes % TAR_BLOCK === 0;
      return [tarShaped ? `${ZERO_FILLED_INPUT_NOTE}, or an empty tar archive` : ZERO_FILLED_INPUT_NOTE];
    }
    if (!this.sawText) return [BLANK_INPUT_NOTE];
    const head = Buffer.concat(this.head);
    const archive = sniffArchive(head);
    if (archive !== undefined) return [archiveInputNote(archive)];
    const binary = binaryReason(head);
    return binary === undefined ? [] : [`${binary}: not a text log, read as text anyway`];
  }
}

/** A byte that is neither blank nor NUL; runs of NUL are skipped at memcmp speed (a zero-filled input is all NUL). */
function holdsText(chunk: Buffer): boolean {
  let i = 0;
  while (i < chunk.length) {
    const b = chunk[i]!;
    if (b === 0x00) i = skipNULs(chunk, i);
    else if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return true;
    else i++;
  }
  return false;
}
