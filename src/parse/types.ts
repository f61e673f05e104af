/**
 * Types shared by the parse stage: a record is one logical kernel message with every transport prefix
 * (printk time, level, caller id, syslog/journal header, mail quoting...) stripped; a splat is one report.
 */

/** One logical log message. */
export interface LogRecord {
  /** 1-based number of the record's first physical line, counted in the decompressed input. */
  lineNo: number;
  /** Message text, every prefix stripped. */
  text: string;
  /** printk seconds since boot (`[   12.345678]`, kmsg usec / 1e6, `dmesg -H` relative stamps resolved when possible). */
  ts?: number;
  /** Wall-clock time as ISO-8601 when the line carried one (dmesg -T, syslog, journalctl, LAVA dt). */
  wallTime?: string;
  /** Console log level 0..7 (`<4>`, kmsg `4,`, syslog priority when known). */
  level?: number;
  /** printk caller id: `T123` (task) or `C1` (CPU). */
  caller?: string;
  /** Host name from a syslog/journal header. */
  host?: string;
  /** A stamp only util-linux dmesg writes (`-T`, `-H`/`--reltime`, `--time-format iso`/`delta`) replaced the printk
   *  time: the line came from the kernel's buffer, as one with a printk time did. */
  fromDmesg?: boolean;
  /** The physical line was longer than the cap and was cut. */
  truncated?: boolean;
  /** The transport says this is not kernel output (LAVA `lvl` other than `target`, a syslog/journal tag other
   *  than `kernel`): never opens a splat, never a boot fact. */
  foreign?: boolean;
}

/**
 * The kind of kernel report a splat is, set by the header that opened it (parse/formats.ts). `warning` is a
 * `WARNING:` report other than lockdep's, which are `lockdep` though some print `WARNING:` too; `other` is a report
 * with no kind of its own (KCSAN among them); the rest name themselves.
 */
export type SplatKind =
  | 'warning'
  | 'bug'
  | 'oops'
  | 'panic'
  | 'hung-task'
  | 'rcu-stall'
  | 'soft-lockup'
  | 'hard-lockup'
  | 'kasan'
  | 'kfence'
  | 'ubsan'
  | 'lockdep'
  | 'other';

/** A code location as printed `func+0x44/0x194 [module]`. */
export interface CodeLocation {
  func?: string;
  off?: bigint;
  size?: bigint;
  module?: string;
  /** Absolute address when the log printed one (`[<ffff...>]`, `pc : ffff...`). */
  addr?: bigint;
  /** Symbolized source `file:line` when the log has it (syzkaller, decode_stacktrace). */
  file?: string;
  line?: number;
}

/** One call trace entry of a splat; `Splat.frames` holds them in printed order (innermost first). */
export interface Frame extends CodeLocation {
  /** `? func` — the unwinder is not sure this frame is real. */
  unreliable?: boolean;
  /** Unwinder marker such as `P`, `L`, `F`, `C` from `(P)` after the frame. */
  marker?: string;
  /** `[inline]` frame from a symbolizer. */
  inline?: boolean;
  /** arm32 `(func) from [<addr>] (caller+off/size)`: the caller the line names too. */
  from?: string;
  /** 1-based log line the frame was printed on. */
  lineNo: number;
}

/** The kernel's taint flags as the report's `CPU: … Comm: …` line prints them. */
export interface Taint {
  /** Text as printed: `G        W  O      ` or `Not tainted`. */
  raw: string;
  /** Flag letters decoded to names, e.g. `W` → `WARN`, `O` → `OOT_MODULE`. */
  flags: string[];
}

/** One kernel report (WARNING, BUG, Oops, lockdep, stall…) as parsed: title, site, task, registers, frames and lines. */
export interface Splat {
  kind: SplatKind;
  /** syzkaller-style title: `WARNING in vmemmap_populate`, `BUG: unable to handle kernel paging request in foo`. */
  title: string;
  /** The header line's text as printed (prefixes stripped). */
  header: string;
  /** Where the report says it was raised: `at file:line func+off/size`, or `kernel BUG at file:line`. */
  site: CodeLocation;
  cpu?: number;
  pid?: number;
  comm?: string;
  taint?: Taint;
  /** Kernel release from the `CPU: ... Comm: ... <taint> <release> #<build>` line. */
  release?: string;
  build?: string;
  hardware?: string;
  pstate?: string;
  pc?: CodeLocation;
  lr?: CodeLocation;
  sp?: bigint;
  /** General registers `x0`..`x30` (arm64) or whatever the dump prints, lower-case names. */
  regs: Map<string, bigint>;
  frames: Frame[];
  /**
   * Lines of the frames that follow a `** N printk messages dropped **` line with no `Call trace:` between: the
   * frames printed above each were lost, so the trace is not whole there.
   */
  traceGaps?: number[];
  modules?: string[];
  code?: string;
  /** 1-based line number of the first line of this splat (`cut here` when present, else the header). */
  firstLine: number;
  /** 1-based line number of its last non-blank line. */
  lastLine: number;
  /** printk timestamp / wall time of the header. */
  ts?: number;
  wallTime?: string;
  /** printk caller id of the header line when the log has caller ids. */
  caller?: string;
  /** Index of the boot (0-based) this splat was printed in. */
  bootIndex: number;
  /** Set when the report is incomplete or garbled; the reason says what is missing. */
  corrupted?: string;
  /** An `Internal error:` / `Kernel panic` that escalated this splat. */
  escalations?: string[];
  /** The splat's records (prefixes stripped), capped; for examples in reports. */
  lines: LogRecord[];
  /** Number of records that belonged to the splat but were not kept (over the cap). */
  droppedLines?: number;
}

