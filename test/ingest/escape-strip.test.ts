import fc from 'fast-check';
import { stripByRegex, stripEscapes } from '../../src/ingest/escape-strip.js';
import { ANSI_ESCAPE_IN_LINES } from '../../src/util/ansi-escape-pattern.js';

/** The bytes each branch of the escape pattern turns on, often, and some that none does. */
const escapeByte = fc.constantFrom(
  0x1b, 0x1b, 0x1b, 0x5b, 0x5d, 0x5f, 0x50, 0x5e, 0x58, 0x07, 0x0a, 0x5c,
  0x30, 0x3b, 0x3f, 0x20, 0x2f, 0x40, 0x6d, 0x7e, 0x7f, 0x41, 0x80, 0xc3, 0xff,
);
const escapeBytes = (maxLength: number) => fc.array(escapeByte, { maxLength }).map((b) => Buffer.from(b));

describe('stripEscapes removes what ANSI_ESCAPE_IN_LINES matches', () => {
  test('the regex, replaced over the bytes read as latin1, is the definition', () => {
    const text = 'a\x1b[1;31mb\x1b]0;t\x07c\x1b(Bd\x1b';
    expect(stripByRegex(Buffer.from(text, 'latin1')).toString('latin1')).toBe(text.replace(ANSI_ESCAPE_IN_LINES, ''));
  });

  test('for any bytes, short and across the module’s 16-byte blocks', () => {
    fc.assert(
      fc.property(escapeBytes(80), (bytes) => {
        expect(stripEscapes(bytes)).toEqual(stripByRegex(bytes));
      }),
      { numRuns: 20_000 },
    );
  });

  test.each([
    ['a CSI', 'ab\x1b[1;31mcd', 'abcd'],
    ['a CSI with intermediates', 'a\x1b[1 qb', 'ab'],
    ['ESC [ with no final byte: the two bytes go, the rest stays', 'a\x1b[12\x80b', 'a12\x80b'],
    ['an OSC ended by BEL', 'a\x1b]0;title\x07b', 'ab'],
    ['an OSC ended by ESC \\', 'a\x1b]8;;u\x1b\\b', 'ab'],
    ['an OSC whose text stops at the line’s end', 'a\x1b]0;t\nb', 'a\nb'],
    ['an OSC whose text stops at another ESC', 'a\x1b]0;t\x1b[0mb', 'ab'],
    ['an APC to the end of the input', 'a\x1b_bk;t=1', 'a'],
    ['an escape with intermediates', 'a\x1b(Bb', 'ab'],
    ['an ESC before a byte no escape ends with', 'a\x1b\x80b', 'a\x80b'],
    ['a lone ESC at the end', 'ab\x1b', 'ab'],
    ['ESC ESC', '\x1b\x1bx', ''],
  ])('%s', (_name, input, expected) => {
    // Every position of the sequence in a block, and past the last whole block.
    for (let pad = 0; pad < 20; pad++) {
      const bytes = Buffer.from('p'.repeat(pad) + input, 'latin1');
      expect(stripEscapes(bytes).toString('latin1')).toBe('p'.repeat(pad) + expected);
    }
  });

  test('input without ESC is returned as it is', () => {
    const bytes = Buffer.from('[    1.000000] WARNING: CPU: 0 PID: 1\n');
    expect(stripEscapes(bytes)).toBe(bytes);
  });

  test('the output is written into `into` when it has room, else into a new buffer', () => {
    const into = Buffer.alloc(64);
    const out = stripEscapes(Buffer.from('\x1b[33mINFO:\x1b[0m task\n'), into);
    expect(out.buffer).toBe(into.buffer);
    expect(out.toString()).toBe('INFO: task\n');
    const small = Buffer.alloc(4);
    const other = stripEscapes(Buffer.from('\x1b[33mINFO:\x1b[0m task\n'), small);
    expect(other.buffer).not.toBe(small.buffer);
    expect(other.toString()).toBe('INFO: task\n');
  });

  test('input of several pieces (cut at line breaks) strips as a whole', () => {
    const line = '\x1b[32m[    0.000000]\x1b[0m \x1b]0;t\x07Booting \x1b[33mLinux\x1b[0m\n';
    const bytes = Buffer.from(line.repeat(Math.ceil((3 * 1024 * 1024) / line.length)), 'latin1');
    expect(stripEscapes(bytes)).toEqual(stripByRegex(bytes));
  });

  test('a line longer than a piece, with escapes, strips as a whole (by the regex)', () => {
    const long = `${'\x1b[1mx'.repeat(300_000)}\n\x1b[0mend\n`;
    const bytes = Buffer.from(`a\n${long}`, 'latin1');
    expect(stripEscapes(bytes).toString('latin1')).toBe(`a\n${'x'.repeat(300_000)}\nend\n`);
  });
});
