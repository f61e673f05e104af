import type { BootFacts, Splat } from '../parse/types.js';
import type { LayoutOverrides } from '../layout/types.js';
import type { Cluster, ListName, VmemmapOp } from './types.js';
import { BoundedSet } from './bounded-set.js';
import { isVmemmapSplatUnchecked } from './vmemmap/is-vmemmap-splat.js';
import { VmemmapAccumulator, type SharedLayoutEvidence } from './vmemmap/vmemmap-accumulator.js';
import type { Signature } from './signature.js';
import { revive } from '../util/revive.js';
import { ownCopy, ownDeepCopy } from '../util/own-copy.js';
import { bootByIndexUnchecked } from '../parse/boot-facts.js';
import { endedInPanic } from './splat-severity.js';
import { driverRowOf } from './vmemmap/identify-driver.js';

/** The key of a cluster's vmemmap accumulator: its boot and the driver row its splats name (driverRowOf; -1 for none). */
function vmemmapKey(bootIndex: number, driverRow: number): string {
  return `${bootIndex}/${driverRow}`;
}

function driverRowOfKey(key: string): number {
  return Number(key.slice(key.indexOf('/') + 1));
}

const MAX_IDS = 64;
const MAX_NAMES = 16;
/**
 * Boots per cluster whose vmemmap splats are analyzed: each boot gets a finding (it may have its own layout), or one
 * per driver of it (each sets up its own range).
 */
export const MAX_VMEMMAP_BOOTS = 16;

/**
 * The splat as a cluster keeps it for the whole run. A report's lines are one run of the log, a few of split2's
 * 4 KiB batches, unless caller ids let other tasks print between them: then each line may sit in a batch of its own,
 * which a line kept as it is keeps alive (own-copy.ts). Only such a report is copied.
 */
function exampleOf(splat: Splat): Splat {
  return splat.caller === undefined ? splat : ownDeepCopy(splat);
}

/**
 * Everything a cluster keeps about its splats: counts and bounded sets, one example, vmemmap accumulators. Strings
 * it keeps beyond a report are its own copies, never pieces of the log's text scattered over many batches.
 */
export class ClusterAccumulator {
  private count = 0;
  private corruptedCount = 0;
  private panickedCount = 0;
  private readonly cpus = new BoundedSet<number>(MAX_IDS);
  private readonly pids = new BoundedSet<number>(MAX_IDS);
  private readonly releases = new BoundedSet<string>(MAX_NAMES);
  private readonly hardware = new BoundedSet<string>(MAX_NAMES);
  /** When the first splat began and the last ended: all a cluster keeps of them. */
  private firstLine: number;
  private firstTs: number | undefined;
  private firstWallTime: string | undefined;
  private lastLine: number;
  private lastTs: number | undefined;
  /** Copied in finish() only: until then it is one string per cluster, replaced by each splat. */
  private lastWallTime: string | undefined;
  private example: Splat;
  /**
   * One per boot, because each boot may have its own layout, and driver, because each sets up its own range (an amdgpu
   * and a test_hmm storm of one boot share a signature); keyed by vmemmapKey, for at most MAX_VMEMMAP_BOOTS boots.
   */
  private readonly vmemmap = new Map<string, VmemmapAccumulator>();
  /** vmemmap splats of boots past MAX_VMEMMAP_BOOTS: counted in `count`, not analyzed. */
  private vmemmapSplatsOmitted = 0;
  /**
   * Decided by the first splat that names a vmemmap operation, not by the first splat alone: one that lacks its
   * function (a cut header, no pc line) shares the signature of the ones that follow, and the answer must not depend
   * on where analyze/parts/ cut the log.
   */
  private op: VmemmapOp | undefined;

  constructor(
    private readonly signature: Signature,
    splat: Splat,
  ) {
    this.firstLine = splat.firstLine;
    this.firstTs = splat.ts;
    this.firstWallTime = splat.wallTime === undefined ? undefined : ownCopy(splat.wallTime);
    this.lastLine = splat.lastLine;
    this.lastTs = splat.ts;
    this.lastWallTime = splat.wallTime;
    this.example = exampleOf(splat);
  }

