/**
 * A chunk as a Buffer: a Buffer as it is, any other Uint8Array (a web stream's chunk: `new Blob([b]).stream()`,
 * `(await fetch(url)).body`) as a Buffer over the same memory, not a copy, and a string as its UTF-8 bytes. The
 * decoders read chunks with Buffer methods (a gzip trailer's readUInt32LE), so a library caller's Uint8Array had been
 * "corrupt gzip data" with every later member lost.
 */
export function asBuffer(chunk: Uint8Array | string): Buffer {
  if (typeof chunk === 'string') return Buffer.from(chunk, 'utf8');
  return Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
}
