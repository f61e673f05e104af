import { UsageError } from '../errors.js';
import { ERA_NAMES, eraIndex, releaseAtLeast } from './eras.js';
import { firstEraWithVaBits } from './hypotheses.js';
import { kasanPageEnd } from './kasan.js';
import { pageEndOf } from './linear-map.js';
import { pageSizeLabel, pudShift, validVaBits } from './page-geometry.js';
import type { Era, LayoutConstants, LayoutParams } from './types.js';
import { hex, neg64, orderBase2, toS64, u64 } from './u64.js';
import { checkArgument, inFunction, isObject } from '../util/check-argument.js';
import { describeValue } from '../util/describe-value.js';

export { validVaBits } from './page-geometry.js';

const SZ_2M = 1n << 21n;
const SZ_1G = 1n << 30n;
/** SUBSECTION_SHIFT (include/linux/mmzone.h): 2 MiB subsections. */
const SUBSECTION_SHIFT = 21;

/**
 * SECTION_SIZE_BITS (asm/sparsemem.h): 30 for every page size until the 27/27/29 split by Sudarshan Rajagopalan's
 * patch (f0b13ee23241, "arm64/sparsemem: reduce SECTION_SIZE_BITS"), first released in 5.12. Without a release the
 * era decides where it can: every kernel of E0 to E2 (up to 5.10) used 30; E3 (5.11 to 6.8) holds 5.11 with 30 and
 * the later ones with 27/29, and gets the recent value, as E4 and no era do (SECTION_SHIFT_E3_AMBIGUOUS says so).
 */
export function defaultSectionShift(release: string | undefined, pageShift: number, era?: Era): number {
  const since = releaseAtLeast(release, { major: 5, minor: 12 });
  if (since === false) return 30;
  if (since === undefined && era !== undefined && eraIndex(era) < eraIndex('E3')) return 30;
  return pageShift === 16 ? 29 : 27;
}

/** Said when E3 without a release takes the recent SECTION_SIZE_BITS: its first release, 5.11, still used 30. */
export const SECTION_SHIFT_E3_AMBIGUOUS = 'no kernel version: E3 spans 5.11 (SECTION_SIZE_BITS 30) and 5.12 on (27, or 29 for 64K): taking the recent value';

export const SECTION_SHIFT_ASSUMPTION =
  'SECTION_SIZE_BITS changed from 30 to 27 (4K/16K) / 29 (64K) in ~5.12 (release unverified; vendor trees may differ)';

/** VA_BITS_MIN (memory.h): VA_BITS up to 48; a 52-bit kernel may run with 48 (47 for 16K pages on 6.9+ LPA2). */
export function vaBitsMin(era: Era, pageShift: number, vaBits: number): number {
  if (vaBits <= 48) return vaBits;
  return era === 'E4' && pageShift === 14 ? 47 : 48;
}

/** The parameters that are numbers: a string such as '12' had been reported as an implausible SECTION_SIZE_BITS. */
const NUMBER_PARAMS = ['pageShift', 'vaBits', 'structPageSize', 'sectionShift'] as const;

