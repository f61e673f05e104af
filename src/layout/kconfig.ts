import type { KasanMode } from '../parse/types.js';
import { pageSizeLabel, SECTION_SHIFTS, VA_BITS_CHOICES, validVaBits } from './page-geometry.js';
import { checkArgument } from '../util/check-argument.js';

/** The layout-relevant options of a kernel `.config`, each with the line that set it. */
export interface ConfigFact<T> {
  value: T;
  lineNo: number;
  text: string;
}

/**
 * What `parseKernelConfig` took from a kernel `.config`: its header and the options the layout model reads, each
 * with its 1-based line, absent when the config does not have it.
 */
export interface KernelConfig {
  /** From the `# Linux/arm64 6.1.0 Kernel Configuration` header. */
  release?: ConfigFact<string>;
  arch?: ConfigFact<string>;
  vaBits?: ConfigFact<number>;
  pageShift?: ConfigFact<number>;
  sectionShift?: ConfigFact<number>;
  paBits?: ConfigFact<number>;
  randomizeBase?: ConfigFact<boolean>;
  kasan?: ConfigFact<KasanMode>;
  kasanShadowOffset?: ConfigFact<bigint>;
  localVersion?: ConfigFact<string>;
  /** A second page-size option set to `y`, other than the one `pageShift` kept. */
  otherPageShift?: ConfigFact<number>;
}

const KASAN_OPTIONS: Readonly<Record<string, KasanMode>> = {
  CONFIG_KASAN_GENERIC: 'generic',
  CONFIG_KASAN_SW_TAGS: 'sw-tags',
  CONFIG_KASAN_HW_TAGS: 'hw-tags',
};

const PAGE_OPTIONS: Readonly<Record<string, number>> = {
  CONFIG_ARM64_4K_PAGES: 12,
  CONFIG_ARM64_16K_PAGES: 14,
  CONFIG_ARM64_64K_PAGES: 16,
};

/** The layout-relevant facts of a kernel .config (page size, VA_BITS, RANDOMIZE_BASE, release…), each with its line. */
export function parseKernelConfig(text: string): KernelConfig {
  checkArgument(typeof text === 'string', 'parseKernelConfig', 'text', 'the text of a kernel .config', text);
  const config: KernelConfig = {};
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const lineNo = i + 1;
    const fact = <T>(value: T): ConfigFact<T> => ({ value, lineNo, text: line });
    const header = /^# Linux\/(\S+) (\S+) Kernel Configuration/.exec(line);
    if (header?.[1] && header[2]) {
      config.arch = fact(header[1]);
      config.release = fact(header[2]);
      return;
    }
    const notSet = /^# (CONFIG_\w+) is not set$/.exec(line);
    if (notSet?.[1] === 'CONFIG_RANDOMIZE_BASE') config.randomizeBase = fact(false);
    const m = /^(CONFIG_\w+)=(.*)$/.exec(line);
    if (!m?.[1] || m[2] === undefined) return;
    const [name, value] = [m[1], m[2].replace(/^"(.*)"$/, '$1')];
    const pageShift = PAGE_OPTIONS[name];
    const kasan = KASAN_OPTIONS[name];
    if (pageShift !== undefined && value === 'y') {
      if (config.pageShift !== undefined && config.pageShift.value !== pageShift) config.otherPageShift = fact(pageShift);
      else config.pageShift = fact(pageShift);
    }
    else if (kasan !== undefined && value === 'y') config.kasan = fact(kasan);
    else if (name === 'CONFIG_KASAN_SHADOW_OFFSET' && /^0x[0-9a-f]{1,16}$/i.test(value)) config.kasanShadowOffset = fact(BigInt(value));
    else if (name === 'CONFIG_ARM64_VA_BITS') config.vaBits = fact(Number(value));
    else if (name === 'CONFIG_ARM64_PA_BITS') config.paBits = fact(Number(value));
    else if (name === 'CONFIG_ARM64_SECTION_SIZE_BITS') config.sectionShift = fact(Number(value));
    else if (name === 'CONFIG_RANDOMIZE_BASE') config.randomizeBase = fact(value === 'y');
    else if (name === 'CONFIG_LOCALVERSION') config.localVersion = fact(value);
  });
  return config;
}

/**
 * Why the config cannot be a real arm64 kernel's (a number option that is no number, a VA_BITS or section size arm64
 * never had, two page sizes, a VA_BITS its page size does not have), or undefined.
 */
export function configContradiction(config: KernelConfig): string | undefined {
  const { vaBits, pageShift, otherPageShift } = config;
  const notWhole = [vaBits, config.paBits, config.sectionShift].find((f) => f !== undefined && !(Number.isInteger(f.value) && f.value > 0));
  if (notWhole) return `${notWhole.text} (line ${notWhole.lineNo}) is not a whole number`;
  // Found by a review: any whole number had reached the layout code, where a section of 1 bit divided by zero (exit 4).
  if (vaBits && !VA_BITS_CHOICES.includes(vaBits.value)) {
    return `${vaBits.text} (line ${vaBits.lineNo}) is no VA_BITS arm64 has (${VA_BITS_CHOICES.join(', ')})`;
  }
  const sectionShift = config.sectionShift;
  if (sectionShift && !SECTION_SHIFTS.includes(sectionShift.value)) {
    return `${sectionShift.text} (line ${sectionShift.lineNo}) is outside the sections arm64 has (${SECTION_SHIFTS[0]}..${SECTION_SHIFTS.at(-1)} bits)`;
  }
  if (pageShift && otherPageShift) {
    return `${otherPageShift.text} (line ${otherPageShift.lineNo}) contradicts ${pageShift.text} (line ${pageShift.lineNo}): a kernel has one page size`;
  }
  if (!vaBits || !pageShift || validVaBits(pageShift.value).includes(vaBits.value)) return undefined;
  return `${vaBits.text} (line ${vaBits.lineNo}) is impossible with ${pageSizeLabel(pageShift.value)} pages (line ${pageShift.lineNo}; valid: ${validVaBits(pageShift.value).join(', ')})`;
}

/**
 * Why `text` cannot be an arm64 kernel's .config, or undefined: no CONFIG_ line in it at all (a log or other file
 * given by mistake would set nothing, silently), or a contradiction (configContradiction). The CLI's `--config` and
 * the library's `layout.configText` are checked by this one function.
 */
export function configTextProblem(text: string): string | undefined {
  if (!/^(?:# )?CONFIG_/m.test(text)) return 'not a kernel config: no CONFIG_ line in it';
  const contradiction = configContradiction(parseKernelConfig(text));
  return contradiction === undefined ? undefined : `not a possible arm64 config: ${contradiction}`;
}