  /** True when the splat went to a vmemmap accumulator (whose finding will read its boot's facts). */
  add(splat: Splat): boolean {
    this.count += 1;
    this.lastLine = splat.lastLine;
    this.lastTs = splat.ts;
    this.lastWallTime = splat.wallTime;
    if (endedInPanic(splat)) this.panickedCount += 1;
    if (splat.corrupted) this.corruptedCount += 1;
    else if (this.example.corrupted) this.example = exampleOf(splat);
    this.cpus.add(splat.cpu);
    this.pids.add(splat.pid);
    this.releases.add(splat.release);
    this.hardware.add(splat.hardware);
    this.op ??= isVmemmapSplatUnchecked(splat);
    if (this.op === undefined) return false;
    const key = vmemmapKey(splat.bootIndex, driverRowOf(splat.frames));
    let acc = this.vmemmap.get(key);
    if (!acc) {
      // A reboot loop that hits the storm every boot would otherwise keep one accumulator, and its boot's facts, per boot.
      if (!this.takesBoot(splat.bootIndex)) {
        this.vmemmapSplatsOmitted += 1;
        return false;
      }
      acc = new VmemmapAccumulator(this.op);
      this.vmemmap.set(key, acc);
    }
    acc.add(splat);
    return true;
  }

  /** True when a boot's vmemmap splats are analyzed: it has an accumulator, or fewer than MAX_VMEMMAP_BOOTS boots do. */
  private takesBoot(bootIndex: number): boolean {
    const boots = new Set<number>();
    for (const acc of this.vmemmap.values()) {
      if (acc.boot === bootIndex) return true;
      boots.add(acc.boot);
    }
    return boots.size < MAX_VMEMMAP_BOOTS;
  }

  /**
   * Gives the splats of a boot whose traces name no driver (a console cut the frames that would) to the boot's one
   * driver, when it has exactly one: a storm whose console dropped the bottom of some traces had been two findings, one
   * with no driver. Called once, before the findings are made (LogAnalyzer.finish).
   */
  settleDrivers(): void {
    for (const [key, acc] of this.vmemmap) {
      if (driverRowOfKey(key) !== -1) continue;
      const named = [...this.vmemmap].filter(([k, a]) => a.boot === acc.boot && driverRowOfKey(k) !== -1);
      if (named.length !== 1) continue;
      named[0]![1].absorb(acc);
      this.vmemmap.delete(key);
    }
  }

  /** vmemmap splats of boots beyond the first MAX_VMEMMAP_BOOTS with any: counted, not analyzed. */
  get omittedVmemmapSplats(): number {
    return this.vmemmapSplatsOmitted;
  }

  get title(): string {
    return this.example.title;
  }

  /** The boots whose facts this cluster's vmemmap findings read. */
  vmemmapBoots(): IterableIterator<number> {
    return new Set([...this.vmemmap.values()].map((acc) => acc.boot)).values();
  }

  get id(): string {
    return this.signature.id;
  }

  /** The signature's text (signature.ts): kind, normalized title and the frames that key the cluster. */
  get signatureText(): string {
    return this.signature.text;
  }

  /** The splat the cluster shows: its first whole one, else its first. */
  get exampleSplat(): Splat {
    return this.example;
  }

