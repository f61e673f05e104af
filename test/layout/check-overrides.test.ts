import { UsageError } from '../../src/errors.js';
import { checkLayoutOverrides } from '../../src/layout/check-overrides.js';
import type { LayoutOverrides } from '../../src/layout/types.js';
import { inferLayout, plausibleLayouts } from '../../src/layout/infer.js';

describe('checkLayoutOverrides', () => {
  test.each<[LayoutOverrides, string]>([
    [{ vaBits: 40 }, 'layout.vaBits must be one of 36, 39, 42, 47, 48, 52, not 40'],
    [{ pageSizeBytes: 8192 }, 'layout.pageSizeBytes must be 4096, 16384 or 65536, not 8192'],
    [{ vaBits: 47, pageSizeBytes: 4096 }, 'layout.vaBits 47 is impossible with 4K pages (valid: 39, 48, 52)'],
    [{ memstart: -0x4000_0000n }, 'layout.memstart must be a bigint from 0 to 2^64 - 1 (a negative memstart_addr as its u64), not -1073741824'],
    [{ memstart: 1n << 64n }, 'layout.memstart must be a bigint from 0 to 2^64 - 1 (a negative memstart_addr as its u64), not 18446744073709551616'],
    [{ structPageSize: 0 }, 'layout.structPageSize must be a multiple of 8 from 32 to 256, not 0'],
    [{ sectionShift: 5 }, 'layout.sectionShift must be 27..30, not 5'],
    [{ era: 'E9' as never }, "layout.era must be one of E0, E0b, E1, E2, E3, E4, not 'E9'"],
    [{ era: 'E3', vaBits: 52, pageSizeBytes: 4096 }, 'layout.era E3 has no 52-bit VAs with 4K pages (E4 and later have them)'],
    [{ era: 'E1', vaBits: 52, pageSizeBytes: 65536 }, 'layout.era E1 has no 52-bit VAs with 64K pages (E2 and later have them)'],
    [{ era: 'E3', configText: 'CONFIG_ARM64_16K_PAGES=y\nCONFIG_ARM64_VA_BITS=52\n' }, 'layout.era E3 has no 52-bit VAs with 16K pages, as the kernel config sets (E4 and later have them)'],
    // Found by a review: with no page size, a forced era that has the VA size with none was left to constants.ts,
    // whose message named computeConstants. 52-bit VAs came in E2 (5.4) with 64K pages, in E4 (6.9) with 4K and 16K.
    [{ era: 'E0', vaBits: 52 }, 'layout.era E0 has no 52-bit VAs with any page size (E2 and later have them, with 64K pages)'],
    [{ era: 'E1', configText: 'CONFIG_ARM64_VA_BITS=52\n' }, 'layout.era E1 has no 52-bit VAs with any page size, as the kernel config sets (E2 and later have them, with 64K pages)'],
    // Found by an audit embedding the library: each of these passed the check and was found wrong (a UsageError from
    // constants.ts, "NaN-bit VAs", a raw TypeError) or used silently, once the whole log had been read.
    [{ configText: 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=42\n' }, 'layout.configText is not a possible arm64 config: CONFIG_ARM64_VA_BITS=42 (line 2) is impossible with 4K pages (line 1; valid: 39, 48, 52)'],
    [{ configText: 'CONFIG_ARM64_VA_BITS=abc\n' }, 'layout.configText is not a possible arm64 config: CONFIG_ARM64_VA_BITS=abc (line 1) is not a whole number'],
    [{ configText: 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_64K_PAGES=y\n' }, 'layout.configText is not a possible arm64 config: CONFIG_ARM64_64K_PAGES=y (line 2) contradicts CONFIG_ARM64_4K_PAGES=y (line 1): a kernel has one page size'],
    [{ configText: 'hello world\n' }, 'layout.configText is not a kernel config: no CONFIG_ line in it'],
    [{ configText: 5 as never }, 'layout.configText must be the text of a kernel .config, not the number 5'],
    [{ kernel: 6.1 as never }, 'layout.kernel must look like 6.1, v6.1 or 5.15.0-91, not the number 6.1'],
    // Found by a review: taken as era E0, though arm64 came with 3.7.
    [{ kernel: '2.6' }, "layout.kernel must be an arm64 kernel release, 3.7 or later, not '2.6'"],
    [{ kernel: '0.0' }, "layout.kernel must be an arm64 kernel release, 3.7 or later, not '0.0'"],
    [{ kernel: '3.6.11' }, "layout.kernel must be an arm64 kernel release, 3.7 or later, not '3.6.11'"],
    [{ pageSizeBytes: '4096' as never }, "layout.pageSizeBytes must be a number, not the string '4096'"],
    [{ vaBits: '48' as never }, "layout.vaBits must be a number, not the string '48'"],
  ])('%o is a usage error', (o, message) => {
    expect(() => checkLayoutOverrides(o)).toThrow(new UsageError(message));
  });

  test('good values and absent ones pass', () => {
    expect(() => checkLayoutOverrides({ vaBits: 48, pageSizeBytes: 65536, memstart: 0xfff0_81e4_4000_0000n, structPageSize: 64, sectionShift: 29, era: 'E3' })).not.toThrow();
    expect(() => checkLayoutOverrides({})).not.toThrow();
    // E2 has 52-bit VAs with 64K pages: the page size may still come from the log.
    expect(() => checkLayoutOverrides({ era: 'E2', vaBits: 52 })).not.toThrow();
    expect(() => checkLayoutOverrides({ era: 'E0', vaBits: 42 })).not.toThrow();
    expect(() => checkLayoutOverrides({ era: 'E4', configText: 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=52\n' })).not.toThrow();
  });

  test('the caller names its own options', () => {
    expect(() => checkLayoutOverrides({ vaBits: 47, pageSizeBytes: 4096 }, (f) => (f === 'vaBits' ? '--va-bits' : f))).toThrow(
      new UsageError('--va-bits 47 is impossible with 4K pages (valid: 39, 48, 52)'),
    );
  });
});

// Found by an audit embedding the library: `layout: { pageSize: 4096 }` was ignored, the page size left to inference.
describe('a key that is no override', () => {
  test('is a usage error naming the override it is likely a slip for', () => {
    expect(() => checkLayoutOverrides({ pageSize: 4096 } as never)).toThrow(new UsageError("unknown option 'layout.pageSize' (did you mean 'layout.pageSizeBytes'?)"));
    expect(() => checkLayoutOverrides({ vabits: 48 } as never)).toThrow(new UsageError("unknown option 'layout.vabits' (did you mean 'layout.vaBits'?)"));
  });

  test('the layout functions check it too', () => {
    expect(() => inferLayout({}, { struct_page_size: 64 } as never)).toThrow(new UsageError("inferLayout: unknown option 'layout.struct_page_size' (did you mean 'layout.structPageSize'?)"));
    expect(() => plausibleLayouts({}, { release: '6.1' } as never)).toThrow(/^plausibleLayouts: unknown option 'layout\.release' \(known: layout\.kernel, /);
  });
});
