// unbzip2-stream's block decoder and bit reader (lib/), which bzip2-blocks.ts drives itself; the package's types
// cover only its stream.
declare module 'unbzip2-stream/lib/bzip2.js' {
  type Bits = ((n: number | null) => number) & { bytesRead: number };
  const bzip2: {
    /** Reads a stream header (`BZh1`…`BZh9`); returns the block size in 100 kB. */
    header(bits: Bits): number;
    /**
     * Decodes one block into `write`, byte by byte; returns the running stream CRC, or null at the end-of-stream
     * marker (after checking the stream CRC). Throws on corrupt data.
     */
    decompress(bits: Bits, write: (byte: number) => void, buf: Int32Array, bufsize: number, streamCRC: number | null): number | null;
  };
  export default bzip2;
}

declare module 'unbzip2-stream/lib/bit_iterator.js' {
  /** Reads bits from the buffers `nextBuffer` hands out; `bits(null)` aligns to the next byte. */
  export default function bitIterator(nextBuffer: () => Uint8Array | undefined): ((n: number | null) => number) & { bytesRead: number };
}
