import type { LineSink } from '../ingest/line-sink.js';
import type { FeedStats } from '../ingest/feed-lines.js';
import type { Splat } from '../parse/types.js';
import { RecordAssembler } from '../parse/record-assembler.js';
import { BootFactCollector, DETAILED_BOOTS, isBootFactsPart, LISTED_BOOTS, type BootFactsPart } from '../parse/boot-facts.js';
import { Segmenter } from '../parse/segmenter.js';
import { SPLAT_TRIGGERS } from '../parse/splat-triggers.js';
import { BOOT_FACT_TRIGGERS } from '../parse/boot-fact-triggers.js';
import { QP_TRIGGERS } from '../parse/quoted-printable.js';
import { holdsRecordNeedle } from '../parse/record-screen.js';
import type { LogRecord } from '../parse/types.js';
import { ANALYZE_OPTION_KEYS, type AnalyzeOptions } from './analyze-options.js';
import type { AnalysisResult } from './types.js';
import { ClusterAccumulator, MAX_VMEMMAP_BOOTS } from './cluster-accumulator.js';
import { signatureOfUnchecked } from './signature.js';
import { mergeCutTraces } from './merge-cut-traces.js';
import { detectArch } from './detect-arch.js';
import { encodingNote, interleavedHostsNote } from './analysis-notes.js';
import { HostRuns, type HostRunsPart } from './host-runs.js';
import type { SharedLayoutEvidence, VmemmapAccumulator } from './vmemmap/vmemmap-accumulator.js';
import { checkAnalyzeOptions } from './check-options.js';
import { checkArgument, inFunction, isObject } from '../util/check-argument.js';
import { checkOptionsObject } from '../util/option-keys.js';
import { checkBoolean } from '../util/option-values.js';
import { UsageError } from '../errors.js';
import { checkLineNo, isNextLine, refuseLine } from '../ingest/check-line.js';

/** Vmemmap findings of one boot whose layout evidence the others read (each brings at most 4 register samples). */
const MAX_POOLED = 8;

/**
 * Every analyzer's `triggers`, one array (TriggerPattern.of builds its regexes once for it, by identity): frozen, as
 * a caller that emptied or added to it had changed the lines every analyzer of the process is given.
 */
const TRIGGERS: readonly string[] = Object.freeze([...new Set([...SPLAT_TRIGGERS, ...BOOT_FACT_TRIGGERS, ...QP_TRIGGERS])]);

/** What an analyzer that read one part of a log hands on to the analyzer of the part before it (analyze/parts/). */
export interface AnalyzerPart {
  bootFacts: BootFactsPart;
  /** Structured clones lose their class: `LogAnalyzer.absorb` revives them. */
  clusters: ClusterAccumulator[];
  splatCount: number;
  cappedSplats: number;
  unclusteredSplats: number;
  hosts: HostRunsPart;
}

/**
 * Clusters one log may hold. A splat of a new kind past them is counted, not clustered: 130,000 distinct WARNINGs in
 * 25 MB had peaked at 1.6 GB; capped here, at 100 MiB (2000 clusters: 124 MiB). Real logs, even fuzzing ones, hold
 * tens.
 */
export const MAX_CLUSTERS = 1000;

/**
 * The whole analysis of one log as a synchronous line consumer: lines → records → boot facts and splats →
 * clusters. Memory holds open splats and one accumulator per cluster, never the log.
 */
export class LogAnalyzer implements LineSink {
  readonly triggers = TRIGGERS;
  private readonly assembler = new RecordAssembler();
  private readonly bootFacts = new BootFactCollector(() => this.segmenter.oldestOpenBoot);
  private readonly segmenter: Segmenter;
  private readonly clusters = new Map<string, ClusterAccumulator>();
  private readonly hosts = new HostRuns();
  private splatCount = 0;
  /** Last physical line delivered: the line count when the analysis failed before the reader reported its own. */
  lastLineNo = 0;
  private cappedSplats = 0;
  private unclusteredSplats = 0;
  /** Reports open when a stopped read ended the input (endInput). */
  private abandonedSplats = 0;
  /** `endInput` (or `finish`) ran: no line may follow. */
  private ended = false;
  /** `finish` ran: its result is made from state it changed, and nothing may follow. */
  private finished = false;

