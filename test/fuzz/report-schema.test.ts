import fc from 'fast-check';
import { Readable } from 'node:stream';
import { analyzeStream } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderJson } from '../../src/report/render-json.js';
import { validateReport } from '../../src/report/validate.js';
import { blockLines, BOOT_HEADER, logBlocks, stampLines } from './_log-grammar.js';
import { fuzzParams } from './_fuzz-params.js';

async function validationOf(bytes: Buffer, name: string) {
  const result = await analyzeStream(Readable.from([bytes]), { name });
  return validateReport(JSON.parse(renderJson(buildReport([result]))));
}

// Names come from archives and the command line: control characters and odd Unicode included.
const inputName = fc.string({ unit: 'binary', minLength: 1, maxLength: 40 });

describe('the JSON report always validates against schema/report.schema.json', () => {
  test('for arbitrary bytes and names', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), inputName, async (bytes, name) => {
        expect((await validationOf(Buffer.from(bytes), name)).errors).toEqual([]);
      }),
      fuzzParams(150),
    );
  });

  test('for generated logs, with a splat cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(logBlocks, fc.nat(), async (blocks, cutSeed) => {
        const text = stampLines([...BOOT_HEADER, ...blockLines(blocks)]);
        const cut = text.slice(0, cutSeed % (text.length + 1));
        expect((await validationOf(Buffer.from(cut), 'gen.log')).errors).toEqual([]);
      }),
      fuzzParams(100),
    );
  });
});