/** A boot fact with the log line it was read from. */
export interface Fact<T> {
  value: T;
  /** 1-based log line. */
  lineNo: number;
  /** The line's text (prefix-stripped), for provenance. */
  text: string;
}

/** A physical memory range from a boot line (zone or node ranges); bigints. */
export interface MemRange {
  start: bigint;
  /** Inclusive end, as the kernel prints it. */
  end: bigint;
}

/** KASAN's modes (CONFIG_KASAN_GENERIC, _SW_TAGS, _HW_TAGS). */
export type KasanMode = 'generic' | 'sw-tags' | 'hw-tags';

/** KASAN's mode as a report shows it: `tags` when it printed a pointer tag but nothing says whose (kasan-report-mode.ts). */
export type KasanReportMode = KasanMode | 'tags';

/** A KASAN report's line that shows KASAN's mode, and what in the report shows it. */
export interface KasanReportFact extends Fact<KasanReportMode> {
  why: string;
}

/** What one boot printed about itself: release, memory map, page-table geometry, layout block, CPU features. */
export interface BootFacts {
  /** 0-based boot index within the log. */
  index: number;
  /** Line where this boot started (first `Booting Linux`/`Linux version` line, or 1). */
  firstLine: number;
  release?: Fact<string>;
  compiler?: Fact<string>;
  /** Full `Linux version ...` line. */
  versionLine?: Fact<string>;
  machineModel?: Fact<string>;
  cmdline?: Fact<string>;
  memory?: Fact<string>;
  zoneRanges: Fact<{ zone: string; range?: MemRange }>[];
  nodeRanges: Fact<{ node: number; range: MemRange }>[];
  /** `user pgtable: 4k pages, 48-bit VAs, pgdp=...`. */
  pgtable?: Fact<{ pageSizeKiB: number; vaBits: number }>;
  /** `Virtual kernel memory layout:` block entries, keyed by region name (`vmemmap`, `memory`, `vmalloc` ...). */
  virtualLayout: Fact<{ region: string; start: bigint; end: bigint; kind: 'maximum' | 'actual' | 'plain' }>[];
  cpuFeatures: Fact<string>[];
  kaslr?: Fact<boolean>;
  /** `kasan: KernelAddressSanitizer initialized (generic)`: KASAN's mode (`unnamed` before 5.16). */
  kasan?: Fact<KasanMode | 'unnamed'>;
  /** The first KASAN report of the boot that shows KASAN's mode (whose tags, if a later one says and it did not). */
  kasanReport?: KasanReportFact;
  /** `Memory doesn't fit in the linear mapping, VA_BITS too small`. */
  memoryTooBig?: Fact<boolean>;
  /** `PHYS_OFFSET: 0x...`, printed by arm64's panic notifier (arm64_panic_block_dump): memstart_addr itself, as u64. */
  physOffset?: Fact<bigint>;
  /**
   * `Kernel Offset: 0x17ef800000 from 0xffffff8008000000` (dump_kernel_offset, a KASLR kernel's panic, 4.6+): the
   * address after `from`, KIMAGE_VADDR, which the VA size fixes.
   */
  kimageVaddr?: Fact<bigint>;
  /**
   * `Dentry cache hash table entries: 262144 (order: 9, 2097152 bytes, linear)` (alloc_large_system_hash): the
   * table's order and size in bytes, which give PAGE_SIZE (layout/dentry-hash-page-size.ts).
   */
  dentryHash?: Fact<{ order: number; bytes: number }>;
  /** Architecture guessed from facts (`arm64` from `Booting Linux on physical CPU`, `Machine model`, `CPU features`...). */
  arch?: Fact<string>;
}
