import {
  archHint,
  DENTRY_HASH_LINE,
  isSplatStart,
  parseCpuFeature,
  parseDentryHash,
  parseKasanInit,
  parseKaslr,
  parseLayoutLine,
  parseLinuxVersion,
  parseNodeLine,
  parsePgtable,
  parsePhysOffset,
  parseKimageVaddr,
  parseZoneLine,
} from './boot-fact-lines.js';
import type { BootFacts, Fact, KasanReportFact, LogRecord, Splat } from './types.js';
import { kasanReportMode } from './kasan-report-mode.js';

import { BOOT_FACT_TRIGGERS } from './boot-fact-triggers.js';
import { anyLiteral } from '../util/escape-regexp.js';
import { ownCopy } from '../util/own-copy.js';
import { checkArgument, isObject } from '../util/check-argument.js';
import { checkRecordPush, isRecord } from './check-record.js';
import { UsageError } from '../errors.js';
import { checkSplat } from './check-splat.js';

const KASAN_INIT = 'KernelAddressSanitizer initialized';

export { BOOT_FACT_TRIGGERS };

const ANY_TRIGGER = anyLiteral(BOOT_FACT_TRIGGERS);

/**
 * `cmdline-tail`: the lines after `Kernel command line:`, where start_kernel's vfs_caches_init_early prints the
 * dentry cache's hash table (before `Memory:`). Asked for line by line rather than found by a needle of its own: as a
 * prefilter needle it had multiplied the quiet mix's false candidates by 1.4 to 4.9.
 */
type Block = 'zones' | 'nodes' | 'layout' | 'cmdline-tail';

/** Lines after `Kernel command line:` looked at for the dentry cache's line (4.x-6.x print a few to a dozen between). */
const CMDLINE_TAIL_LINES = 64;

/** Per-boot caps keep memory bounded on logs that repeat facts (kexec loops, hot-plug chatter). */
const MAX_LIST_FACTS = 256;

/**
 * Boots kept with all their facts. Past them a closed boot keeps only its start, release and arch, unless a vmemmap
 * finding will read its facts (`want`): a reboot loop of 10,000 boots had kept 2 KiB of facts per boot.
 */
export const DETAILED_BOOTS = 64;

/**
 * Boots listed by index. Past them a closed boot that no vmemmap finding reads is counted, not listed (the newest
 * boot always is): a log of 300,000 `Linux version` lines had kept 2.5 KiB per boot, 750 MB in all.
 */
export const LISTED_BOOTS = 1000;

/** The boot of index `index` in `boots` (listed in index order, with gaps past LISTED_BOOTS), if it is listed. */
export function bootByIndex<B extends { index: number }>(boots: readonly B[], index: number): B | undefined {
  checkArgument(Array.isArray(boots) && boots.every(isObject), 'bootByIndex', 'boots', "an array of boots (a result's boots)", boots);
  checkArgument(Number.isInteger(index), 'bootByIndex', 'index', 'a whole number (a splat\'s bootIndex)', index);
  return bootByIndexUnchecked(boots, index);
}

/** `bootByIndex` without the check of its arguments: the collector's, for each splat. */
export function bootByIndexUnchecked<B extends { index: number }>(boots: readonly B[], index: number): B | undefined {
  return boots[bootPosition(boots, index)];
}

