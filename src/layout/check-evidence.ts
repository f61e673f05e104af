import { checkArgument, checkArrayOf, hasArray, isObject } from '../util/check-argument.js';
import { checkBigint } from './check-layout.js';

/** The arrays every boot's facts hold (BootFacts): what the layout model walks. */
const BOOT_ARRAYS = ['zoneRanges', 'nodeRanges', 'virtualLayout', 'cpuFeatures'];

/** A boot's facts (BootFacts) by its kind: its lists. */
export function isBoot(value: unknown): boolean {
  return BOOT_ARRAYS.every((key) => hasArray(value, key));
}

/** A RegisterValue by its kind: a register's name and its bigint. */
export function isRegisterValue(value: unknown): boolean {
  return isObject(value) && typeof value['reg'] === 'string' && typeof value['value'] === 'bigint';
}

function isBigintRange(value: unknown): boolean {
  return isObject(value) && typeof value['start'] === 'bigint' && typeof value['end'] === 'bigint';
}

function isRegisterMemstart(value: unknown): boolean {
  if (!isObject(value)) return false;
  const memstart = value['memstart'];
  const geometry = ['pageShift', 'vaBits', 'structPageSize'].every((key) => typeof value[key] === 'number');
  return isObject(memstart) && typeof memstart['value'] === 'bigint' && typeof value['era'] === 'string' && geometry;
}

/**
 * The fields of `fn`'s layout evidence (`evidenceFromResult` makes it), each, when given, of the kind LayoutEvidence
 * says, else a UsageError naming it (`candidateLayouts: evidence.largestCall must be a bigint …`): a number there had
 * been a raw TypeError (Cannot mix BigInt and other types), a `boot` of 5 one from deep inside, and a `splatRelease`
 * of 6.1 a UsageError that named eraForRelease. Checked once per call, as the overrides are.
 */
export function checkEvidence(fn: string, e: Record<string, unknown>): void {
  const given = (key: string, ok: (value: unknown) => boolean, must: string): void => {
    if (e[key] !== undefined) checkArgument(ok(e[key]), fn, `evidence.${key}`, must, e[key]);
  };
  given('boot', isBoot, "a boot's facts (layoutBoot(result).boot, or one of an analysis result's boots)");
  given('splatRelease', (value) => typeof value === 'string', 'a release string (6.1.0-rc1)');
  if (e['registerValues'] !== undefined) {
    const must = "a register value ({ reg: 'x0', value: 0x80000000n })";
    checkArrayOf(isRegisterValue, fn, 'evidence.registerValues', e['registerValues'], 'an array of register values', must);
  }
  for (const key of ['largestCall', 'largestCallStart', 'startStep']) {
    if (e[key] !== undefined) checkBigint(fn, `evidence.${key}`, e[key]);
  }
  given('pageSpan', isBigintRange, 'a range of struct page addresses ({ start, end } bigints)');
  given('callsOnGrid', (value) => typeof value === 'boolean', 'a boolean');
  given('registerMemstart', isRegisterMemstart, 'what evidenceFromResult gives ({ memstart, era, pageShift, vaBits, structPageSize })');
}
