import { bootReport } from '../../src/report/boot-report.js';
import { boot } from './fixtures.js';

test('boot facts keep value, line number and text; ranges in hex', () => {
  const b = bootReport(boot());
  expect(b.release).toEqual({ value: '6.1.0-test', lineNo: 3, text: expect.stringContaining('Linux version 6.1.0-test') });
  expect(b.zoneRanges[0]).toEqual({
    value: { zone: 'DMA', range: { start: '0x80000000', end: '0xffffffff' } },
    lineNo: 9,
    text: '  DMA      [mem 0x0000000080000000-0x00000000ffffffff]',
  });
  expect(b.zoneRanges[1]!.value).toEqual({ zone: 'Normal' });
  expect(b.nodeRanges[0]!.value).toEqual({ node: 0, range: { start: '0x80000000', end: '0x87fffffff' } });
  expect(b.pgtable).toEqual({ value: { pageSizeKiB: 4, vaBits: 48 }, lineNo: 7, text: expect.stringContaining('48-bit VAs') });
  expect(b.kaslr?.value).toBe(false);
  expect(b.arch?.value).toBe('arm64');
  expect(b.cpuFeatures).toHaveLength(1);
  expect(b.compiler).toEqual({ value: 'gcc 12.2.0', lineNo: 3, text: expect.stringContaining('(gcc 12.2.0)') });
});

test('virtual layout entries in hex with their kind', () => {
  const facts = boot();
  const text = '    vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)';
  facts.virtualLayout = [{ value: { region: 'vmemmap', start: 0xffff_ffbd_c000_0000n, end: 0xffff_ffbf_c000_0000n, kind: 'maximum' }, lineNo: 30, text }];
  expect(bootReport(facts).virtualLayout).toEqual([
    { value: { region: 'vmemmap', start: '0xffffffbdc0000000', end: '0xffffffbfc0000000', kind: 'maximum' }, lineNo: 30, text },
  ]);
});