/** Where the boot of index `index` sits in `boots` (in index order), or -1. */
function bootPosition(boots: readonly { index: number }[], index: number): number {
  let [lo, hi] = [0, boots.length - 1];
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = boots[mid]!.index;
    if (at === index) return mid;
    if (at < index) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function emptyBoot(index: number, firstLine: number): BootFacts {
  return { index, firstLine, zoneRanges: [], nodeRanges: [], virtualLayout: [], cpuFeatures: [] };
}

function isSlim(b: BootFacts): boolean {
  const { index: _i, firstLine: _f, release: _r, arch: _a, zoneRanges, nodeRanges, virtualLayout, cpuFeatures, ...rest } = b;
  return zoneRanges.length + nodeRanges.length + virtualLayout.length + cpuFeatures.length === 0 && Object.keys(rest).length === 0;
}

function slimBoot(b: BootFacts): BootFacts {
  return { ...emptyBoot(b.index, b.firstLine), ...(b.release && { release: b.release }), ...(b.arch && { arch: b.arch }) };
}

/** Kept for the whole log: its strings are own copies, not slices that would keep the decoded batch they came from. */
function fact<T>(value: T, rec: LogRecord, text: string): Fact<T> {
  return { value: typeof value === 'string' ? (ownCopy(value) as T) : value, lineNo: rec.lineNo, text: ownCopy(text) };
}

function pushCapped<T>(list: T[], item: T): void {
  if (list.length < MAX_LIST_FACTS) list.push(item);
}

/** Facts of which a boot keeps the first seen. */
const FIRST_SEEN = ['release', 'compiler', 'versionLine', 'machineModel', 'cmdline', 'memory', 'pgtable', 'kaslr', 'kasan', 'memoryTooBig', 'physOffset', 'kimageVaddr', 'dentryHash'] as const;
/** Facts of which a boot keeps a list. */
const LISTED = ['zoneRanges', 'nodeRanges', 'virtualLayout', 'cpuFeatures'] as const;

/**
 * What a collector that read one part of a log hands on (structured-cloneable), so that the collector of the part
 * before it can take it in as if it had read on (analyze/parts/).
 */
export interface BootFactsPart {
  /** The boots listed, in index order. */
  boots: BootFacts[];
  /** Boots in the part, listed or not. */
  count: number;
  /** Boots counted, not listed. */
  unlisted: number;
  /** The part's first record was a splat start (so was the last record of the part before). */
  openedWithSplat: boolean;
  /** Whether the first boot's arch came from a strong hint. */
  firstBootArchStrong: boolean;
  archStrong: boolean;
  splatInBoot: boolean;
  sawBootStart: boolean;
  /** Boots (the part's indices) a vmemmap finding may read, and those that lost their facts. */
  wanted: number[];
  slimmed: number[];
}

/** A BootFactsPart by its kind (what `part()` gives, or its structured clone): boots with their lists, and counts. */
export function isBootFactsPart(value: unknown): value is BootFactsPart {
  return (
    isObject(value) &&
    Array.isArray(value['boots']) &&
    value['boots'].every((boot) => isObject(boot) && Number.isInteger(boot['index']) && LISTED.every((key) => Array.isArray(boot[key]))) &&
    Number.isInteger(value['count']) &&
    Number.isInteger(value['unlisted']) &&
    Array.isArray(value['wanted']) &&
    Array.isArray(value['slimmed'])
  );
}

/**
 * Collects boot facts from records, one BootFacts per boot. A boot-start line (`Booting Linux on physical CPU`,
 * `Linux version`) opens a new boot when the current one already has a release or a splat. In a log of printk times,
 * a `Linux version` line without one waits for the next kernel line (settleBanner): user space's (`cat /proc/version`
 * on the console) is no fact at all, where as a boot start it had cut the boot's memory map off from the splats after
 * it.
 */
export class BootFactCollector {
  /** The boots listed, in index order: every boot up to LISTED_BOOTS, past it those findings read and the newest. */
  private readonly all: BootFacts[] = [emptyBoot(0, 1)];
  private count = 1;
  private unlisted = 0;
  private block: Block | undefined;
  /** Lines the open block has taken: the cmdline tail is looked at for CMDLINE_TAIL_LINES at most. */
  private blockLines = 0;
  private sawBootStart = false;
  private splatInBoot = false;
  private archStrong = false;
  private lastLayoutRegion: string | undefined;
  private firstRecord = true;
  /** A record carried a printk time: the kernel stamps each of its lines, its banner too. */
  private sawPrintkTime = false;
  /** An unstamped `Linux version` line in a log of printk times, until the next kernel line says whose it was. */
  private unstampedBanner: LogRecord | undefined;
  private openedWithSplat = false;
  private firstBootArchStrong = false;
  /** Bounded by the findings: a cluster analyzes at most MAX_VMEMMAP_BOOTS boots (cluster-accumulator.ts). */
  private readonly wanted = new Set<number>();
  private readonly slimmed = new Set<number>();
  /** Closed boots left whole while a report of theirs was open: slimmed or unlisted once none is. */
  private deferred: number[] = [];

  /** `oldestOpenBoot`: the oldest boot a report still open belongs to; it and later boots are left whole for now. */
  constructor(private readonly oldestOpenBoot: () => number | undefined = () => undefined) {
    checkArgument(typeof oldestOpenBoot === 'function', 'BootFactCollector', 'oldestOpenBoot', 'a function', oldestOpenBoot);
  }

  get current(): BootFacts {
    return this.all[this.all.length - 1] as BootFacts;
  }

  /** The boots listed, in index order; see `bootByIndex`. */
  get boots(): BootFacts[] {
    return this.all;
  }

  /** Boots seen, listed or not. */
  get bootCount(): number {
    return this.count;
  }

  /** How many closed boots past LISTED_BOOTS were counted, not listed. */
  get unlistedBoots(): number {
    return this.unlisted;
  }

  get wantsEveryLine(): boolean {
    return this.block !== undefined;
  }

  /** How many closed boots past DETAILED_BOOTS kept only their start, release and arch. */
  get slimmedBoots(): number {
    return this.slimmed.size;
  }

  /**
   * A finished report: the first KASAN report of its boot that shows KASAN's mode is kept as a fact of that boot
   * (the layout reads it where the boot line names no mode). Boots that kept only their release are left so.
   */
  noteReport(splat: Splat): void {
    checkSplat('BootFactCollector.noteReport', splat);
    checkArgument(Number.isInteger(splat.bootIndex), 'BootFactCollector.noteReport', 'splat.bootIndex', 'a whole number', splat.bootIndex);
    if (splat.kind !== 'kasan') return;
    const boot = bootByIndexUnchecked(this.all, splat.bootIndex);
    if (boot === undefined || this.slimmed.has(boot.index) || showsMode(boot.kasanReport)) return;
    const shown = kasanReportMode(splat);
    if (shown) boot.kasanReport = keptKasanReport(boot.kasanReport, { ...fact(shown.mode, shown.rec, shown.rec.text.trim()), why: shown.why });
  }

  /** A vmemmap finding will read the facts of boot `index`: keep them whole. */
  want(index: number): void {
    checkArgument(Number.isInteger(index) && index >= 0, 'BootFactCollector.want', 'index', "a whole number of at least 0 (a splat's bootIndex)", index);
    this.wanted.add(index);
  }

  /**
   * Takes the next record. `holdsNeedle` false (see record-screen.ts) lets a record without any trigger skip the line
   * tests. A record that is no record is a UsageError.
   */
  push(rec: LogRecord, holdsNeedle = true): void {
    if (!isRecord(rec) || typeof holdsNeedle !== 'boolean') checkRecordPush('BootFactCollector.push', rec, holdsNeedle);
    if (rec.foreign) return;
    if (rec.ts !== undefined) this.sawPrintkTime = true;
    if (this.firstRecord) {
      this.firstRecord = false;
      this.openedWithSplat = holdsNeedle && isSplatStart(rec.text.trim());
    }
    if (!holdsNeedle && this.block === undefined) return;
    if (this.unstampedBanner !== undefined && holdsNeedle) this.settleBanner(rec);
    const text = rec.text.trim();
    if (this.block !== undefined && this.continueBlock(rec, text)) return;
    this.block = undefined;
    if (!holdsNeedle) return;
    if (isSplatStart(text)) this.splatInBoot = true;
    // Every fact line holds a trigger (the fast reader relies on it too): one regex rejects all other lines.
    if (!ANY_TRIGGER.test(text)) return;
    if (text.startsWith('Linux version ') && rec.ts === undefined && this.sawPrintkTime) {
      this.unstampedBanner = rec;
      return;
    }
    if (text.startsWith('Booting Linux on physical CPU') || text.startsWith('Linux version ')) this.startBoot(rec);
    this.readLine(rec, text);
  }

  /** No block open: a fresh collector starting at the next record would read it the same way. */
  get settled(): boolean {
    return this.block === undefined && this.unstampedBanner === undefined;
  }

  /**
   * The kernel line after an unstamped `Linux version` in a log of printk times: stamped, the banner was user space's
   * (`cat /proc/version` on the console) and is no fact; unstamped too, a log captured without stamps follows, and the
   * banner starts its boot.
   */
  private settleBanner(next: LogRecord): void {
    const banner = this.unstampedBanner!;
    this.unstampedBanner = undefined;
    if (next.ts !== undefined) return;
    this.startBoot(banner);
    this.readLine(banner, banner.text.trim());
  }

  part(): BootFactsPart {
    return {
      boots: this.all,
      count: this.count,
      unlisted: this.unlisted,
      openedWithSplat: this.openedWithSplat,
      firstBootArchStrong: this.firstBootArchStrong,
      archStrong: this.archStrong,
      splatInBoot: this.splatInBoot,
      sawBootStart: this.sawBootStart,
      wanted: [...this.wanted],
      slimmed: [...this.slimmed],
    };
  }

  /**
   * Takes in the facts of the part of the log that follows, read by another collector: its first boot continues
   * this collector's last one, the others follow it. False (nothing taken) when the other collector may have
   * split boots differently: a boot-start line opens a boot only after a release or a splat, which the other
   * collector knew of only if its part opened with a splat start. Returns the shift to add to its boot indices.
   */
  absorb(later: BootFactsPart): number | undefined {
    checkArgument(isBootFactsPart(later), 'BootFactCollector.absorb', 'later', "a collector's part (another BootFactCollector's part())", later);
    if (later.boots === this.all) throw new UsageError("BootFactCollector.absorb: later is this collector's own part, whose facts would count twice");
    const [head, ...rest] = later.boots;
    if (head === undefined || !later.openedWithSplat) return undefined;
    const last = this.current;
    const shift = this.count - 1;
    for (const key of FIRST_SEEN) takeFirst(last, head, key);
    const kasanReport = keptKasanReport(last.kasanReport, head.kasanReport);
    if (kasanReport) last.kasanReport = kasanReport;
    for (const key of LISTED) for (const item of head[key]) pushCapped<unknown>(last[key], item);
    // The later part's weak hints only count where this boot has none; its first strong one always does.
    if (!this.archStrong && head.arch !== undefined && (later.firstBootArchStrong || last.arch === undefined)) {
      last.arch = head.arch;
      this.archStrong = later.firstBootArchStrong;
    }
    for (const index of later.wanted) this.want(index + shift);
    for (const index of later.slimmed) this.slimmed.add(index + shift);
    this.unlisted += later.unlisted;
    this.count = shift + later.count;
    for (const boot of rest) {
      this.all.push({ ...boot, index: boot.index + shift });
      this.slimPrevious();
    }
    if (rest.length > 0) {
      this.archStrong = later.archStrong;
      this.splatInBoot = later.splatInBoot;
    } else {
      this.splatInBoot ||= later.splatInBoot;
    }
    this.sawBootStart ||= later.sawBootStart;
    return shift;
  }

  private startBoot(rec: LogRecord): void {
    const boot = this.current;
    if (boot.release !== undefined || this.splatInBoot) {
      this.all.push(emptyBoot(this.count++, rec.lineNo));
      this.slimPrevious();
      this.splatInBoot = false;
      this.archStrong = false;
    } else if (!this.sawBootStart) {
      boot.firstLine = rec.lineNo;
    }
    this.sawBootStart = true;
  }

  /**
   * A boot has just opened: the one before the boot it closed, past DETAILED_BOOTS and not wanted, keeps only its
   * start, release and arch, and past LISTED_BOOTS is only counted. Not the boot it closed: a splat cut short by the
   * reboot ends (and is wanted) only on the new boot's first line, after the collector has read that line.
   */
  private slimPrevious(): void {
    const open = this.oldestOpenBoot();
    const isOpen = (index: number): boolean => open !== undefined && index >= open;
    const still: number[] = [];
    for (const index of this.deferred) {
      if (isOpen(index)) still.push(index);
      else this.retire(index);
    }
    this.deferred = still;
    const boot = this.all[this.all.length - 3];
    if (boot === undefined) return;
    if (isOpen(boot.index)) this.deferred.push(boot.index);
    else this.retire(boot.index);
  }

  /** A closed boot no finding wants keeps only its start, release and arch, and past LISTED_BOOTS is only counted. */
  private retire(index: number): void {
    const at = bootPosition(this.all, index);
    const boot = this.all[at];
    if (boot === undefined || this.wanted.has(index)) return;
    if (index >= LISTED_BOOTS) this.unlist(at);
    else this.slim(boot, at);
  }

  /**
   * At the end: every boot past DETAILED_BOOTS that no finding reads (`read`) keeps only its start, release and
   * arch, the newest two and those a part of the log kept for findings that merged away included. The boots kept
   * are then the same whether the log was read in one piece or in parts.
   */
  slimAllBut(read: ReadonlySet<number>): void {
    checkArgument(isObject(read) && typeof read['has'] === 'function', 'BootFactCollector.slimAllBut', 'read', 'a set of boot indices', read);
    const newest = this.current.index;
    for (let at = this.all.length - 1; at >= 0; at--) {
      const boot = this.all[at]!;
      if (read.has(boot.index)) continue;
      if (boot.index >= LISTED_BOOTS && boot.index !== newest) this.unlist(at);
      else this.slim(boot, at);
    }
  }

  private slim(boot: BootFacts, at: number): void {
    if (boot.index < DETAILED_BOOTS || isSlim(boot)) return;
    this.all[at] = slimBoot(boot);
    this.slimmed.add(boot.index);
  }

  private unlist(at: number): void {
    const [boot] = this.all.splice(at, 1);
    if (boot === undefined) return;
    this.slimmed.delete(boot.index);
    this.unlisted++;
  }

  private readLine(rec: LogRecord, text: string): void {
    const boot = this.current;
    const version = text.startsWith('Linux version ') ? parseLinuxVersion(text) : undefined;
    if (version && boot.release === undefined) {
      boot.release = fact(version.release, rec, text);
      boot.versionLine = fact(text, rec, text);
      if (version.compiler !== undefined) boot.compiler = fact(version.compiler, rec, text);
    }
    this.readArch(rec, text, version);
    if (version) return;
    const pgtable = text.includes(' pgtable: ') ? parsePgtable(text) : undefined;
    const kaslr = parseKaslr(text);
    if (text.startsWith('Machine model: ')) boot.machineModel ??= fact(text.slice('Machine model: '.length).trim(), rec, text);
    else if (text.startsWith('Kernel command line: ')) this.readCmdline(rec, text);
    else if (/^Memory: \d/.test(text)) boot.memory ??= fact(text.slice('Memory: '.length), rec, text);
    else if (text.startsWith('Zone ranges:')) this.block = 'zones';
    else if (text.startsWith('Early memory node ranges')) this.block = 'nodes';
    else if (text.startsWith('Virtual kernel memory layout:')) this.openLayout();
    else if (pgtable) boot.pgtable ??= fact(pgtable, rec, text);
    else if (text.startsWith('CPU features: ')) this.readCpuFeature(rec, text);
    else if (kaslr !== undefined) boot.kaslr ??= fact(kaslr, rec, text);
    else if (text.includes(KASAN_INIT)) this.readKasan(rec, text);
    else if (text.startsWith("Memory doesn't fit in the linear mapping")) boot.memoryTooBig ??= fact(true, rec, text);
    else if (text.startsWith('PHYS_OFFSET: ')) this.readPhysOffset(rec, text);
    else if (text.startsWith('Kernel Offset: ')) this.readKimageVaddr(rec, text);
  }

  private readCmdline(rec: LogRecord, text: string): void {
    const boot = this.current;
    boot.cmdline ??= fact(text.slice('Kernel command line: '.length), rec, text);
    if (boot.dentryHash !== undefined) return;
    this.block = 'cmdline-tail';
    this.blockLines = 0;
  }

  private readKasan(rec: LogRecord, text: string): void {
    const mode = parseKasanInit(text);
    if (mode !== undefined) this.current.kasan ??= fact(mode, rec, text);
  }

  private readPhysOffset(rec: LogRecord, text: string): void {
    const value = parsePhysOffset(text);
    if (value !== undefined) this.current.physOffset ??= fact(value, rec, text);
  }

  private readKimageVaddr(rec: LogRecord, text: string): void {
    const value = parseKimageVaddr(text);
    if (value !== undefined) this.current.kimageVaddr ??= fact(value, rec, text);
  }

  private readCpuFeature(rec: LogRecord, text: string): void {
    const feature = parseCpuFeature(text);
    if (feature !== undefined) pushCapped(this.current.cpuFeatures, fact(feature, rec, text));
  }

  private readArch(rec: LogRecord, text: string, version: ReturnType<typeof parseLinuxVersion>): void {
    if (this.archStrong) return;
    const hint = archHint(text, version);
    if (!hint) return;
    if (hint.strong || this.current.arch === undefined) {
      this.current.arch = fact(hint.arch, rec, text);
      this.archStrong = hint.strong;
      if (this.count === 1) this.firstBootArchStrong = hint.strong;
    }
  }

  private openLayout(): void {
    this.block = 'layout';
    this.lastLayoutRegion = undefined;
  }

  /** The lines after `Kernel command line:`: the dentry cache's hash table line ends them, as any fact line does. */
  private continueCmdlineTail(rec: LogRecord, text: string): boolean {
    if (ANY_TRIGGER.test(text)) return false;
    this.blockLines += 1;
    if (text.startsWith(DENTRY_HASH_LINE)) {
      const hash = parseDentryHash(text);
      if (hash !== undefined) this.current.dentryHash ??= fact(hash, rec, text);
      this.block = undefined;
    } else if (this.blockLines >= CMDLINE_TAIL_LINES) {
      this.block = undefined;
    }
    return true;
  }

  /** Returns true when the record belonged to the open block. */
  private continueBlock(rec: LogRecord, text: string): boolean {
    if (this.block === 'cmdline-tail') return this.continueCmdlineTail(rec, text);
    // A console that doubles line ends (`\n\n` with ICRNL on, `\r\r\n` through a pty) puts a blank line after each
    // line of the block: it ends nothing. The next line that is not the block's does.
    if (text === '') return true;
    const boot = this.current;
    if (this.block === 'zones') {
      const zone = parseZoneLine(text);
      if (zone) pushCapped(boot.zoneRanges, fact(zone, rec, text));
      return zone !== undefined;
    }
    if (this.block === 'nodes') {
      const node = parseNodeLine(text);
      if (node) pushCapped(boot.nodeRanges, fact(node, rec, text));
      return node !== undefined;
    }
    const line = parseLayoutLine(text);
    // A line whose addresses do not parse (a hashed `%p` prints `(ptrval)`) still belongs to the block.
    if (!line) return /^(?:[.\w][\w ./]*:\s*)?0x\S+\s*-\s*0x/.test(text);
    const region = line.region ?? this.lastLayoutRegion;
    if (region === undefined) return true;
    this.lastLayoutRegion = region;
    pushCapped(boot.virtualLayout, fact({ region, start: line.start, end: line.end, kind: line.kind }, rec, text));
    return true;
  }
}

/** A KASAN report fact that settles the mode: whose tags, if tags. */
function showsMode(report: KasanReportFact | undefined): boolean {
  return report !== undefined && report.value !== 'tags';
}

/** The first KASAN report that showed KASAN's mode, unless it showed only tags and `next` shows whose. */
function keptKasanReport(kept: KasanReportFact | undefined, next: KasanReportFact | undefined): KasanReportFact | undefined {
  return kept === undefined || (!showsMode(kept) && showsMode(next)) ? next : kept;
}

function takeFirst<K extends (typeof FIRST_SEEN)[number]>(into: BootFacts, from: BootFacts, key: K): void {
  if (into[key] === undefined && from[key] !== undefined) into[key] = from[key];
}
