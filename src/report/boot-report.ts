import type { BootFacts, Fact, MemRange } from '../parse/types.js';
import type { BootReport, FactReport, HexRange } from './model-types.js';
import { compact } from './compact.js';
import { toHex } from './hex.js';

function fact<T, U = T>(f: Fact<T>, map: (v: T) => U = (v) => v as unknown as U): FactReport<U> {
  return { value: map(f.value), lineNo: f.lineNo, text: f.text };
}

function factOpt<T>(f: Fact<T> | undefined): FactReport<T> | undefined {
  return f && fact(f);
}

function hexRange(r: MemRange): HexRange {
  return { start: toHex(r.start), end: toHex(r.end) };
}

export function bootReport(b: BootFacts): BootReport {
  return compact({
    index: b.index,
    firstLine: b.firstLine,
    release: factOpt(b.release),
    compiler: factOpt(b.compiler),
    versionLine: factOpt(b.versionLine),
    machineModel: factOpt(b.machineModel),
    cmdline: factOpt(b.cmdline),
    memory: factOpt(b.memory),
    zoneRanges: b.zoneRanges.map((f) => fact(f, (v) => compact({ zone: v.zone, range: v.range && hexRange(v.range) }))),
    nodeRanges: b.nodeRanges.map((f) => fact(f, (v) => ({ node: v.node, range: hexRange(v.range) }))),
    pgtable: b.pgtable && fact(b.pgtable, (v) => ({ pageSizeKiB: v.pageSizeKiB, vaBits: v.vaBits })),
    virtualLayout: b.virtualLayout.map((f) =>
      fact(f, (v) => ({ region: v.region, start: toHex(v.start), end: toHex(v.end), kind: v.kind })),
    ),
    cpuFeatures: b.cpuFeatures.map((f) => fact(f)),
    kaslr: factOpt(b.kaslr),
    memoryTooBig: factOpt(b.memoryTooBig),
    physOffset: b.physOffset && fact(b.physOffset, toHex),
    kimageVaddr: b.kimageVaddr && fact(b.kimageVaddr, toHex),
    dentryHash: b.dentryHash && fact(b.dentryHash, (v) => ({ order: v.order, bytes: v.bytes })),
    arch: factOpt(b.arch),
  });
}
