import { Base64Body, MAX_DECODED_LINE_BYTES, type DecodedLine } from '../../src/parse/base64-body.js';

/** Every line through one Base64Body: what it decoded, and the line numbers it left to be read as they are. */
function read(lines: string[]): { decoded: DecodedLine[]; asIs: number[] } {
  const b = new Base64Body();
  const decoded: DecodedLine[] = [];
  const asIs: number[] = [];
  lines.forEach((line, i) => {
    if (!b.take(i + 1, line, false, decoded)) asIs.push(i + 1);
  });
  b.flush(decoded);
  return { decoded, asIs };
}

/** `text` as base64 in lines of `width` characters, as mailers wrap it (76). */
const encode = (text: string, width = 76) => Buffer.from(text, 'utf8').toString('base64').match(new RegExp(`.{1,${width}}`, 'g'))!;

// Found by a review of the log formats: a log sent as a base64 text part or attachment gave 0 splats.
describe('Found by a review: a base64 mail body', () => {
  const LOG = '[    0.000000] Linux version 6.10.0 (b@h) (gcc 13)\n[   12.800010] WARNING: CPU: 5 PID: 1311 at arch/arm64/mm/mmu.c:1281\n';

  test('is decoded from the blank line after its headers to the first line that is no base64', () => {
    const body = encode(LOG, 20);
    const { decoded, asIs } = read(['Content-Transfer-Encoding: base64', 'Content-Disposition: attachment; filename="dmesg.txt"', '', ...body, '', '--boundary--']);
    expect(decoded.map((d) => d.text)).toEqual(LOG.split('\n').slice(0, -1));
    expect(asIs).toEqual([1, 2, 3, body.length + 4, body.length + 5]);
  });

  test("each decoded line has the number of the physical line its first byte was on", () => {
    const body = encode(LOG, 8);
    const { decoded } = read(['Content-Transfer-Encoding: base64', '', ...body]);
    // The second line starts at byte LOG.indexOf('\n') + 1: 6 bytes to each line of 8 characters.
    const second = Math.floor((LOG.indexOf('\n') + 1) / 6);
    expect(decoded.map((d) => d.lineNo)).toEqual([3, 3 + second]);
  });

  test('UTF-8 split across lines, CRLF line ends, a last line without LF, unpadded base64', () => {
    const text = 'café ’ x\r\nsecond line';
    const unpadded = Buffer.from(text).toString('base64').replace(/=+$/, '');
    const { decoded } = read(['content-transfer-encoding: BASE64', '', ...unpadded.match(/.{1,5}/g)!]);
    expect(decoded.map((d) => d.text)).toEqual(['café ’ x', 'second line']);
  });

  test.each([
    ['another encoding', ['Content-Transfer-Encoding: 8bit', '', ...encode('x\n')]],
    ['the next mail before the body', ['Content-Transfer-Encoding: base64', 'From someone Sun Nov 29 09:00:00 2026', '', ...encode('x\n')]],
    ['kernel text after the body', ['Content-Transfer-Encoding: base64', '', '[    1.000000] Call trace:']],
  ])('leaves lines as they are: %s', (_name, lines) => {
    const { decoded, asIs } = read(lines);
    expect(decoded).toEqual([]);
    expect(asIs).toEqual(lines.map((_l, i) => i + 1));
  });

  test('a second part of the same mail that is base64 again', () => {
    const { decoded } = read(['Content-Transfer-Encoding: base64', '', ...encode('one\n'), '--b', 'Content-Transfer-Encoding: base64', '', ...encode('two\n'), '--b--']);
    expect(decoded.map((d) => d.text)).toEqual(['one', 'two']);
  });

  test('a decoded line longer than the reader\'s cap is cut and marked', () => {
    const { decoded } = read(['Content-Transfer-Encoding: base64', '', ...encode(`${'x'.repeat(MAX_DECODED_LINE_BYTES + 10)}\nshort\n`)]);
    expect(decoded.map((d) => [d.text.length, d.truncated])).toEqual([[MAX_DECODED_LINE_BYTES, true], ['short'.length, false]]);
  });
});
