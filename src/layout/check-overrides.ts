import { UsageError } from '../errors.js';
import { compareVersions, ERA_NAMES, eraIndex, parseRelease } from './eras.js';
import { PAGE_SHIFTS, pageShiftForSize, pageSizeLabel, SECTION_SHIFTS, VA_BITS_CHOICES, validVaBits } from './page-geometry.js';
import type { Era, LayoutOverrides } from './types.js';
import { eraSupportsVaBits, firstEraWithVaBits } from './hypotheses.js';
import { configTextProblem, parseKernelConfig } from './kconfig.js';
import { describeValue } from '../util/describe-value.js';
import { checkOptionKeys, optionKeys } from '../util/option-keys.js';

/** The first release with arch/arm64. */
const FIRST_ARM64_RELEASE = { major: 3, minor: 7 };

/** What a kernel release given by the user must start with (`6.1`, `5.15.0-91`, or a tag's `v6.1`). */
const RELEASE_SHAPE = /^v?\d+\.\d+/;

type Field = keyof LayoutOverrides;

/** Every override: any other key is a UsageError (`layout.pageSize`, where the override is `layout.pageSizeBytes`). */
const LAYOUT_OVERRIDE_KEYS = optionKeys<LayoutOverrides>()(['kernel', 'vaBits', 'pageSizeBytes', 'memstart', 'structPageSize', 'sectionShift', 'era', 'configText']);

/** The overrides that are numbers: a string such as '4096' had passed some checks (Math.log2 takes it). */
const NUMBER_FIELDS = ['vaBits', 'pageSizeBytes', 'structPageSize', 'sectionShift'] as const;

/**
 * Layout overrides checked before any input is read, each bad one a UsageError: otherwise a value is looked at only
 * when a vmemmap cluster needs a layout, so a log without one ignored it and a log with one failed at its end.
 * `name` says how the caller spells an override (`layout.vaBits` in the library, `--va-bits` on the command line). A
 * key that is no override is one too.
 */
export function checkLayoutOverrides(o: LayoutOverrides, name: (field: Field) => string = (f) => `layout.${f}`): void {
  checkOptionKeys(o, LAYOUT_OVERRIDE_KEYS, name as (key: string) => string);
  if (o.kernel !== undefined && (typeof o.kernel !== 'string' || !RELEASE_SHAPE.test(o.kernel))) {
    const given = typeof o.kernel === 'string' ? `'${o.kernel}'` : describeValue(o.kernel);
    throw new UsageError(`${name('kernel')} must look like 6.1, v6.1 or 5.15.0-91, not ${given}`);
  }
  // arch/arm64 was merged for 3.7: an older release is a typo (0.0, 2.6), which had been taken as era E0.
  const release = o.kernel === undefined ? undefined : parseRelease(o.kernel);
  if (release !== undefined && compareVersions(release, FIRST_ARM64_RELEASE) < 0) {
    throw new UsageError(`${name('kernel')} must be an arm64 kernel release, 3.7 or later, not '${o.kernel}'`);
  }
  for (const field of NUMBER_FIELDS) {
    const value: unknown = o[field];
    if (value !== undefined && typeof value !== 'number') throw new UsageError(`${name(field)} must be a number, not ${describeValue(value)}`);
  }
  if (o.vaBits !== undefined && !VA_BITS_CHOICES.includes(o.vaBits)) {
    throw new UsageError(`${name('vaBits')} must be one of ${VA_BITS_CHOICES.join(', ')}, not ${o.vaBits}`);
  }
  let pageShift: number | undefined;
  if (o.pageSizeBytes !== undefined) {
    try {
      pageShift = pageShiftForSize(o.pageSizeBytes);
    } catch {
      throw new UsageError(`${name('pageSizeBytes')} must be 4096, 16384 or 65536, not ${o.pageSizeBytes}`);
    }
  }
  if (o.vaBits !== undefined && pageShift !== undefined && !validVaBits(pageShift).includes(o.vaBits)) {
    throw new UsageError(`${name('vaBits')} ${o.vaBits} is impossible with ${pageSizeLabel(pageShift)} pages (valid: ${validVaBits(pageShift).join(', ')})`);
  }
  if (o.memstart !== undefined && (typeof o.memstart !== 'bigint' || o.memstart < 0n || o.memstart >= 1n << 64n)) {
    throw new UsageError(`${name('memstart')} must be a bigint from 0 to 2^64 - 1 (a negative memstart_addr as its u64), not ${String(o.memstart)}`);
  }
  const size = o.structPageSize;
  if (size !== undefined && !(Number.isInteger(size) && size >= 32 && size <= 256 && size % 8 === 0)) {
    throw new UsageError(`${name('structPageSize')} must be a multiple of 8 from 32 to 256, not ${size}`);
  }
  const bits = o.sectionShift;
  if (bits !== undefined && !SECTION_SHIFTS.includes(bits)) {
    throw new UsageError(`${name('sectionShift')} must be 27..30, not ${bits}`);
  }
  if (o.era !== undefined && !ERA_NAMES.includes(o.era)) {
    throw new UsageError(`${name('era')} must be one of ${ERA_NAMES.join(', ')}, not '${String(o.era)}'`);
  }
  if (o.configText !== undefined) {
    if (typeof o.configText !== 'string') throw new UsageError(`${name('configText')} must be the text of a kernel .config, not ${describeValue(o.configText)}`);
    // As the CLI says of its --config file (an input error there), before any log is read, not at its end.
    const problem = configTextProblem(o.configText);
    if (problem !== undefined) throw new UsageError(`${name('configText')} is ${problem}`);
  }
  checkForcedEra(o, name);
}

