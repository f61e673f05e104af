import type { AnalysisResult } from './types.js';
import type { LayoutEvidence } from '../layout/infer.js';
import { xRegisterValues } from './vmemmap/register-values.js';
import { readRegisterPair } from './vmemmap/read-registers.js';
import { bootByIndex } from '../parse/boot-facts.js';
import type { BootFacts } from '../parse/types.js';
import { spanOf } from '../layout/physical-fit.js';
import { checkResult } from './check-result.js';

/** The boot a log's layout is taken from, and why that one (`the boot of the first vmemmap finding`). */
export interface LayoutBoot {
  boot: BootFacts;
  why: string;
}

/**
 * The boot whose facts give a log's layout: the first vmemmap cluster's, else the last that printed a release, else the
 * first; undefined for a result without a boot.
 */
export function layoutBoot(result: AnalysisResult): LayoutBoot | undefined {
  checkResult('layoutBoot', result);
  const bootIndex = result.clusters.find((c) => c.vmemmap.length > 0)?.example.bootIndex;
  const ofFinding = bootIndex !== undefined ? bootByIndex(result.boots, bootIndex) : undefined;
  if (ofFinding) return { boot: ofFinding, why: 'the boot of the first vmemmap finding' };
  const withRelease = [...result.boots].reverse().find((b) => b.release !== undefined);
  if (withRelease) return { boot: withRelease, why: 'the last boot that printed its release' };
  return result.boots[0] && { boot: result.boots[0], why: 'the first boot' };
}

/**
 * `FILE holds 2 boots; the layout is boot 1's (from line 4012), the last boot that printed its release`: KASLR moves
 * memstart at every boot, so a layout from a log of several boots must say whose it is. Undefined for one boot.
 */
export function layoutBootNote(result: AnalysisResult): string | undefined {
  const chosen = layoutBoot(result);
  if (result.stats.boots < 2 || !chosen) return undefined;
  const { boot, why } = chosen;
  return `${result.source} holds ${result.stats.boots} boots; the layout is boot ${boot.index}'s (from line ${boot.firstLine}), ${why}`;
}

/**
 * Layout evidence from an analyzed log, as `layout --log` and `explain --log` take it: the boot of the first vmemmap
 * cluster (else the last boot that printed a release, see `layoutBoot`), a release from a splat of that boot, the registers of
 * the first vmemmap cluster's example (constants may sit in them) with the range its call covered, the span of that
 * boot's struct pages, and a memstart the analysis read from an Oops' registers. `{ boot: result.boots.at(-1) }` is
 * not the same: it misses the registers and struct pages that decide the era and the struct page size.
 *
 * `layout --log FILE` is `candidateLayouts(evidenceFromResult(await analyzeFile(FILE, { layout })), layout)` (the
 * first of which is `inferLayout`'s, labelled), and `explain --log FILE` gives `plausibleLayouts` the same arguments.
 */
export function evidenceFromResult(result: AnalysisResult): LayoutEvidence {
  checkResult('evidenceFromResult', result);
  const vmemmap = result.clusters.find((c) => c.vmemmap.length > 0);
  const bootIndex = vmemmap?.example.bootIndex;
  const boot = layoutBoot(result)?.boot;
  // The release of a splat of the chosen boot (the vmemmap cluster's own first): one from another boot had named
  // another kernel than the boot's banner, and the layout had then dropped the right boot's facts.
  const inBoot = (c: (typeof result.clusters)[number]) => boot === undefined || c.example.bootIndex === boot.index;
  const splatRelease = (vmemmap && inBoot(vmemmap) ? vmemmap.example.release : undefined) ?? result.clusters.find((c) => inBoot(c) && c.example.release !== undefined)?.example.release;
  const registerValues = vmemmap ? xRegisterValues(vmemmap.example) : [];
  // The example's own range: the Oops of 6.9+ names one struct page, not the range of a call.
  const pair = vmemmap && vmemmap.vmemmap[0]?.op !== 'init-zone-device' ? readRegisterPair(vmemmap.example) : undefined;
  const largestCall = pair && pair.end > pair.start ? pair.end - pair.start : undefined;
  const startStep = pair ? vmemmap?.vmemmap[0]?.startStep : undefined;
  const callsOnGrid = pair ? vmemmap?.vmemmap[0]?.callsOnGrid : undefined;
  // The struct pages of the boot's findings, against which a page size no evidence states is tested, as analyze
  // tests them (one boot runs one layout).
  const pageSpan = spanOf(result.clusters.flatMap((c) => c.vmemmap.filter((f) => f.bootIndex === bootIndex).map((f) => f.pageHull)));
  // What the analysis read from an Oops' page and pfn registers: explain and layout reach the same memstart.
  const fromRegisters = result.clusters.flatMap((c) => c.vmemmap).find((f) => f.bootIndex === bootIndex && f.layout?.memstart.source.kind === 'register')?.layout;
  const registerMemstart = fromRegisters && {
    memstart: fromRegisters.memstart,
    era: fromRegisters.era.value,
    pageShift: fromRegisters.pageShift.value,
    vaBits: fromRegisters.vaBits.value,
    structPageSize: fromRegisters.structPageSize.value,
  };
  return {
    ...(boot && { boot }),
    ...(splatRelease !== undefined && { splatRelease }),
    ...(registerValues.length > 0 && { registerValues }),
    ...(largestCall !== undefined && pair && { largestCall, largestCallStart: pair.start }),
    ...(pageSpan && { pageSpan }),
    ...(startStep !== undefined && { startStep }),
    ...(callsOnGrid !== undefined && { callsOnGrid }),
    ...(registerMemstart && { registerMemstart }),
  };
}
