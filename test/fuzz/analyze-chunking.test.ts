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

/** A realistic log with line breaks, NULs, invalid UTF-8 and random bytes spliced in at arbitrary offsets. */
const mangledLog = fc
  .tuple(
    encodedLog,
    fc.array(
      fc.tuple(fc.nat(), fc.oneof(fc.constantFrom('\n', '\r', '\r\n', '\0', '\n\n\n').map((t) => Buffer.from(t)), fc.uint8Array({ maxLength: 8 }).map((u) => Buffer.from(u)))),
      { maxLength: 30 },
    ),
  )
  .map(([log, splices]) => {
    let out = log;
    for (const [at, bytes] of splices) {
      const pos = at % (out.length + 1);
      out = Buffer.concat([out.subarray(0, pos), bytes, out.subarray(pos)]);
    }
    return out;
  });

function encode(text: string, encoding: string): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.from(`\ufeff${text}`, 'utf8');
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return encoding === 'utf-16le' ? le : Buffer.from(le).swap16();
}

/** Any log of `logs`, cut anywhere: the report of its chunks is the report of the whole. */
function chunkingKeepsReport(logs: fc.Arbitrary<Uint8Array>): fc.IAsyncProperty<[[Uint8Array, number[]]]> {
  return fc.asyncProperty(logs.chain((b) => fc.tuple(fc.constant(b), cutPoints(b.length))), async ([b, cuts]) => {
    expect(await jsonReportOf(splitAt(b, cuts))).toBe(await jsonReportOf([Buffer.from(b)]));
  });
}

describe('analyze over arbitrary chunk boundaries', () => {
  test(
    'arbitrary bytes: never throws, and 1 chunk gives the same JSON report as any chunking',
    async () => {
      const bytes = fc.uint8Array({ maxLength: 3000 });
      await fc.assert(chunkingKeepsReport(bytes), fuzzParams(150));
    },
    fuzzTimeoutMs(150, 20),
  );

  test(
    'realistic logs in UTF-8, UTF-16LE/BE with BOM, LF/CRLF/CR: chunking never changes the report',
    async () => {
      await fc.assert(chunkingKeepsReport(encodedLog), fuzzParams(100));
    },
    fuzzTimeoutMs(100, 20),
  );

  test(
    'realistic logs cut into arbitrary lines and spliced with junk: never throws, chunking never changes the report',
    async () => {
      await fc.assert(chunkingKeepsReport(mangledLog), fuzzParams(100));
    },
    fuzzTimeoutMs(100, 20),
  );

  test(
    'the harshest chunking of all, one byte a chunk, gives the same report',
    async () => {
      await fc.assert(
        fc.asyncProperty(encodedLog, async (b) => {
          const everyByte = Array.from({ length: b.length - 1 }, (_, i) => i + 1);
          expect(await jsonReportOf(splitAt(b, everyByte))).toBe(await jsonReportOf([b]));
        }),
        // One byte a chunk costs about 20 times a random chunking.
        fuzzParams(20, 1 / 20),
      );
    },
    fuzzTimeoutMs(20, 200, 1 / 20),
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