/**
 * A forced era must have the VA size the flags or the config give: said before any log is read, not once a log's
 * report is built. Called again once a config has been read (the other overrides are checked by then).
 */
export function checkForcedEra(o: LayoutOverrides, name: (field: Field) => string = (f) => `layout.${f}`): void {
  if (o.era === undefined) return;
  const config = o.configText !== undefined ? parseKernelConfig(o.configText) : undefined;
  const flagShift = o.pageSizeBytes !== undefined ? pageShiftForSize(o.pageSizeBytes) : undefined;
  const vaBits = o.vaBits ?? config?.vaBits?.value;
  const shift = flagShift ?? config?.pageShift?.value;
  if (vaBits === undefined) return;
  if (shift === undefined) {
    checkEraHasVaBits(o.era, vaBits, o.vaBits === undefined ? ', as the kernel config sets' : '', name);
    return;
  }
  // A VA size the page size does not have at all is another check's (or constants.ts') to name.
  const first = firstEraWithVaBits(shift, vaBits);
  if (first === undefined || eraSupportsVaBits(o.era, shift, vaBits)) return;
  const fromConfig = o.vaBits === undefined || flagShift === undefined ? ', as the kernel config sets' : '';
  throw new UsageError(`${name('era')} ${o.era} has no ${vaBits}-bit VAs with ${pageSizeLabel(shift)} pages${fromConfig} (${first} and later have them)`);
}

/**
 * With no page size given, a forced era must have the VA size with some page size: the log may still name the page
 * size, but none would do (`--era E0 --va-bits 52`), and the layout code had said so naming its own function.
 */
function checkEraHasVaBits(era: Era, vaBits: number, fromConfig: string, name: (field: Field) => string): void {
  const firsts = PAGE_SHIFTS.flatMap((shift) => {
    const first = firstEraWithVaBits(shift, vaBits);
    return first === undefined ? [] : [{ shift, first }];
  });
  if (firsts.length === 0 || firsts.some(({ shift }) => eraSupportsVaBits(era, shift, vaBits))) return;
  const earliest = firsts.reduce((a, b) => (eraIndex(b.first) < eraIndex(a.first) ? b : a));
  throw new UsageError(
    `${name('era')} ${era} has no ${vaBits}-bit VAs with any page size${fromConfig} ` +
      `(${earliest.first} and later have them, with ${pageSizeLabel(earliest.shift)} pages)`,
  );
}