  constructor(private readonly options: AnalyzeOptions = {}) {
    // A library caller's options, checked as analyzeText checks them; internal callers pass only these keys.
    inFunction('LogAnalyzer', () => checkAnalyzeOptions(options, ANALYZE_OPTION_KEYS));
    this.segmenter = new Segmenter({
      onSplat: (splat) => this.onSplat(splat),
      ...(options.maxSplatLines !== undefined && { maxSplatLines: options.maxSplatLines }),
    });
  }

  get wantsEveryLine(): boolean {
    return this.assembler.wantsNextLine || this.segmenter.wantsEveryLine || this.bootFacts.wantsEveryLine;
  }

  /**
   * Takes physical line `lineNo` (1-based, after the last one pushed, gaps allowed; `truncated`: cut at the line cap).
   * Arguments of the wrong kind, or a line number that does not come after the last, are a UsageError.
   */
  pushLine(lineNo: number, text: string, truncated: boolean): void {
    if (this.ended || !isNextLine(this.lastLineNo, lineNo, text, truncated)) this.refuseLine(lineNo, text, truncated);
    this.lastLineNo = lineNo;
    for (const record of this.assembler.push(lineNo, text, truncated)) this.take(record);
  }

  /**
   * True when, after line `lineNo`, this analyzer holds nothing that a fresh one starting at line `lineNo` would
   * not also hold after that line: no open report, record or boot-fact block. Only then may the analysis of the
   * part of the log from line `lineNo` on be absorbed.
   */
  settledAt(lineNo: number): boolean {
    checkLineNo('LogAnalyzer.settledAt', lineNo);
    return this.assembler.settledAt(lineNo) && this.segmenter.settledAt(lineNo) && this.bootFacts.settled;
  }

  /**
   * Some splat was counted, not clustered (MAX_CLUSTERS): no later part can be absorbed, nor can this analysis be
   * absorbed by the part before it.
   */
  get pastClusterCap(): boolean {
    return this.unclusteredSplats > 0;
  }

  /** Everything `absorb` needs, for an analyzer that read the part of the log after this one's. */
  part(): AnalyzerPart {
    this.checkNotFinished('part');
    return {
      bootFacts: this.bootFacts.part(),
      clusters: [...this.clusters.values()],
      splatCount: this.splatCount,
      cappedSplats: this.cappedSplats,
      unclusteredSplats: this.unclusteredSplats,
      hosts: this.hosts.part(),
    };
  }

  /**
   * Takes in the analysis of the part of the log that starts at the line where this one is `settledAt`, as if it
   * had read on. False, with nothing taken, when that analysis could differ from reading on (see
   * BootFactCollector.absorb).
   */
  absorb(later: AnalyzerPart): boolean {
    this.checkNotEnded('absorb');
    checkArgument(isAnalyzerPart(later), 'LogAnalyzer.absorb', 'later', "an analyzer's part (another LogAnalyzer's part())", later);
    // part() hands out its own boots and clusters, not copies: taken in again, every splat would count twice.
    if (later.bootFacts.boots === this.bootFacts.boots) throw new UsageError("LogAnalyzer.absorb: later is this analyzer's own part, whose splats would count twice");
    // Revived first: a structured clone has lost the class, and with it the `id` getter.
    const clusters = later.clusters.map((cloned) => ClusterAccumulator.revive(cloned));
    // Past the cluster cap, which kinds a single read keeps depends on the order across the parts: read it whole.
    const fresh = clusters.filter((c) => !this.clusters.has(c.id)).length;
    if (later.unclusteredSplats > 0 || this.unclusteredSplats > 0 || this.clusters.size + fresh > MAX_CLUSTERS) return false;
    const shift = this.bootFacts.absorb(later.bootFacts);
    if (shift === undefined) return false;
    for (const acc of clusters) {
      acc.shiftBoots(shift);
      const mine = this.clusters.get(acc.id);
      if (mine) mine.absorb(acc);
      else this.clusters.set(acc.id, acc);
    }
    this.splatCount += later.splatCount;
    this.cappedSplats += later.cappedSplats;
    this.hosts.absorb(later.hosts);
    return true;
  }

