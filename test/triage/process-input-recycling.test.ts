import { jest } from '@jest/globals';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { OpenedInput, OpenOptions } from '../../src/ingest/open-input.js';
import type { InputContext } from '../../src/triage/input-context.js';
import { tarBuffer } from './fixture-tree.js';

// processInput with openInput watched: which inputs it lets hand their chunks over in reused buffers.
const real = await import('../../src/ingest/open-input.js');
const recycled: string[] = [];
jest.unstable_mockModule('../../src/ingest/open-input.js', () => ({
  ...real,
  openInput: async (spec: string, opts?: OpenOptions): Promise<OpenedInput> => {
    const opened = await real.openInput(spec, opts);
    return {
      ...opened,
      recycleChunks: () => {
        recycled.push(path.basename(spec));
        opened.recycleChunks();
      },
    };
  },
}));
const { processInput } = await import('../../src/triage/process-input.js');

const ctx: InputContext = { analyze: {}, maxBufferedZipBytes: 64 * 1024 * 1024, fileTimes: false };
let dir: string;
let sample: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-recycling-'));
  sample = await readFile(path.resolve('samples/logs/e3-48-4k-amdgpu-populate-storm.log'), 'utf8');
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function triaged(name: string, data: Buffer): Promise<number> {
  const file = path.join(dir, name);
  await writeFile(file, data);
  const st = await stat(file);
  const summary = await processInput({ path: file, display: name, rel: name, sizeBytes: st.size, mtimeMs: st.mtimeMs }, ctx);
  return summary.totals.splats;
}

test('a plain or compressed log is read on into reused buffers once its head shows a log; an archive is not', async () => {
  recycled.length = 0;
  const splats = await triaged('plain.log', Buffer.from(sample));
  expect(await triaged('zipped.log.gz', gzipSync(sample))).toBe(splats);
  expect(splats).toBeGreaterThan(0);
  // tar-stream hands a member's bytes over as views of the chunks it was given, and keeps them.
  expect(await triaged('logs.tar', await tarBuffer([{ name: 'boot.log', data: Buffer.from(sample) }]))).toBe(splats);
  await triaged('binary.bin', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 0, 0]));
  expect(recycled).toEqual(['plain.log', 'zipped.log.gz']);
});
