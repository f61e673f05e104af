import { configContradiction, configTextProblem, parseKernelConfig } from '../../src/layout/kconfig.js';
import { inferLayout } from '../../src/layout/infer.js';

const CONFIG = [
  '#',
  '# Automatically generated file; DO NOT EDIT.',
  '# Linux/arm64 6.6.0 Kernel Configuration',
  '#',
  'CONFIG_LOCALVERSION="-vendor"',
  '# CONFIG_ARM64_4K_PAGES is not set',
  'CONFIG_ARM64_16K_PAGES=y',
  'CONFIG_ARM64_VA_BITS_47=y',
  'CONFIG_ARM64_VA_BITS=47',
  'CONFIG_ARM64_PA_BITS=48',
  'CONFIG_KASAN=y',
  'CONFIG_KASAN_GENERIC=y',
  'CONFIG_KASAN_SHADOW_OFFSET=0xdfffc00000000000',
  'CONFIG_ARM64_SECTION_SIZE_BITS=30',
  '# CONFIG_RANDOMIZE_BASE is not set',
].join('\n');

describe('parseKernelConfig', () => {
  const c = parseKernelConfig(CONFIG);
  test('reads every layout option with its line', () => {
    expect(c.release).toMatchObject({ value: '6.6.0', lineNo: 3 });
    expect(c.arch?.value).toBe('arm64');
    expect(c.localVersion?.value).toBe('-vendor');
    expect(c.pageShift).toMatchObject({ value: 14, lineNo: 7 });
    expect(c.vaBits).toMatchObject({ value: 47, lineNo: 9 });
    expect(c.paBits?.value).toBe(48);
    expect(c.sectionShift?.value).toBe(30);
    expect(c.randomizeBase).toMatchObject({ value: false, lineNo: 15 });
    expect(c.kasan).toMatchObject({ value: 'generic', lineNo: 12 });
    expect(c.kasanShadowOffset?.value).toBe(0xdfff_c000_0000_0000n);
  });

  test('a config drives the layout with config provenance', () => {
    const l = inferLayout({}, { configText: CONFIG });
    expect(l.release).toMatchObject({ value: '6.6.0', source: { kind: 'config' } });
    expect(l.pageShift).toMatchObject({ value: 14, source: { kind: 'config', lineNo: 7 } });
    expect(l.sectionShift).toMatchObject({ value: 30, source: { kind: 'config' } });
    expect(l.era.value).toBe('E3');
    // 16K pages, 47-bit: KASAN_SHADOW_END = 2^61 + 0xdfffc00000000000 = _PAGE_END(47); less 2^(47 - 3).
    expect(l.kasan).toMatchObject({ value: 'generic', source: { kind: 'config', lineNo: 12 } });
    expect(l.constants.pageEnd).toBe(0xffff_c000_0000_0000n - (1n << 44n));
  });
});

describe('configContradiction', () => {
  test('a VA size its page size does not have, with both lines', () => {
    expect(configContradiction(parseKernelConfig('CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=42\n'))).toBe(
      'CONFIG_ARM64_VA_BITS=42 (line 2) is impossible with 4K pages (line 1; valid: 39, 48, 52)',
    );
  });

  // Found by an adversarial run: `CONFIG_ARM64_VA_BITS=abc` became NaN-bit VAs, a usage error once a layout was built.
  test.each([
    ['CONFIG_ARM64_VA_BITS=abc\n', 'CONFIG_ARM64_VA_BITS=abc (line 1) is not a whole number'],
    ['CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_PA_BITS=\n', 'CONFIG_ARM64_PA_BITS= (line 2) is not a whole number'],
    ['CONFIG_ARM64_SECTION_SIZE_BITS=27.5\n', 'CONFIG_ARM64_SECTION_SIZE_BITS=27.5 (line 1) is not a whole number'],
  ])('a number option that is none: %j', (text, why) => {
    expect(configContradiction(parseKernelConfig(text))).toBe(why);
  });

  // Found by a review: any whole number reached the layout code, where `SECTION_SIZE_BITS=1` divided by zero and
  // `=2000000000` built a BigInt too large (exit 4, "internal error"), and `VA_BITS=53` failed inside computeConstants.
  test.each([
    ['CONFIG_ARM64_SECTION_SIZE_BITS=1\n', 'CONFIG_ARM64_SECTION_SIZE_BITS=1 (line 1) is outside the sections arm64 has (27..30 bits)'],
    ['CONFIG_ARM64_SECTION_SIZE_BITS=2000000000\n', 'CONFIG_ARM64_SECTION_SIZE_BITS=2000000000 (line 1) is outside the sections arm64 has (27..30 bits)'],
    ['CONFIG_ARM64_VA_BITS=53\n', 'CONFIG_ARM64_VA_BITS=53 (line 1) is no VA_BITS arm64 has (36, 39, 42, 47, 48, 52)'],
  ])('Found by a review: a value arm64 never had: %j', (text, why) => {
    expect(configContradiction(parseKernelConfig(text))).toBe(why);
  });

  test('every section size and VA_BITS arm64 has passes', () => {
    for (const bits of [27, 28, 29, 30]) expect(configContradiction(parseKernelConfig(`CONFIG_ARM64_SECTION_SIZE_BITS=${bits}\n`))).toBeUndefined();
    for (const bits of [36, 39, 42, 47, 48, 52]) expect(configContradiction(parseKernelConfig(`CONFIG_ARM64_VA_BITS=${bits}\n`))).toBeUndefined();
  });

  test('two page sizes set, which silently took the later one', () => {
    expect(configContradiction(parseKernelConfig('CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_64K_PAGES=y\n'))).toBe(
      'CONFIG_ARM64_64K_PAGES=y (line 2) contradicts CONFIG_ARM64_4K_PAGES=y (line 1): a kernel has one page size',
    );
    expect(configContradiction(parseKernelConfig('CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_4K_PAGES=y\n'))).toBeUndefined();
  });

  test('none for a real combination, or with either option missing', () => {
    expect(configContradiction(parseKernelConfig(CONFIG))).toBeUndefined();
    expect(configContradiction(parseKernelConfig('CONFIG_ARM64_VA_BITS=42\n'))).toBeUndefined();
  });
});

describe('configTextProblem (the CLI\'s --config and the library\'s layout.configText)', () => {
  test.each([
    ['a log given by mistake', '[    0.000000] Booting Linux on physical CPU 0x0\n', 'not a kernel config: no CONFIG_ line in it'],
    ['two page sizes', 'CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_64K_PAGES=y\n', 'not a possible arm64 config: CONFIG_ARM64_64K_PAGES=y (line 2) contradicts CONFIG_ARM64_4K_PAGES=y (line 1): a kernel has one page size'],
  ])('%s', (_, text, problem) => {
    expect(configTextProblem(text)).toBe(problem);
  });

  test('a config with only options not set is one; so is a possible one', () => {
    expect(configTextProblem('# CONFIG_RANDOMIZE_BASE is not set\n')).toBeUndefined();
    expect(configTextProblem('CONFIG_ARM64_4K_PAGES=y\nCONFIG_ARM64_VA_BITS=48\n')).toBeUndefined();
  });
});