  /**
   * Closes what is still open at end of input: a held record, open reports. `finish` calls it. After a stopped read
   * (`interrupted`) the open reports are dropped instead, and a note says how many.
   */
  endInput(opts: { interrupted?: boolean } = {}): void {
    this.checkNotFinished('endInput');
    checkEndOptions('LogAnalyzer.endInput', opts);
    this.ended = true;
    for (const record of this.assembler.flush()) this.take(record);
    if (opts.interrupted === true) this.abandonedSplats += this.segmenter.abandon();
    else this.segmenter.finish();
  }

  /**
   * The analysis of the log: `stats` are the reader's (`feedLines`' FeedStats), `interrupted` says the read was
   * stopped (see `endInput`). Once only: afterwards every method but `settledAt` is a UsageError.
   */
  finish(stats: FeedStats, opts: { interrupted?: boolean } = {}): AnalysisResult {
    this.checkNotFinished('finish');
    checkArgument(isFeedStats(stats), 'LogAnalyzer.finish', 'stats', "the reader's FeedStats ({ lines, bytes, truncatedLines, encoding }, as feedLines gives them)", stats);
    checkEndOptions('LogAnalyzer.finish', opts);
    this.endInput(opts);
    this.finished = true;
    mergeCutTraces(this.clusters);
    for (const acc of this.clusters.values()) acc.settleDrivers();
    const read = new Set<number>();
    for (const acc of this.clusters.values()) for (const boot of acc.vmemmapBoots()) read.add(boot);
    this.bootFacts.slimAllBut(read);
    // An input without a line holds no boot.
    const noLines = stats.lines === 0;
    const boots = noLines ? [] : this.bootFacts.boots;
    const evidenceFor = pooledLayoutEvidence(this.clusters.values());
    const clusters = [...this.clusters.values()]
      .map((acc) => acc.finish(boots, this.options.layout, evidenceFor))
      .sort((a, b) => a.firstLine - b.firstLine || a.id.localeCompare(b.id));
    return {
      source: this.options.name ?? '-',
      stats: {
        lines: stats.lines,
        bytes: stats.bytes,
        boots: noLines ? 0 : this.bootFacts.bootCount,
        splats: this.splatCount,
        truncatedLines: stats.truncatedLines,
        cappedSplats: this.cappedSplats,
      },
      boots,
      clusters,
      arch: detectArch(boots, clusters.map((c) => c.example)),
      warnings: [...(stats.encoding === 'utf-8' ? [] : [encodingNote(stats.encoding)]), ...this.hostsNote(), ...this.boundsReached()],
    };
  }

  /** The UsageError of a line `pushLine` refuses: after the end of the input, or an argument of the wrong kind. */
  private refuseLine(lineNo: unknown, text: unknown, truncated: unknown): never {
    this.checkNotEnded('pushLine');
    return refuseLine('LogAnalyzer.pushLine', this.lastLineNo, lineNo, text, truncated);
  }

  /** A method called after `finish`, which built the result from state it changed (merged clusters, slimmed boots). */
  private checkNotFinished(method: string): void {
    if (this.finished) throw new UsageError(`LogAnalyzer.${method}: called after finish; a LogAnalyzer reads one log (make a new one for the next)`);
  }

  /** A method that takes more of the log, called after `endInput` or `finish` closed what was open. */
  private checkNotEnded(method: string): void {
    this.checkNotFinished(method);
    if (this.ended) throw new UsageError(`LogAnalyzer.${method}: called after endInput, which closed the open reports and records at the end of the input`);
  }

  /** The kernel lines of several hosts interleave: the log was read as one machine's. */
  private hostsNote(): string[] {
    const hosts = this.hosts.interleavedHosts;
    return hosts === undefined ? [] : [interleavedHostsNote(hosts)];
  }

  /** What the memory bounds left out: counted, not kept. */
  private boundsReached(): string[] {
    const notes: string[] = [];
    if (this.abandonedSplats > 0) {
      notes.push(`the read was stopped inside ${this.abandonedSplats} report(s): what was read of them is left out`);
    }
    const slimmed = this.bootFacts.slimmedBoots;
    if (slimmed > 0) {
      notes.push(`${slimmed} boot(s) after the first ${DETAILED_BOOTS} kept only their release: no vmemmap finding reads their other facts`);
    }
    if (this.unclusteredSplats > 0) {
      notes.push(`${this.unclusteredSplats} splat(s) of kinds first seen after ${MAX_CLUSTERS} clusters are counted, not clustered`);
    }
    const unlisted = this.bootFacts.unlistedBoots;
    if (unlisted > 0) {
      notes.push(`${unlisted} boot(s) after the first ${LISTED_BOOTS} are counted, not listed: no vmemmap finding reads them`);
    }
    for (const acc of this.clusters.values()) {
      const omitted = acc.omittedVmemmapSplats;
      if (omitted > 0) notes.push(`${acc.title}: ${omitted} splat(s) in boots after the first ${MAX_VMEMMAP_BOOTS} with such splats are counted, not analyzed`);
    }
    return notes;
  }