  /**
   * Takes in another accumulator's splats: that of the same cluster that read the splats after this one's
   * (analyze/parts/), or a cluster whose traces a console cut (merge-cut-traces.ts), whose splats may come before,
   * between or after this one's. Its boot indices must already count from the start of the log (shiftBoots).
   */
  absorb(other: ClusterAccumulator): void {
    this.count += other.count;
    this.corruptedCount += other.corruptedCount;
    this.panickedCount += other.panickedCount;
    if (other.firstLine < this.firstLine) {
      this.firstLine = other.firstLine;
      this.firstTs = other.firstTs;
      this.firstWallTime = other.firstWallTime;
    }
    if (other.lastLine > this.lastLine) {
      this.lastLine = other.lastLine;
      this.lastTs = other.lastTs;
      this.lastWallTime = other.lastWallTime;
    }
    if (this.example.corrupted && !other.example.corrupted) this.example = other.example;
    this.cpus.absorb(other.cpus);
    this.pids.absorb(other.pids);
    this.releases.absorb(other.releases);
    this.hardware.absorb(other.hardware);
    this.op ??= other.op;
    this.vmemmapSplatsOmitted += other.vmemmapSplatsOmitted;
    for (const [key, acc] of other.vmemmap) {
      const mine = this.vmemmap.get(key);
      if (mine) mine.absorb(acc);
      else if (this.takesBoot(acc.boot)) this.vmemmap.set(key, acc);
      else this.vmemmapSplatsOmitted += acc.splats;
    }
  }

  /** Renumbers the boots of what it holds: the part of the log it read began `by` boots into the whole log. */
  shiftBoots(by: number): void {
    if (by === 0) return;
    this.example.bootIndex += by;
    const shifted = [...this.vmemmap].map(([key, acc]) => {
      acc.shiftBoots(by);
      return [vmemmapKey(acc.boot, driverRowOfKey(key)), acc] as const;
    });
    this.vmemmap.clear();
    for (const [key, acc] of shifted) this.vmemmap.set(key, acc);
  }

  /** A clone that came from a worker, with its classes back. */
  static revive(cloned: ClusterAccumulator): ClusterAccumulator {
    const acc = revive(cloned, ClusterAccumulator);
    BoundedSet.revive(acc.cpus);
    BoundedSet.revive(acc.pids);
    BoundedSet.revive(acc.releases);
    BoundedSet.revive(acc.hardware);
    for (const vmemmap of acc.vmemmap.values()) VmemmapAccumulator.revive(vmemmap);
    return acc;
  }

  private truncatedLists(): { truncatedLists?: ListName[] } {
    const sets = { cpus: this.cpus, pids: this.pids, releases: this.releases, hardware: this.hardware };
    const names = (Object.keys(sets) as ListName[]).filter((name) => sets[name].overflowed);
    return names.length > 0 ? { truncatedLists: names } : {};
  }

  /** Each vmemmap accumulator of this cluster with its boot: the analyzer pools their layout evidence by boot. */
  vmemmapByBoot(): [number, VmemmapAccumulator][] {
    return [...this.vmemmap.values()].map((acc) => [acc.boot, acc]);
  }

  /** `evidenceFor`: the layout evidence of the other vmemmap findings of a boot, by accumulator. */
  finish(
    boots: readonly BootFacts[],
    overrides: LayoutOverrides | undefined,
    evidenceFor: (bootIndex: number, acc: VmemmapAccumulator) => readonly SharedLayoutEvidence[] = () => [],
  ): Cluster {
    // By boot, then by where in the log each driver's splats began.
    const vmemmap = [...this.vmemmap.values()]
      .sort((a, b) => a.boot - b.boot || a.firstLine - b.firstLine)
      .map((acc) => acc.finish(bootByIndexUnchecked(boots, acc.boot), overrides, evidenceFor(acc.boot, acc)));
    return {
      id: this.signature.id,
      signature: this.signature.text,
      kind: this.example.kind,
      title: this.example.title,
      count: this.count,
      firstLine: this.firstLine,
      lastLine: this.lastLine,
      ...(this.firstTs !== undefined && { firstTs: this.firstTs }),
      ...(this.lastTs !== undefined && { lastTs: this.lastTs }),
      ...(this.firstWallTime !== undefined && { firstWallTime: this.firstWallTime }),
      ...(this.lastWallTime !== undefined && { lastWallTime: ownCopy(this.lastWallTime) }),
      cpus: this.cpus.sorted(),
      pids: this.pids.sorted(),
      releases: this.releases.sorted(),
      hardware: this.hardware.sorted(),
      ...this.truncatedLists(),
      corruptedCount: this.corruptedCount,
      ...(this.panickedCount > 0 && { panickedCount: this.panickedCount }),
      example: this.example,
      vmemmap,
    };
  }
}
