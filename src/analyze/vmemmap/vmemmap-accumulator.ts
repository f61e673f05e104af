import { spanOf, type PageSpan } from '../../layout/physical-fit.js';
import type { BootFacts, Frame, Splat } from '../../parse/types.js';
import type { Confidence, Layout, LayoutOverrides } from '../../layout/types.js';
import { inferLayout } from '../../layout/infer.js';
import { u64 } from '../../layout/u64.js';
import type { RegisterReading, VmemmapFinding, VmemmapOp } from '../types.js';
import { diagnose } from './diagnose.js';
import { faultAddress } from './fault-address.js';
import { IntervalSet } from './interval-set.js';
import { readingUnderLayout, readRegisterPair, readRegistersUnchecked } from './read-registers.js';
import { reconstruct } from './reconstruct.js';
import { settleMemstart } from './settle-memstart.js';
import type { FaultRegisters } from './pfn-register-memstart.js';
import { StepCounter } from './step-counter.js';
import { StartGrid } from './start-grid.js';
import { revive } from '../../util/revive.js';
import { ownCopy, ownDeepCopy } from '../../util/own-copy.js';
import { xRegisterValues } from './register-values.js';
import type { RegisterValue } from '../../layout/register-match.js';
import { checkArgument, checkArrayOf, inFunction, isObject } from '../../util/check-argument.js';
import { checkSplat } from '../../parse/check-splat.js';
import { OTHER_TASK_PRINTED_INTO } from '../../parse/splat-builder.js';
import { isBoot, isRegisterValue } from '../../layout/check-evidence.js';
import { checkLayoutOverrides } from '../../layout/check-overrides.js';
import { UsageError } from '../../errors.js';

const MAX_PIECES = 64;
/** Register dumps kept for layout-constant matching; the first few splats of a storm say all there is. */
const MAX_SAMPLES = 4;
const TWO_POW_64 = 1n << 64n;

/** The operations a vmemmap splat reports (VmemmapOp). */
const VMEMMAP_OPS: readonly unknown[] = ['populate', 'free', 'init-zone-device'] satisfies VmemmapOp[];

/**
 * What one accumulator's splats tell the other vmemmap findings of its boot about the layout (`layoutEvidence`, passed
 * to their `finish`).
 */
export interface SharedLayoutEvidence {
  /** The x registers of its first few splats, each with its 1-based line; none for `init-zone-device`. */
  registerValues: RegisterValue[];
  /** The largest struct page range (end - start, bytes) one splat named; 0n when none was read. */
  largestCall: bigint;
  /** Where that call started. */
  largestCallStart: bigint;
  /** The grid the splats' starts lie on (start-grid.ts); undefined when none was read. */
  startGrid?: bigint;
  /** The struct pages the splats named, first to last. */
  pageSpan?: PageSpan;
}

/**
 * Collects the vmemmap splats of one cluster in one boot, in bounded memory whatever the storm size: the union of
 * struct page ranges (capped), counts, the start step per task, a few register dumps and the first example; `finish`
 * turns them into a `VmemmapFinding`. `LogAnalyzer` keeps one per cluster and boot (the splats `isVmemmapSplat` names
 * an op for); use it directly only to build findings from splats of your own.
 */
export class VmemmapAccumulator {
  private splatCount = 0;
  private readCount = 0;
  private readonly pages = new IntervalSet(MAX_PIECES);
  private readonly steps = new StepCounter();
  private readonly grid = new StartGrid();
  /** The x registers of each of the first MAX_SAMPLES splats (a splat without any still takes its place). */
  private readonly samples: { reg: string; value: bigint; lineNo: number }[][] = [];
  private release: string | undefined;
  private frames: Frame[] = [];
  /** `frames` came from a trace a console cut (Splat.traceGaps): a whole one that follows takes their place. */
  private framesCut = false;
  private example: RegisterReading | undefined;
  private bootIndex = 0;
  /** The line its first splat began on. */
  private first = 0;
  /** The largest struct page range one splat named: one call covers at most one section's memmap. */
  private largestCall = 0n;
  private largestCallStart = 0n;
  /** Splats read no range from because another task's report was printed into them (splat-builder.ts). */
  private otherTaskCount = 0;
  /** The first ZONE_DEVICE Oops' fault address and registers, from which memstart may follow. */
  private fault: FaultRegisters | undefined;