  private take(record: LogRecord): void {
    if (record.host !== undefined && !record.foreign) this.hosts.note(record.host);
    const needle = holdsRecordNeedle(record.text);
    this.bootFacts.push(record, needle);
    this.segmenter.push(record, this.bootFacts.current.index, needle);
  }

  private onSplat(splat: Splat): void {
    this.splatCount += 1;
    this.bootFacts.noteReport(splat);
    if (splat.droppedLines) this.cappedSplats += 1;
    const signature = signatureOfUnchecked(splat);
    let acc = this.clusters.get(signature.id);
    if (!acc) {
      if (this.clusters.size >= MAX_CLUSTERS) {
        this.unclusteredSplats += 1;
        return;
      }
      acc = new ClusterAccumulator(signature, splat);
      this.clusters.set(signature.id, acc);
    }
    if (acc.add(splat)) this.bootFacts.want(splat.bootIndex);
  }
}

/** The options of `endInput` and `finish`: `interrupted`, a boolean. */
function checkEndOptions(fn: string, opts: unknown): void {
  inFunction(fn, () => {
    checkOptionsObject(opts, ['interrupted']);
    checkBoolean('interrupted', (opts as { interrupted?: unknown }).interrupted);
  });
}

const FEED_ENCODINGS: readonly unknown[] = ['utf-8', 'utf-16le', 'utf-16be'] satisfies FeedStats['encoding'][];

/** A FeedStats by its kind: whole counts and an encoding `feedLines` names. */
function isFeedStats(value: unknown): boolean {
  const isCount = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 0;
  return isObject(value) && isCount(value['lines']) && isCount(value['bytes']) && isCount(value['truncatedLines']) && FEED_ENCODINGS.includes(value['encoding']);
}

/** An AnalyzerPart by its kind (what `part()` gives, or its structured clone). */
function isAnalyzerPart(value: unknown): boolean {
  return (
    isObject(value) &&
    Array.isArray(value['clusters']) &&
    value['clusters'].every((c) => isObject(c) && isObject(c['signature'])) &&
    isBootFactsPart(value['bootFacts']) &&
    ['splatCount', 'cappedSplats', 'unclusteredSplats'].every((key) => Number.isInteger(value[key])) &&
    isObject(value['hosts']) &&
    Array.isArray(value['hosts']['hosts']) &&
    Array.isArray(value['hosts']['left'])
  );
}

/**
 * One boot runs one layout: each vmemmap finding of a boot also reads what the others of that boot found (a WARN's
 * constant registers, its largest call, the struct pages of each), so the Oops that follows a WARN storm is not left
 * with a weaker layout, nor with another page size.
 * At most MAX_POOLED findings a boot lend their evidence.
 */
function pooledLayoutEvidence(clusters: Iterable<ClusterAccumulator>): (bootIndex: number, acc: VmemmapAccumulator) => SharedLayoutEvidence[] {
  const byBoot = new Map<number, { acc: VmemmapAccumulator; evidence: SharedLayoutEvidence }[]>();
  for (const cluster of clusters) {
    for (const [bootIndex, acc] of cluster.vmemmapByBoot()) {
      const evidence = acc.layoutEvidence();
      let list = byBoot.get(bootIndex);
      if (list === undefined) byBoot.set(bootIndex, (list = []));
      if (list.length < MAX_POOLED) {
        list.push({ acc, evidence });
        continue;
      }
      // A WARN's registers say more than an Oops' struct page: it takes the place of one of those.
      const pageOnly = list.findIndex((e) => e.evidence.registerValues.length === 0);
      if (evidence.registerValues.length > 0 && pageOnly !== -1) list[pageOnly] = { acc, evidence };
    }
  }
  return (bootIndex, acc) => (byBoot.get(bootIndex) ?? []).filter((e) => e.acc !== acc).map((e) => e.evidence);
}
