import { parseMemRange } from './fields/mem-range.js';
import type { KasanMode, MemRange } from './types.js';

export interface LinuxVersion {
  release: string;
  compiler?: string;
}

/** The parenthesised groups after the release, balanced: `(gcc version 4.8.5 (GCC) )` is one group. */
function parenGroups(text: string): string[] {
  const groups: string[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '(') {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (ch === ')' && depth > 0) {
      depth--;
      if (depth === 0) groups.push(text.slice(start, i).trim());
    } else if (depth === 0 && ch === '#') {
      break;
    }
  }
  return groups;
}

/** `Linux version 5.8.0-0.bpo.2-arm64 (debian-kernel@lists.debian.org) (gcc-8 (Debian 8.3.0-6) 8.3.0, GNU ld ...) #1 SMP ...` */
export function parseLinuxVersion(text: string): LinuxVersion | undefined {
  // `(?!\S)`: the release is the whole word, so a line that cannot match (U+2028 inside) fails at once, not in n².
  const m = /^Linux version (\S+)(?!\S)(.*)$/.exec(text);
  if (!m?.[1]) return undefined;
  const groups = parenGroups(m[2] ?? '');
  // The first group is user@host; the compiler follows (older kernels: `(gcc version 4.8.5 (GCC) )`).
  const compiler = groups.find((g, i) => i > 0 || !g.includes('@'));
  return compiler === undefined ? { release: m[1] } : { release: m[1], compiler };
}

/** `  DMA      [mem 0x0000000080000000-0x00000000ffffffff]` or `  DMA32    empty`. */
export function parseZoneLine(text: string): { zone: string; range?: MemRange } | undefined {
  const m = /^\s*([A-Za-z][A-Za-z0-9]*)\s+(empty|\[mem [^\]]+\])\s*$/.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  if (m[2] === 'empty') return { zone: m[1] };
  const range = parseMemRange(m[2]);
  return range ? { zone: m[1], range } : undefined;
}

/** `  node   0: [mem 0x0000000080000000-0x00000000fbffffff]` (`"  node %3d: [mem %#018Lx-%#018Lx]"`). */
export function parseNodeLine(text: string): { node: number; range: MemRange } | undefined {
  const m = /^\s*node\s+(\d+): (\[mem [^\]]+\])/.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  const range = parseMemRange(m[2]);
  return range ? { node: Number(m[1]), range } : undefined;
}

export interface LayoutLine {
  /** Undefined on the continuation line that prints a region's `actual` range. */
  region?: string;
  start: bigint;
  end: bigint;
  kind: 'maximum' | 'actual' | 'plain';
}

const MAX_LAYOUT_LINE = 256;

/**
 * One line of the `Virtual kernel memory layout:` block (arm64 mem_init(), removed in ~4.17):
 * `    vmemmap : 0xffffffbdc0000000 - 0xffffffbfc0000000   (     8 GB maximum)` then
 * `              0xffffffbdc2000000 - 0xffffffbdc9d7c400   (   125 MB actual)`.
 */
export function parseLayoutLine(text: string): LayoutLine | undefined {
  // Its blank runs make the regex quadratic in a long line; a real row is under 100 characters.
  if (text.length > MAX_LAYOUT_LINE) return undefined;
  const m = /^\s*(?:([.A-Za-z][\w ./]*?)\s*:\s*)?0x([0-9a-f]+)\s*-\s*0x([0-9a-f]+)\s*(?:\(\s*\d+\s*[KMGT]?B(?:\s+(maximum|actual))?\s*\))?\s*$/.exec(
    text,
  );
  if (!m?.[2] || !m[3]) return undefined;
  const kind = m[4] === 'maximum' || m[4] === 'actual' ? m[4] : 'plain';
  const line: LayoutLine = { start: BigInt(`0x${m[2]}`), end: BigInt(`0x${m[3]}`), kind };
  if (m[1]) line.region = m[1];
  return line;
}

/** `user pgtable: 4k pages, 48-bit VAs, pgdp=...` (arch/arm64/mm/fault.c show_pte). */
export function parsePgtable(text: string): { pageSizeKiB: number; vaBits: number } | undefined {
  const m = /(?:swapper|user) pgtable: (\d+)k pages, (\d+)-bit VAs/.exec(text);
  if (!m?.[1] || !m[2]) return undefined;
  return { pageSizeKiB: Number(m[1]), vaBits: Number(m[2]) };
}

/** The prefix of alloc_large_system_hash's line for the dentry cache, printed by every boot (vfs_caches_init_early). */
export const DENTRY_HASH_LINE = 'Dentry cache hash table entries: ';

