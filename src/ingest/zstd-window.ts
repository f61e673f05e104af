/**
 * The window each zstd frame asks for, read from its header before the decoder sees it: fzstd allocates the whole
 * window the header declares, so a 13 KB file made with `zstd --long=30` cost 1 GiB per thread. Frame boundaries are
 * followed through the block headers (RFC 8878 §3.1.1.2); the block contents are left to the decoder.
 */

/** zstd's own default limit for decoding (ZSTD_WINDOWLOG_LIMIT_DEFAULT = 27); its CLI refuses more without --memory. */
export const MAX_ZSTD_WINDOW_BYTES = 2 ** 27;

const FRAME_MAGIC = 0xfd2fb528;
/** Skippable frames: 0x184D2A50 to 0x184D2A5F. */
const SKIPPABLE_MAGIC = 0x184d2a50;
const BLOCK_RLE = 1;

export class ZstdWindowTooLarge extends Error {
  constructor(readonly windowBytes: number) {
    super(`zstd data whose window is ${mebibytes(windowBytes)}, over the ${mebibytes(MAX_ZSTD_WINDOW_BYTES)} zstd itself decodes without --memory (made with --long?)`);
  }
}

type Need = 'magic' | 'descriptor' | 'header' | 'block' | 'skippable-size';

/** Follows frames through pushed bytes; throws ZstdWindowTooLarge at a frame header over MAX_ZSTD_WINDOW_BYTES. */
export class ZstdWindowWatch {
  private need: Need = 'magic';
  private wanted = 4;
  private readonly scratch = Buffer.alloc(18);
  private have = 0;
  private skip = 0;
  private descriptor = 0;
  /** After the last block of a frame: skip its checksum. */
  private checksum = false;
  /** Not a frame where one should start: the decoder reports it; watching stops. */
  private lost = false;

  push(chunk: Uint8Array): void {
    let at = 0;
    while (at < chunk.length && !this.lost) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - at);
        this.skip -= n;
        at += n;
        continue;
      }
      const n = Math.min(this.wanted - this.have, chunk.length - at);
      this.scratch.set(chunk.subarray(at, at + n), this.have);
      this.have += n;
      at += n;
      if (this.have === this.wanted) this.take();
    }
  }

  private expect(need: Need, bytes: number): void {
    this.need = need;
    this.wanted = bytes;
    this.have = 0;
  }

  private take(): void {
    const b = this.scratch;
    switch (this.need) {
      case 'magic': {
        const magic = b.readUInt32LE(0);
        if (magic === FRAME_MAGIC) this.expect('descriptor', 1);
        else if ((magic & 0xfffffff0) === SKIPPABLE_MAGIC) this.expect('skippable-size', 4);
        else this.lost = true;
        return;
      }
      case 'descriptor': {
        this.descriptor = b[0] ?? 0;
        const headerBytes = (singleSegment(this.descriptor) ? 0 : 1) + dictionaryIdBytes(this.descriptor) + contentSizeBytes(this.descriptor);
        this.checksum = ((this.descriptor >> 2) & 1) === 1;
        if (headerBytes === 0) this.expect('block', 3);
        else this.expect('header', headerBytes);
        return;
      }
      case 'header': {
        const window = windowBytes(this.descriptor, b);
        if (window > MAX_ZSTD_WINDOW_BYTES) throw new ZstdWindowTooLarge(window);
        this.expect('block', 3);
        return;
      }
      case 'block': {
        const header = b.readUIntLE(0, 3);
        const last = (header & 1) === 1;
        const type = (header >> 1) & 3;
        this.skip = type === BLOCK_RLE ? 1 : header >>> 3;
        if (!last) this.expect('block', 3);
        else {
          this.skip += this.checksum ? 4 : 0;
          this.expect('magic', 4);
        }
        return;
      }
      case 'skippable-size':
        this.skip = b.readUInt32LE(0);
        this.expect('magic', 4);
        return;
    }
  }
}

function mebibytes(bytes: number): string {
  return `${Math.round((bytes / 2 ** 20) * 10) / 10} MiB`;
}

function singleSegment(descriptor: number): boolean {
  return ((descriptor >> 5) & 1) === 1;
}

function dictionaryIdBytes(descriptor: number): number {
  return [0, 1, 2, 4][descriptor & 3] ?? 0;
}

function contentSizeBytes(descriptor: number): number {
  const flag = descriptor >> 6;
  return flag === 0 ? (singleSegment(descriptor) ? 1 : 0) : 1 << flag;
}

/** Window_Size, or the content size of a single-segment frame (which is then its window). */
function windowBytes(descriptor: number, header: Buffer): number {
  if (!singleSegment(descriptor)) {
    const wd = header[0] ?? 0;
    const base = 2 ** (10 + (wd >> 3));
    return base + (base / 8) * (wd & 7);
  }
  const at = dictionaryIdBytes(descriptor);
  const size = contentSizeBytes(descriptor);
  // 8-byte sizes read as a double: exact enough to compare with a limit far below 2^53.
  const value = size === 8 ? header.readUInt32LE(at) + header.readUInt32LE(at + 4) * 2 ** 32 : header.readUIntLE(at, size);
  return size === 2 ? value + 256 : value;
}