function checkParams(p: LayoutParams): void {
  for (const key of NUMBER_PARAMS) {
    const value: unknown = p[key];
    if (typeof value !== 'number') throw new UsageError(`${key} must be a number, not ${describeValue(value)}`);
  }
  if (!ERA_NAMES.includes(p.era)) throw new UsageError(`era must be one of ${ERA_NAMES.join(', ')}, not '${String(p.era)}'`);
  // A number memstart would fail later, in bigint arithmetic, with a TypeError that names nothing.
  if (typeof p.memstart !== 'bigint') throw new UsageError(`memstart must be a bigint (0x80000000n), not a ${typeof p.memstart}`);
  const valid = validVaBits(p.pageShift);
  if (valid.length === 0) throw new UsageError(`unsupported PAGE_SHIFT ${p.pageShift}: arm64 uses 12, 14 or 16`);
  if (!valid.includes(p.vaBits)) {
    throw new UsageError(`${p.vaBits}-bit VAs are impossible with ${pageSizeLabel(p.pageShift)} pages (valid: ${valid.join(', ')})`);
  }
  // 52-bit kernel VAs arrived in 5.4 for 64K pages (E2) and with LPA2 in 6.9 for 4K/16K (E4).
  const firstEra = firstEraWithVaBits(p.pageShift, p.vaBits);
  if (firstEra !== undefined && eraIndex(p.era) < eraIndex(firstEra)) {
    throw new UsageError(`52-bit VAs with ${pageSizeLabel(p.pageShift)} pages need era ${firstEra} or later, not ${p.era}`);
  }
  if (!Number.isInteger(p.structPageSize) || p.structPageSize < 32 || p.structPageSize > 1024) {
    throw new UsageError(`implausible sizeof(struct page) ${p.structPageSize}`);
  }
  if (!Number.isInteger(p.sectionShift) || p.sectionShift < p.pageShift + 1 || p.sectionShift > 48) {
    throw new UsageError(`implausible SECTION_SIZE_BITS ${p.sectionShift} for PAGE_SHIFT ${p.pageShift}`);
  }
  if (p.sectionShift < SUBSECTION_SHIFT) {
    throw new UsageError(`SECTION_SIZE_BITS ${p.sectionShift} is below the 2 MiB subsection size`);
  }
  if (p.memstart < 0n || p.memstart !== u64(p.memstart)) throw new UsageError(`memstart ${p.memstart < 0n ? `-${hex(-p.memstart)}` : hex(p.memstart)} is not a u64`);
}

interface Window {
  pageOffset: bigint;
  pageEnd: bigint;
  start: bigint;
  end: bigint;
}

/**
 * The end of the linear map. 5.4–5.10 (E2) map BIT(vabits_actual - 1) bytes from PAGE_OFFSET (init.c
 * linear_region_size), which for a 52-bit kernel on a 52-bit CPU runs past `_PAGE_END(VA_BITS_MIN)`. From 5.11 it
 * is PAGE_END: `_PAGE_END(VA_BITS_MIN)`, which also sizes the vmemmap, unless a KASAN shadow ends it first.
 */
function linearMapEnd(p: LayoutParams, pageEnd: bigint, vaMin: number): bigint {
  const vaActual = p.vaBitsActual ?? p.vaBits;
  if (p.era === 'E2') return pageEndOf(vaActual);
  return p.kasanShadow === undefined ? pageEnd : kasanPageEnd(p.kasanShadow, vaActual, vaMin);
}

