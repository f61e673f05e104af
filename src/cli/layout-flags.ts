import { Readable } from 'node:stream';
import type { Argv } from 'yargs';
import type { Era, LayoutOverrides } from '../layout/types.js';
import { UsageError, InputError } from '../errors.js';
import { readInputFile } from '../ingest/read-bounded.js';
import { decompress } from '../ingest/decompress.js';
import { checkForcedEra, checkLayoutOverrides } from '../layout/check-overrides.js';
import { ERA_NAMES } from '../layout/eras.js';
import { humanBytes } from '../report/human-bytes.js';
import { configTextProblem } from '../layout/kconfig.js';

export interface LayoutFlags {
  kernel?: string;
  'va-bits'?: number;
  'page-size'?: string;
  memstart?: string;
  'struct-page-size'?: number;
  'section-bits'?: number;
  era?: string;
  config?: string;
}


/** Layout override flags shared by analyze, explain and layout. */
export function withLayoutFlags<T>(y: Argv<T>): Argv<T & LayoutFlags> {
  return y
    .option('kernel', { type: 'string', describe: 'Kernel release (e.g. 6.1) — picks the layout era', group: 'Layout:' })
    .option('va-bits', { type: 'number', describe: 'CONFIG_ARM64_VA_BITS (36, 39, 42, 47, 48, 52)', group: 'Layout:' })
    .option('page-size', { type: 'string', describe: 'Page size: 4k, 16k or 64k', group: 'Layout:' })
    .option('memstart', { type: 'string', describe: 'memstart_addr / PHYS_OFFSET (hex, e.g. 0x80000000)', group: 'Layout:' })
    .option('struct-page-size', { type: 'number', describe: 'sizeof(struct page) in bytes (default 64, or what a storm of whole sections shows)', group: 'Layout:' })
    .option('section-bits', { type: 'number', describe: 'SECTION_SIZE_BITS (27..30)', group: 'Layout:' })
    .option('era', { type: 'string', describe: `Layout era: ${ERA_NAMES.join(', ')} (normally from --kernel)`, group: 'Layout:' })
    .option('config', { type: 'string', describe: 'Kernel .config or /proc/config.gz (- reads stdin)', group: 'Layout:' }) as Argv<T & LayoutFlags>;
}

export function parsePageSize(text: string): number {
  const m = /^(4|16|64)k$/i.exec(text.trim()) ?? /^(4096|16384|65536)$/.exec(text.trim());
  if (!m?.[1]) throw new UsageError(`--page-size must be 4k, 16k or 64k, not '${text}'`);
  const n = Number(m[1]);
  return n < 100 ? n * 1024 : n;
}

/** A u64 written in hex, as the kernel prints addresses: `0x80000000`, `80000000` (no prefix is hex too), `0x8000_0000`. */
export function parseU64(text: string, flag: string): bigint {
  const t = text.trim().replace(/_/g, '').toLowerCase();
  const value = /^0x[0-9a-f]+$/.test(t) ? BigInt(t) : /^[0-9a-f]+$/.test(t) ? BigInt(`0x${t}`) : undefined;
  if (value === undefined || value >= 1n << 64n) throw new UsageError(`${flag} must be a 64-bit hex value, not '${text}'`);
  return value;
}

/**
 * The layout flags as overrides. `--config -` reads the config from stdin; `stdinTakenBy` names what else of the
 * command reads stdin (a log, a list of paths), which makes that a usage error.
 */
export async function layoutOverrides(argv: LayoutFlags, stdinTakenBy?: string, signal?: AbortSignal): Promise<LayoutOverrides> {
  if (argv.config === '-' && stdinTakenBy !== undefined) throw new UsageError(`--config - cannot read stdin: ${stdinTakenBy} reads it`);
  const o: LayoutOverrides = {};
  if (argv.kernel !== undefined) o.kernel = argv.kernel;
  if (argv['va-bits'] !== undefined) o.vaBits = argv['va-bits'];
  if (argv['page-size'] !== undefined) o.pageSizeBytes = parsePageSize(argv['page-size']);
  if (argv.memstart !== undefined) o.memstart = parseU64(argv.memstart, '--memstart');
  if (argv['struct-page-size'] !== undefined) o.structPageSize = argv['struct-page-size'];
  if (argv['section-bits'] !== undefined) o.sectionShift = argv['section-bits'];
  // Any case (`--era e0b`); a name of no era is left as given for the check to name.
  if (argv.era !== undefined) o.era = ERA_NAMES.find((e) => e.toLowerCase() === argv.era?.toLowerCase()) ?? (argv.era as Era);
  // The checks the library applies too, each value named by its flag.
  checkLayoutOverrides(o, (field) => FLAG_OF[field]);
  if (argv.config !== undefined) {
    o.configText = await readConfig(argv.config, signal);
    // A forced --era must have the VA size the config sets too.
    checkForcedEra(o, (field) => FLAG_OF[field]);
  }
  return o;
}

const FLAG_OF = {
  kernel: '--kernel',
  vaBits: '--va-bits',
  pageSizeBytes: '--page-size',
  memstart: '--memstart',
  structPageSize: '--struct-page-size',
  sectionShift: '--section-bits',
  era: '--era',
  configText: '--config',
} as const;

/** A kernel .config is some 300 KB; anything past this, read or inflated, is not one. */
export const MAX_CONFIG_BYTES = 16 * 1024 * 1024;

/** A .config as written, or compressed as logs may be (gzip as /proc/config.gz, bzip2, xz, zstd). */
async function readConfig(path: string, signal?: AbortSignal): Promise<string> {
  const bytes = await readInputFile(path, MAX_CONFIG_BYTES, 'kernel config', undefined, signal);
  // The decoder's own limit is a backstop: the count below stops first, with the message a config deserves.
  const { compression, stream } = await decompress(Readable.from([bytes]), path, { maxDecompressedBytes: 2 * MAX_CONFIG_BYTES });
  let text = bytes;
  if (compression !== 'none') {
    const chunks: Buffer[] = [];
    let total = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > MAX_CONFIG_BYTES) throw new InputError(path, `kernel config inflates to more than ${humanBytes(BigInt(MAX_CONFIG_BYTES))}`);
      chunks.push(chunk);
    }
    text = Buffer.concat(chunks);
  }
  const config = text.toString('utf8');
  const problem = configTextProblem(config);
  if (problem !== undefined) throw new InputError(path, problem);
  return config;
}
