import { inferKasan, kasanPageEnd, kasanShadow } from '../../src/layout/kasan.js';
import { parseKernelConfig } from '../../src/layout/kconfig.js';
import { neg64, u64 } from '../../src/layout/u64.js';
import type { BootFacts } from '../../src/parse/types.js';
import { bootFacts } from './_boot.js';

const boot = (kasan: BootFacts['kasan']): BootFacts => bootFacts(kasan && { kasan });

describe('inferKasan', () => {
  test('a config beats the boot line; the line names the mode from 5.16 on', () => {
    const config = parseKernelConfig('CONFIG_KASAN=y\nCONFIG_KASAN_SW_TAGS=y');
    const line = { value: 'generic' as const, lineNo: 9, text: 'KernelAddressSanitizer initialized (generic)' };
    expect(inferKasan(boot(line), config, 'E4')).toMatchObject({ value: 'sw-tags', source: { kind: 'config', lineNo: 2 }, confidence: 'high' });
    expect(inferKasan(boot(line), {}, 'E4')).toMatchObject({ value: 'generic', source: { kind: 'log', lineNo: 9 }, confidence: 'high' });
    expect(inferKasan(boot(undefined), {}, 'E4')).toBeUndefined();
  });

  test('the bare line of kernels before 5.16 is taken as generic, with low confidence', () => {
    const line = { value: 'unnamed' as const, lineNo: 3, text: 'kasan: KernelAddressSanitizer initialized' };
    expect(inferKasan(boot(line), {}, 'E4')).toMatchObject({ value: 'generic', confidence: 'low' });
  });

  test('a KASAN report of the boot: after a config and a line that names the mode, before the bare line', () => {
    const bare = { value: 'unnamed' as const, lineNo: 3, text: 'kasan: KernelAddressSanitizer initialized' };
    const named = { value: 'sw-tags' as const, lineNo: 3, text: 'kasan: KernelAddressSanitizer initialized (sw-tags, stacktrace=on)' };
    const tagged = { value: 'hw-tags' as const, lineNo: 80, text: 'Pointer tag: [0b], memory tag: [fe]', why: "a pointer tag, and MTE's fault handler in the trace" };
    const withReport = (kasan: BootFacts['kasan'], kasanReport: BootFacts['kasanReport']): BootFacts => bootFacts({ ...(kasan && { kasan }), ...(kasanReport && { kasanReport }) });
    expect(inferKasan(withReport(bare, tagged), {}, 'E3')).toMatchObject({ value: 'hw-tags', confidence: 'high', source: { kind: 'log', lineNo: 80 } });
    expect(inferKasan(withReport(undefined, tagged), {}, 'E3')?.source.text).toBe("Pointer tag: [0b], memory tag: [fe] (a pointer tag, and MTE's fault handler in the trace: hw-tags)");
    expect(inferKasan(withReport(named, tagged), {}, 'E3')).toMatchObject({ value: 'sw-tags', source: { lineNo: 3 } });
    expect(inferKasan(withReport(bare, tagged), parseKernelConfig('CONFIG_KASAN_GENERIC=y'), 'E3')).toMatchObject({ value: 'generic', source: { kind: 'config' } });
    const generic = { value: 'generic' as const, lineNo: 81, text: 'Memory state around the buggy address:', why: 'a memory dump of 0x80 bytes a row, and no pointer tag before it' };
    expect(inferKasan(withReport(undefined, generic), {}, 'E3')).toMatchObject({ value: 'generic', confidence: 'high', source: { lineNo: 81 } });
  });

  test('tags a report cannot place: software tags before 5.11, when mainline had no hardware tags; hardware tags after, with low confidence', () => {
    const tags = { value: 'tags' as const, lineNo: 82, text: 'Pointer tag: [0b], memory tag: [fe]', why: 'a pointer tag, which both tag modes print' };
    const report = bootFacts({ kasanReport: tags });
    expect(inferKasan(report, {}, 'E3')).toMatchObject({ value: 'hw-tags', confidence: 'low', source: { lineNo: 82, text: 'Pointer tag: [0b], memory tag: [fe] (a pointer tag, which both tag modes print: hardware tags taken)' } });
    expect(inferKasan(report, {}, 'E2')).toMatchObject({ value: 'sw-tags', confidence: 'medium', source: { lineNo: 82 } });
    const bare = { value: 'unnamed' as const, lineNo: 3, text: 'kasan: KernelAddressSanitizer initialized' };
    expect(inferKasan(bootFacts({ kasan: bare, kasanReport: tags }), {}, 'E4')).toMatchObject({ value: 'hw-tags', confidence: 'low' });
  });
});