  /** `op`: what `isVmemmapSplat` returned for the splats this one will take. */
  constructor(private readonly op: VmemmapOp) {
    checkArgument(VMEMMAP_OPS.includes(op), 'VmemmapAccumulator', 'op', `one of ${VMEMMAP_OPS.join(', ')} (what isVmemmapSplat returned)`, op);
  }

  /** Splats taken so far. */
  get splats(): number {
    return this.splatCount;
  }

  /** The boot of its splats (0 until it takes one). */
  get boot(): number {
    return this.bootIndex;
  }

  /** The line its first splat began on (0 until it takes one). */
  get firstLine(): number {
    return this.first;
  }

  /** Takes one splat of the cluster and boot: counted, its range read from its registers (or its fault address). */
  add(s: Splat): void {
    checkSplat('VmemmapAccumulator.add', s);
    checkArgument(Number.isInteger(s.bootIndex) && Number.isInteger(s.firstLine), 'VmemmapAccumulator.add', 'splat', 'a splat with its bootIndex and firstLine', s);
    if (this.splatCount === 0) {
      this.bootIndex = s.bootIndex;
      this.first = s.firstLine;
    }
    // The path and driver are named from these: a whole trace's, when there is one.
    if (this.splatCount === 0 || (this.framesCut && s.traceGaps === undefined)) {
      this.frames = ownDeepCopy(s.frames);
      this.framesCut = s.traceGaps !== undefined;
    }
    this.splatCount += 1;
    if (this.release === undefined && s.release !== undefined) this.release = ownCopy(s.release);
    this.sample(s);
    const range = this.op === 'init-zone-device' ? faultRange(s) : readRange(s, this.example === undefined);
    if (!range) {
      if (s.corrupted?.includes(OTHER_TASK_PRINTED_INTO) === true) this.otherTaskCount += 1;
      return;
    }
    if (this.op === 'init-zone-device') this.fault ??= { faultAddress: range.start, registers: xRegisterValues(s) };
    this.readCount += 1;
    if (range.reading) this.example ??= range.reading;
    // A range whose end wrapped past 2^64 is kept contiguous: its end is stored above 2^64.
    const end = range.end <= range.start ? range.end + TWO_POW_64 : range.end;
    this.pages.add(range.start, end);
    if (this.op !== 'init-zone-device' && end - range.start > this.largestCall) {
      this.largestCall = end - range.start;
      this.largestCallStart = range.start;
    }
    this.steps.add(s.pid ?? -1, range.start);
    if (this.op !== 'init-zone-device') this.grid.add(range.start);
  }

  /**
   * What this accumulator's splats say about the layout, for the other vmemmap findings of its boot: the registers
   * of a WARN (which hold the VMEMMAP constants it compared against), its largest call and its struct pages. An Oops
   * in __init_zone_device_page gives only its struct page: its registers are the fault's.
   */
  layoutEvidence(): SharedLayoutEvidence {
    const pageSpan = this.pages.hull();
    const span = pageSpan ? { pageSpan } : {};
    if (this.op === 'init-zone-device') return { registerValues: [], largestCall: 0n, largestCallStart: 0n, ...span };
    const grid = this.grid.step;
    return {
      registerValues: this.samples.flat(),
      largestCall: this.largestCall,
      largestCallStart: this.largestCallStart,
      ...(grid !== undefined && { startGrid: grid }),
      ...span,
    };
  }

