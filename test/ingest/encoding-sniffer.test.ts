import { EncodingSniffer } from '../../src/ingest/encoding-sniffer.js';

function sniff(bytes: number[], chunkSize: number) {
  const sniffer = new EncodingSniffer();
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunkSize) {
    const piece = sniffer.push(Buffer.from(bytes.slice(i, i + chunkSize)));
    if (piece !== undefined) out.push(piece);
  }
  out.push(sniffer.end());
  return { encoding: sniffer.encoding, text: Buffer.concat(out).toString('utf8') };
}

const utf16le = (s: string): number[] => [...Buffer.from(s, 'utf16le')];
const utf16be = (s: string): number[] => [...Buffer.from(s, 'utf16le').swap16()];

test.each([1, 2, 3, 64])('chunks of %i byte(s)', (size) => {
  expect(sniff([...Buffer.from('plain ü')], size)).toEqual({ encoding: 'utf-8', text: 'plain ü' });
  expect(sniff([0xef, 0xbb, 0xbf, ...Buffer.from('bom')], size)).toEqual({ encoding: 'utf-8', text: 'bom' });
  expect(sniff([0xff, 0xfe, ...utf16le('le €\n')], size)).toEqual({ encoding: 'utf-16le', text: 'le €\n' });
  expect(sniff([0xfe, 0xff, ...utf16be('be 😀\n')], size)).toEqual({ encoding: 'utf-16be', text: 'be 😀\n' });
});

test('inputs shorter than a BOM are settled at the end', () => {
  expect(sniff([0x61], 1)).toEqual({ encoding: 'utf-8', text: 'a' });
  expect(sniff([], 1)).toEqual({ encoding: 'utf-8', text: '' });
  expect(sniff([0xff, 0xfe], 1)).toEqual({ encoding: 'utf-16le', text: '' });
});

test('an odd trailing UTF-16 byte becomes U+FFFD', () => {
  expect(sniff([0xff, 0xfe, 0x41, 0x00, 0x42], 2).text).toBe('A\ufffd');
});
