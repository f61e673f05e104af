import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SAMPLES_DIR } from './analyze-samples.js';

// The generator runs on the built layout model (dist/); without a build there is nothing to compare against.
const BUILT = existsSync(fileURLToPath(new URL('../../dist/layout/constants.js', import.meta.url)));
const SCENARIOS_DIR = fileURLToPath(new URL('../../samples/scenarios/', import.meta.url));

(BUILT ? describe : describe.skip)('samples/generate.mjs', () => {
  test('the checked-in logs are what the generator writes now', async () => {
    const scenarioFiles = readdirSync(SCENARIOS_DIR).filter((f) => f !== 'call-traces.mjs');
    const written: string[] = [];
    for (const f of scenarioFiles) {
      const s = (await import(`${SCENARIOS_DIR}${f}`)) as { file: string; build: () => string };
      expect(readFileSync(`${SAMPLES_DIR}${s.file}`, 'utf8')).toBe(s.build());
      written.push(s.file);
    }
    expect(written.sort()).toEqual(readdirSync(SAMPLES_DIR).sort());
  });
});
