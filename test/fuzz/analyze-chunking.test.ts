import fc from 'fast-check';
import { blockLines, BOOT_HEADER, logBlocks, stampLines } from './_log-grammar.js';
import { cutPoints, jsonReportOf, splitAt } from './_chunking.js';
import { fuzzParams, fuzzTimeoutMs } from './_fuzz-params.js';

/** A log in every encoding vmemwarn decodes, with the line ending and a sprinkle of multi-byte text chosen freely. */
const encodedLog = fc
  .record({
    blocks: logBlocks,
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'utf-16le', 'utf-16be'),
    // 2-, 3- and 4-byte UTF-8 sequences and a UTF-16 surrogate pair, so cuts fall inside them.
    extra: fc.array(fc.constantFrom('é', '→', '€', '😀', 'ü'), { maxLength: 6 }),
  })
  .map(({ blocks, eol, encoding, extra }) => {
    const text = stampLines([...BOOT_HEADER, `multi-byte: ${extra.join('')}`, ...blockLines(blocks)]).replace(/\n/g, eol);
    return encode(text, encoding);
  });

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}

describe('analyze over arbitrary chunk boundaries', () => {
  test(
    'arbitrary bytes: never throws, and 1 chunk gives the same JSON report as any chunking',
    async () => {
      const bytes = fc.uint8Array({ maxLength: 3000 });
      await fc.assert(
        fc.asyncProperty(bytes.chain((b) => fc.tuple(fc.constant(b), cutPoints(b.length))), async ([b, cuts]) => {
          const whole = await jsonReportOf([Buffer.from(b)]);
          expect(await jsonReportOf(splitAt(b, cuts))).toBe(whole);
        }),
        fuzzParams(150),
      );
    },
    fuzzTimeoutMs(150, 20),
  );

  test(
    'realistic logs in UTF-8, UTF-16LE/BE with BOM, LF/CRLF/CR: chunking never changes the report',
    async () => {
      await fc.assert(
        fc.asyncProperty(encodedLog.chain((b) => fc.tuple(fc.constant(b), cutPoints(b.length))), async ([b, cuts]) => {
          const whole = await jsonReportOf([b]);
          expect(await jsonReportOf(splitAt(b, cuts))).toBe(whole);
          // Cutting between every byte is the harshest chunking of all.
          expect(await jsonReportOf(splitAt(b, Array.from({ length: b.length - 1 }, (_, i) => i + 1)))).toBe(whole);
        }),
        fuzzParams(60),
      );
    },
    fuzzTimeoutMs(60, 200),
  );

  test('the splats of a generated log are found whatever the encoding', async () => {
    await fc.assert(
      fc.asyncProperty(logBlocks, async (blocks) => {
        const text = stampLines([...BOOT_HEADER, ...blockLines(blocks)]);
        const splats = blocks.filter((b) => b.kind === 'splat').length;
        for (const encoding of ['utf-8', 'utf-16le', 'utf-16be']) {
          const report = JSON.parse(await jsonReportOf([encode(text.replace(/\n/g, '\r\n'), encoding)])) as {
            summary: { splats: number };
          };
          expect(report.summary.splats).toBe(splats);
        }
      }),
      fuzzParams(60),
    );
  });
});
