import { pgtableGeometry } from '../../src/layout/pgtable-geometry.js';
import { BootFactCollector } from '../../src/parse/boot-facts.js';
import type { BootFacts } from '../../src/parse/types.js';

function boot(line: string): BootFacts {
  const c = new BootFactCollector();
  c.push({ lineNo: 1, text: line });
  return c.current;
}

describe('pgtableGeometry', () => {
  // show_pte() prints `<kind> pgtable: <PAGE_SIZE / 1024>k pages, <vabits_actual>-bit VAs, pgdp=…`.
  test.each([
    ['user pgtable: 4k pages, 48-bit VAs, pgdp=0000000041d1c000', 12, 48],
    ['swapper pgtable: 4k pages, 39-bit VAs, pgdp=0000000041d1c000', 12, 39],
    ['user pgtable: 16k pages, 47-bit VAs, pgdp=0000000041d1c000', 14, 47],
    ['user pgtable: 64k pages, 52-bit VAs, pgdp=0000000041d1c000', 16, 52],
  ])('%s is page shift %i, %i-bit VAs', (line, pageShift, vaBits) => {
    expect(pgtableGeometry(boot(line))).toEqual({ pageShift, vaBits });
  });

  test.each([
    // No arm64 page size is 0k or 8k; 41 and 47 bits are no VA size of 4K pages, 39 none of 64K pages.
    'swapper pgtable: 0k pages, 0-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 8k pages, 48-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 4k pages, 41-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 4k pages, 47-bit VAs, pgdp=00000008812c4000',
    'user pgtable: 64k pages, 39-bit VAs, pgdp=00000008812c4000',
  ])('%s is no arm64 geometry', (line) => {
    const b = boot(line);
    expect(b.pgtable).toBeDefined();
    expect(pgtableGeometry(b)).toBeUndefined();
  });

  test('no boot, or a boot without the line, has none', () => {
    expect(pgtableGeometry(undefined)).toBeUndefined();
    expect(pgtableGeometry(boot('Booting Linux on physical CPU 0x0000000000 [0x410fd083]'))).toBeUndefined();
  });
});