describe('kasanShadow', () => {
  test('only generic and software tags have a shadow, and it ends the linear map from E3 (5.11) on', () => {
    expect(kasanShadow('generic', 'E3', {})).toEqual({ scaleShift: 3 });
    expect(kasanShadow('sw-tags', 'E4', {})).toEqual({ scaleShift: 4 });
    expect(kasanShadow('hw-tags', 'E4', {})).toBeUndefined();
    expect(kasanShadow('generic', 'E2', {})).toBeUndefined();
    expect(kasanShadow(undefined, 'E4', {})).toBeUndefined();
    const config = parseKernelConfig('CONFIG_KASAN_SHADOW_OFFSET=0xdfff800000000000');
    expect(kasanShadow('generic', 'E3', config)).toEqual({ scaleShift: 3, offset: 0xdfff_8000_0000_0000n });
  });
});

describe('kasanPageEnd: KASAN_SHADOW_END - 2^(vabits_actual - KASAN_SHADOW_SCALE_SHIFT)', () => {
  // arch/arm64/Kconfig KASAN_SHADOW_OFFSET defaults: [VA_BITS, VA_BITS_MIN, scale shift, offset]; 52-bit with
  // 16K pages (VA_BITS_MIN 47) from 6.9's LPA2.
  const KCONFIG_DEFAULTS: [number, number, number, bigint][] = [
    [48, 48, 3, 0xdfff_8000_0000_0000n],
    [52, 48, 3, 0xdfff_8000_0000_0000n],
    [52, 47, 3, 0xdfff_c000_0000_0000n],
    [52, 48, 4, 0xefff_8000_0000_0000n],
    [52, 47, 4, 0xefff_c000_0000_0000n],
    [47, 47, 3, 0xdfff_c000_0000_0000n],
    [42, 42, 3, 0xdfff_fe00_0000_0000n],
    [39, 39, 3, 0xdfff_ffc0_0000_0000n],
    [36, 36, 3, 0xdfff_fff8_0000_0000n],
    [48, 48, 4, 0xefff_8000_0000_0000n],
    [47, 47, 4, 0xefff_c000_0000_0000n],
    [42, 42, 4, 0xefff_fe00_0000_0000n],
    [39, 39, 4, 0xefff_ffc0_0000_0000n],
    [36, 36, 4, 0xefff_fff8_0000_0000n],
  ];

  test.each(KCONFIG_DEFAULTS)('VA_BITS %i (min %i), scale %i: the default offset puts the shadow end at _PAGE_END(VA_BITS_MIN)', (va, vaMin, scaleShift, offset) => {
    const withOffset = kasanPageEnd({ scaleShift, offset }, va, vaMin);
    expect(kasanPageEnd({ scaleShift }, va, vaMin)).toBe(withOffset);
    const shadowEnd = u64((1n << BigInt(64 - scaleShift)) + offset);
    expect(shadowEnd).toBe(neg64(1n << BigInt(vaMin - 1)));
    expect(withOffset).toBe(shadowEnd - (1n << BigInt(va - scaleShift)));
  });

  test('48-bit generic: the shadow takes the top eighth of the kernel half, a quarter of the linear map', () => {
    // _PAGE_END(48) = 0xffff800000000000, less 2^45.
    expect(kasanPageEnd({ scaleShift: 3 }, 48, 48)).toBe(0xffff_6000_0000_0000n);
  });
});
