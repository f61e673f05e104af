import { TextDecoder } from 'node:util';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be';

const BOMS: readonly { bytes: readonly number[]; encoding: TextEncodingName }[] = [
  { bytes: [0xef, 0xbb, 0xbf], encoding: 'utf-8' },
  { bytes: [0xff, 0xfe], encoding: 'utf-16le' },
  { bytes: [0xfe, 0xff], encoding: 'utf-16be' },
];
const SNIFF_BYTES = 3;

/** The byte-order mark `head` starts with, and the encoding it names; undefined when there is none. */
export function byteOrderMark(head: Uint8Array): { bytes: readonly number[]; encoding: TextEncodingName } | undefined {
  return BOMS.find((b) => b.bytes.length <= head.length && b.bytes.every((byte, i) => head[i] === byte));
}

/**
 * Detects the text encoding from a byte-order mark and turns the input into UTF-8 bytes: a UTF-8 BOM is stripped,
 * UTF-16 (LE or BE, BOM required) is decoded and re-encoded; anything else passes through as UTF-8. Holds back at
 * most the first three bytes until the BOM question is settled, so the result does not depend on chunking.
 */
export class EncodingSniffer {
  encoding: TextEncodingName | undefined;
  private head = Buffer.alloc(0);
  private utf16: TextDecoder | undefined;

  /** `known`: the encoding is settled already (a later part of a file whose head was sniffed): nothing is held. */
  constructor(known?: 'utf-8') {
    this.encoding = known;
  }

  /** UTF-8 bytes for `chunk`, or undefined while the encoding is still unknown. */
  push(chunk: Buffer): Buffer | undefined {
    if (this.encoding === undefined) {
      this.head = Buffer.concat([this.head, chunk]);
      if (this.head.length < SNIFF_BYTES) return undefined;
      return this.settle();
    }
    return this.convert(chunk);
  }

  /** Whatever is held back at the end of input. */
  end(): Buffer {
    const held = this.encoding === undefined ? this.settle() : Buffer.alloc(0);
    if (this.utf16 === undefined) return held;
    return Buffer.concat([held, Buffer.from(this.utf16.decode(), 'utf8')]);
  }

  private settle(): Buffer {
    const head = this.head;
    this.head = Buffer.alloc(0);
    const bom = byteOrderMark(head);
    this.encoding = bom?.encoding ?? 'utf-8';
    if (this.encoding !== 'utf-8') this.utf16 = new TextDecoder(this.encoding, { ignoreBOM: true });
    return this.convert(head.subarray(bom?.bytes.length ?? 0));
  }

  private convert(chunk: Buffer): Buffer {
    if (this.utf16 === undefined) return chunk;
    return Buffer.from(this.utf16.decode(chunk, { stream: true }), 'utf8');
  }
}