  /** `others`: the layoutEvidence() of the other vmemmap findings of the same boot, which runs one layout. */
  finish(boot: BootFacts | undefined, o?: LayoutOverrides, others: readonly SharedLayoutEvidence[] = []): VmemmapFinding {
    checkFinishArguments(boot, o, others);
    let largestCall = this.largestCall;
    let largestCallStart = this.largestCallStart;
    for (const e of others) {
      if (e.largestCall <= largestCall) continue;
      largestCall = e.largestCall;
      largestCallStart = e.largestCallStart;
    }
    // The calls of every finding of the boot, on the grid of the largest one (a storm of whole sections) or not.
    const callsOnGrid = largestCall > 0n ? [this.layoutEvidence(), ...others].every((e) => onGrid(e, largestCall, largestCallStart)) : undefined;
    // One boot runs one layout: its findings test a page size against all their struct pages together.
    const pageSpan = spanOf([this.pages.hull(), ...others.map((e) => e.pageSpan)]);
    const startStep = this.steps.mostCommon();
    const inferred = inferLayout(
      {
        ...(boot && { boot }),
        ...(this.release !== undefined && { splatRelease: this.release }),
        registerValues: [...this.samples.flat(), ...others.flatMap((e) => e.registerValues)],
        ...(largestCall > 0n && { largestCall, largestCallStart }),
        ...(callsOnGrid !== undefined && { callsOnGrid }),
        ...(pageSpan && { pageSpan }),
        ...(startStep !== undefined && { startStep }),
      },
      o,
    );
    const pieces = this.pages.intervals();
    const { layout, relativePfns, note } = settleMemstart(inferred, pieces, this.fault);
    const { fields, linearMapPhysEnd, inexact, negativePfns } = reconstruct(pieces, layout, MAX_PIECES);
    const { warnArm, ...r } = fields;
    const notes = note === undefined ? [] : [note];
    if (this.pages.coarsened) notes.push(`more than ${MAX_PIECES} separate ranges: gaps between the closest ones were merged.`);
    // The Oops faults on whichever field mm_zero_struct_page() writes first (`_pp[7]` at offset 56, or 48 when the
    // stores are paired), not on the struct page's start: its address is no test of the layout.
    const offGrid = inexact && this.op !== 'init-zone-device';
    if (offGrid) {
      notes.push('a struct page address is not a whole number of struct pages from vmemmap under this layout: the ranges are rounded to whole struct pages, and the layout is doubtful.');
    }
    if (negativePfns) {
      notes.push(
        'a struct page lies below vmemmap (the struct page of pfn 0) under this layout: its pfn would be negative, which no memory has, so no PFN or physical range is given; memstart is probably wrong (--memstart settles it).',
      );
    }
    // Only a range read from the registers can be inside the window: with none read there is nothing to doubt.
    if (warnArm === 'none' && pieces.length > 0) notes.push('under this layout the range is inside the window, yet the WARN fired: the layout is probably wrong.');
    // The registers line reads the span under the finding's struct page size and sections, as the layout table does.
    const example = this.example && readingUnderLayout(this.example, layout.constants, layout.structPageSize.value);
    if (this.readCount < this.splatCount) {
      const mixed = this.otherTaskCount > 0 ? ` (${this.otherTaskCount} with another report's lines printed into them, line by line: which register is whose cannot be told)` : '';
      notes.push(`${this.splatCount - this.readCount} of ${this.splatCount} splat(s) gave no usable start/end${mixed}.`);
    }
    return {
      op: this.op,
      bootIndex: this.bootIndex,
      splatCount: this.splatCount,
      readCount: this.readCount,
      ...r,
      // The Oops is no WARN: it has no arm.
      ...(this.op !== 'init-zone-device' && warnArm !== undefined && { warnArm }),
      ...(startStep !== undefined && { startStep }),
      ...(callsOnGrid !== undefined && { callsOnGrid }),
      layout,
      ...(example && { example }),
      // A layout under which the registers' addresses fall between struct pages (a forced --struct-page-size the
      // storm contradicts) had kept confidence high beside that note.
      confidence: offGrid || negativePfns ? 'low' : confidenceOf(layout, example, warnArm, relativePfns),
      ...diagnose({ op: this.op, splatCount: this.splatCount, readCount: this.readCount, frames: this.frames, layout, r: fields, linearMapPhysEnd, relativePfns }),
      notes,
    };
  }

  /**
   * Takes in the accumulator of the same cluster and boot that read the splats after this one's (analyze/parts/):
   * the result is what this one would hold had it read them, unless a bound on ranges or steps was reached.
   */
  absorb(later: VmemmapAccumulator): void {
    const fn = 'VmemmapAccumulator.absorb';
    checkArgument(later instanceof VmemmapAccumulator, fn, 'later', 'a VmemmapAccumulator (revived, if it crossed a thread)', later);
    if (later === this) throw new UsageError(`${fn}: later is this accumulator itself, whose splats would count twice`);
    if (later.op !== this.op) throw new UsageError(`${fn}: later must be an accumulator of op ${this.op}, as this one is, not of op ${later.op}`);
    if (this.splatCount === 0 || (later.splatCount > 0 && later.first < this.first)) this.first = later.first;
    if (this.framesCut && later.splatCount > 0 && !later.framesCut) {
      this.frames = later.frames;
      this.framesCut = false;
    }
    this.splatCount += later.splatCount;
    this.readCount += later.readCount;
    this.otherTaskCount += later.otherTaskCount;
    this.release ??= later.release;
    this.example ??= later.example;
    for (const sample of later.samples) if (this.samples.length < MAX_SAMPLES) this.samples.push(sample);
    this.pages.absorb(later.pages);
    this.steps.absorb(later.steps);
    this.grid.absorb(later.grid);
    if (later.largestCall > this.largestCall) {
      this.largestCall = later.largestCall;
      this.largestCallStart = later.largestCallStart;
    }
  }