/** VMEMMAP_START/END per era; each formula is quoted from arch/arm64/include/asm/memory.h / pgtable.h of that era. */
function vmemmapWindow(p: LayoutParams, vaMin: number): Window {
  const ps = BigInt(p.pageShift);
  const va = BigInt(p.vaBits);
  const sp = BigInt(p.structPageSize);
  const spms = BigInt(orderBase2(p.structPageSize)); // STRUCT_PAGE_MAX_SHIFT
  switch (p.era) {
    case 'E0':
    case 'E0b': {
      // PAGE_OFFSET = 0xffffffffffffffff << (VA_BITS - 1); VMALLOC_END = PAGE_OFFSET - PUD_SIZE - VMEMMAP_SIZE - SZ_64K;
      // VMEMMAP_START = VMALLOC_END + SZ_64K = PAGE_OFFSET - PUD_SIZE - SIZE; E0 SIZE = ALIGN(2^(VA-PS) * sp, PUD_SIZE), E0b halves the pfn span.
      const pageOffset = u64(-(1n << (va - 1n)));
      const pud = 1n << BigInt(pudShift(p.pageShift, p.vaBits));
      const pfnBits = p.era === 'E0' ? va - ps : va - ps - 1n;
      const size = (((1n << pfnBits) * sp + pud - 1n) / pud) * pud;
      const start = u64(pageOffset - pud - size);
      // The linear map runs to the top of the address space: pageEnd is 2^64 (exclusive), not a u64.
      return { pageOffset, pageEnd: 1n << 64n, start, end: start + size };
    }
    case 'E1': {
      // VMEMMAP_SIZE = 1 << (VA_BITS - PAGE_SHIFT - 1 + STRUCT_PAGE_MAX_SHIFT); VMEMMAP_START = PAGE_OFFSET - SIZE.
      const pageOffset = u64(-(1n << (va - 1n)));
      const size = 1n << (va - ps - 1n + spms);
      return { pageOffset, pageEnd: 1n << 64n, start: pageOffset - size, end: pageOffset };
    }
    default: {
      // _PAGE_OFFSET(va) = -(1 << va); _PAGE_END(va) = -(1 << (va - 1)).
      const pageOffset = neg64(1n << va);
      const pageEnd = pageEndOf(vaMin);
      const range = pageEnd - pageOffset;
      if (p.era === 'E2') {
        const size = range >> (ps - spms);
        const start = neg64(size + SZ_2M);
        return { pageOffset, pageEnd: linearMapEnd(p, pageEnd, vaMin), start, end: start + size };
      }
      if (p.era === 'E3') {
        const size = range >> (ps - spms);
        const start = neg64(1n << (va - (ps - spms)));
        return { pageOffset, pageEnd: linearMapEnd(p, pageEnd, vaMin), start, end: start + size };
      }
      const end = neg64(SZ_1G);
      const size = (range >> ps) * sp;
      return { pageOffset, pageEnd: linearMapEnd(p, pageEnd, vaMin), start: end - size, end };
    }
  }
}

/**
 * `vmemmap` (pgtable.h): `(struct page *)VMEMMAP_START - (memstart_addr >> PAGE_SHIFT)` from E0b on, with
 * memstart_addr an s64 (arithmetic shift); E0 indexed the array by absolute pfn from VMEMMAP_START.
 */
function vmemmapBase(p: LayoutParams, start: bigint): bigint {
  if (p.era === 'E0') return start;
  return u64(start - (toS64(p.memstart) >> BigInt(p.pageShift)) * BigInt(p.structPageSize));
}

/** The arm64 layout constants (PAGE_OFFSET, VMEMMAP_START/END, vmemmap, linear-map end…) of one set of parameters, all in bigint. A VA size the era or page size cannot have is a UsageError. */
export function computeConstants(p: LayoutParams): LayoutConstants {
  checkArgument(isObject(p), 'computeConstants', 'p', 'an object of layout parameters (era, pageShift, vaBits, structPageSize, memstart, sectionShift)', p);
  inFunction('computeConstants', () => checkParams(p));
  const vaMin = vaBitsMin(p.era, p.pageShift, p.vaBits);
  const w = vmemmapWindow(p, vaMin);
  const sp = BigInt(p.structPageSize);
  const pagesPerSection = 1n << BigInt(p.sectionShift - p.pageShift);
  const pagesPerSubsection = 1n << BigInt(SUBSECTION_SHIFT - p.pageShift);
  // From 5.4 PAGE_OFFSET is _PAGE_OFFSET(VA_BITS): below _PAGE_OFFSET(vabits_actual) a smaller CPU has no VAs.
  const vaActual = p.vaBitsActual ?? p.vaBits;
  const flipped = p.era !== 'E0' && p.era !== 'E0b' && p.era !== 'E1';
  return {
    ...(flipped && vaActual < p.vaBits && { linearMapStart: neg64(1n << BigInt(vaActual)) }),
    pageOffset: w.pageOffset,
    pageEnd: w.pageEnd,
    vaBitsMin: vaMin,
    vmemmapStart: w.start,
    vmemmapEnd: w.end,
    vmemmapSize: w.end - w.start,
    vmemmapBase: vmemmapBase(p, w.start),
    pagesPerSection,
    pagesPerSubsection,
    memmapBytesPerSection: pagesPerSection * sp,
    memmapBytesPerSubsection: pagesPerSubsection * sp,
  };
}