/** `Dentry cache hash table entries: 262144 (order: 9, 2097152 bytes, linear)` (4.x without `, linear`). */
export function parseDentryHash(text: string): { order: number; bytes: number } | undefined {
  const m = /^Dentry cache hash table entries: \d+ \(order: (-?\d+), (\d+) bytes/.exec(text);
  if (m?.[1] === undefined || m[2] === undefined) return undefined;
  return { order: Number(m[1]), bytes: Number(m[2]) };
}

/**
 * `PHYS_OFFSET: 0xfff0000080000000` (arch/arm64/kernel/setup.c, after a panic): memstart_addr, an s64 printed with
 * %llx, so a 52-bit kernel on a 48-bit CPU shows it as a large u64.
 */
export function parsePhysOffset(text: string): bigint | undefined {
  const m = /^PHYS_OFFSET: 0x([0-9a-f]{1,16})$/.exec(text.trimEnd());
  return m?.[1] === undefined ? undefined : BigInt(`0x${m[1]}`);
}

/** `Kernel Offset: 0x17ef800000 from 0xffffff8008000000`: KIMAGE_VADDR, the address after `from`. */
export function parseKimageVaddr(text: string): bigint | undefined {
  const m = /^Kernel Offset: 0x[0-9a-f]{1,16} from 0x([0-9a-f]{16})$/.exec(text.trimEnd());
  return m?.[1] === undefined ? undefined : BigInt(`0x${m[1]}`);
}

/**
 * `kasan: KernelAddressSanitizer initialized (generic)`, `(sw-tags, stacktrace=on)`, `(hw-tags, mode=sync, …)`: the
 * mode, or `unnamed` for the bare line kernels before 5.16 print in every mode. The `kasan: ` prefix (pr_fmt) is
 * there in all but the newest kernels' generic line.
 */
export function parseKasanInit(text: string): KasanMode | 'unnamed' | undefined {
  const m = /^(?:kasan: )?KernelAddressSanitizer initialized(?: \((generic|sw-tags|hw-tags)\b[^)]*\))?\s*$/.exec(text);
  if (!m) return undefined;
  return (m[1] as KasanMode | undefined) ?? 'unnamed';
}

/** `KASLR enabled`, `KASLR disabled due to lack of seed`, `KASLR disabled on command line`. */
export function parseKaslr(text: string): boolean | undefined {
  const m = /^KASLR (enabled|disabled)/.exec(text);
  return m ? m[1] === 'enabled' : undefined;
}

/**
 * `CPU features: detected: 52-bit Virtual Addressing (LVA)` → the feature text. Not the bitmap of capabilities
 * arm64 prints at panic under the same prefix (`dump_cpu_features`: `0x%*pb`, e.g. `0x300,00006170,8200720b`).
 */
export function parseCpuFeature(text: string): string | undefined {
  const m = /^CPU features: (?:detected: )?(.+)$/.exec(text);
  const feature = m?.[1]?.trim();
  return feature === undefined || /^0x[0-9a-f]+(?:,[0-9a-f]+)*$/i.test(feature) ? undefined : feature;
}

export interface ArchHint {
  arch: string;
  /** A strong hint replaces a weak one; the first strong hint wins. */
  strong: boolean;
}

/** Architecture hints: arm64 prints MPIDR as 10 hex digits plus MIDR since ~4.18; arm and old arm64 print `0x100`. */
export function archHint(text: string, version?: LinuxVersion): ArchHint | undefined {
  if (text.startsWith('Booting Linux on physical CPU')) {
    return /CPU 0x[0-9a-f]{10} \[0x[0-9a-f]{8}\]/.test(text) ? { arch: 'arm64', strong: true } : { arch: 'arm', strong: false };
  }
  if (text.startsWith('Boot CPU: AArch64') || text.startsWith('CPU features: ') || / pgtable: \d+k pages/.test(text)) {
    return { arch: 'arm64', strong: true };
  }
  if (text.startsWith('CPU: ARMv')) return { arch: 'arm', strong: true };
  if (text.startsWith('x86/fpu: ')) return { arch: 'x86_64', strong: true };
  if (version) {
    const build = `${version.release} ${version.compiler ?? ''}`;
    if (/aarch64|-arm64\b/.test(build)) return { arch: 'arm64', strong: true };
    if (/x86_64|-amd64\b/.test(build)) return { arch: 'x86_64', strong: true };
    if (/riscv64/.test(build)) return { arch: 'riscv64', strong: true };
  }
  return undefined;
}

/**
 * Kernel splat headers, strict enough to skip bootloader lines such as TF-A's `WARNING: No OPTEE provided by BL2`:
 * a boot that printed one is over when the next boot-start line appears, even without a `Linux version` line.
 */
export function isSplatStart(text: string): boolean {
  return /^(?:WARNING: CPU: \d+ PID: \d+|-+\[ cut here \]-+$|Internal error: |Kernel panic - not syncing|Unable to handle kernel |BUG: )/.test(text);
}