  /** Renumbers its boot: the part of the log it read began `by` boots into the whole log. */
  shiftBoots(by: number): void {
    checkArgument(Number.isInteger(by) && by >= 0, 'VmemmapAccumulator.shiftBoots', 'by', 'a whole number of at least 0 (boots before the part)', by);
    this.bootIndex += by;
  }

  /** An accumulator that crossed a thread (structured clone, analyze/parts/), with its prototypes restored, in place. */
  static revive(cloned: VmemmapAccumulator): VmemmapAccumulator {
    const parts = isObject(cloned) && ['pages', 'steps', 'grid', 'samples'].every((key) => typeof cloned[key] === 'object' && cloned[key] !== null);
    checkArgument(parts, 'VmemmapAccumulator.revive', 'cloned', 'a structured clone of a VmemmapAccumulator', cloned);
    const acc = revive(cloned, VmemmapAccumulator);
    IntervalSet.revive(acc.pages);
    StepCounter.revive(acc.steps);
    StartGrid.revive(acc.grid);
    return acc;
  }

  private sample(s: Splat): void {
    if (this.samples.length >= MAX_SAMPLES) return;
    this.samples.push(xRegisterValues(s));
  }
}

/** SharedLayoutEvidence by its kind: register values, and the largest call as bigints. */
function isSharedLayoutEvidence(value: unknown): boolean {
  if (!isObject(value)) return false;
  const registers = value['registerValues'];
  return Array.isArray(registers) && registers.every(isRegisterValue) && typeof value['largestCall'] === 'bigint' && typeof value['largestCallStart'] === 'bigint';
}

/** `finish`'s arguments, each of its kind, else a UsageError naming it: `others` of 5 had been a raw TypeError. */
function checkFinishArguments(boot: unknown, o: unknown, others: unknown): void {
  const fn = 'VmemmapAccumulator.finish';
  checkArgument(boot === undefined || isBoot(boot), fn, 'boot', "a boot's facts (bootByIndex(result.boots, acc.boot)) or undefined", boot);
  checkArgument(o === undefined || isObject(o), fn, 'o', 'an object of layout overrides or undefined', o);
  if (o !== undefined) inFunction(fn, () => checkLayoutOverrides(o as LayoutOverrides, (field) => `o.${field}`));
  const one = "layout evidence (another accumulator's layoutEvidence())";
  checkArrayOf(isSharedLayoutEvidence, fn, 'others', others, `an array of ${one}`, one);
}

/** Every start of `e`'s calls is a whole number of `call`s from `callStart` (none read: nothing against it). */
function onGrid(e: SharedLayoutEvidence, call: bigint, callStart: bigint): boolean {
  if (e.startGrid === undefined || e.largestCall === 0n) return true;
  const from = e.largestCallStart > callStart ? e.largestCallStart - callStart : callStart - e.largestCallStart;
  return e.startGrid % call === 0n && from % call === 0n;
}

interface ReadRange {
  start: bigint;
  end: bigint;
  reading?: RegisterReading;
}

/** The splat's start/end; with the whole reading only while the accumulator still needs its example. */
function readRange(s: Splat, withReading: boolean): ReadRange | undefined {
  if (!withReading) {
    const pair = readRegisterPair(s);
    return pair && { start: pair.start, end: pair.end };
  }
  const reading = readRegistersUnchecked(s);
  return reading && { start: reading.start, end: reading.end, reading };
}

/** The Oops names one struct page: the faulting address (one byte; whole pages are rebuilt under the layout). */
function faultRange(s: Splat): ReadRange | undefined {
  const addr = faultAddress(s);
  return addr === undefined ? undefined : { start: addr, end: u64(addr + 1n) };
}

const RANK: Record<Confidence, number> = { low: 0, medium: 1, high: 2 };

function confidenceOf(layout: Layout, example: RegisterReading | undefined, arm: VmemmapFinding['warnArm'], relativePfns: boolean): Confidence {
  // No range read (no arm) or one the layout puts inside the window: the layout is not confirmed by the pages.
  if (arm === undefined || arm === 'none' || relativePfns) return 'low';
  const parts: Confidence[] = [layout.memstart.confidence, layout.era.confidence, layout.pageShift.confidence];
  if (example) parts.push(example.confidence);
  return parts.reduce((a, b) => (RANK[b] < RANK[a] ? b : a), 'high');
}
