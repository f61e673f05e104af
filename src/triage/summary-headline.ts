import { plural } from '../report/report-facts.js';
import type { Summary, SummaryCluster, SummaryVmemmap } from './summary-types.js';
import { kindsOf, SEVERITY_CLASSES, type SeverityClass } from '../analyze/splat-severity.js';
import { interruptedWords } from '../util/stop-cause.js';

/**
 * `40 inputs, 52 logs (9 with splats), 1 not a kernel log, 12.3 MiB, 81234 lines, 17 splats; 1 error, 2 warnings, 3 skipped`
 * (the texts that are no kernel log are among the skipped, named under Problems).
 */
export function summaryHeadline(s: Summary): string {
  const t = s.totals;
  const mib = (t.bytes / (1024 * 1024)).toFixed(1);
  const notLogs = t.notKernelLogs > 0 ? `${t.notKernelLogs} not a kernel log, ` : '';
  const head = `${plural(t.inputs, 'input')}, ${plural(t.logs, 'log')} (${t.logsWithSplats} with splats), ${notLogs}${mib} MiB, ` +
    `${plural(t.lines, 'line')}, ${plural(t.splats, 'splat')}`;
  // Warnings have no total of their own in the schema; every one is a row of `issues`, merged summaries' too.
  const warnings = s.issues.filter((i) => i.severity === 'warning').length;
  const problems = [t.errors > 0 ? plural(t.errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '', t.skipped > 0 ? `${t.skipped} skipped` : ''].filter(Boolean);
  const shards = s.shards && ` — ${s.shards.indices.length === 1 ? 'shard' : 'shards'} ${s.shards.indices.join(', ')} of ${s.shards.count}`;
  return [head, problems.join(', ')].filter(Boolean).join('; ') + (shards ?? '') + (s.interrupted ? ` — ${interruptedWords(s.interruptedBy)}, partial results` : '');
}

/**
 * `logs by worst splat: 4 crash (panic/oops/bug/kasan/kfence), 2 warning (warning/ubsan)`: which logs crashed, first.
 * A class no log is in is left out, but for `crash` (none crashed is news too); no line for a summary without clusters.
 */
export function worstSplatLine(s: Summary): string | undefined {
  const counts = s.totals.logsBySeverity;
  if (SEVERITY_CLASSES.every((cls) => counts[cls] === 0)) return undefined;
  const parts = SEVERITY_CLASSES.filter((cls) => cls === 'crash' || counts[cls] > 0).map((cls) => `${counts[cls]} ${classLabel(cls)}`);
  return `logs by worst splat: ${parts.join(', ')}`;
}

/** `crash (panic/oops/bug/kasan/kfence)`: the kinds as the KIND column spells them; `other` alone. */
function classLabel(cls: SeverityClass): string {
  const kinds = kindsOf(cls);
  return kinds.length === 1 && kinds[0] === cls ? cls : `${cls} (${kinds.join('/')})`;
}

/**
 * `populate (E3 48-bit/4K), amdgpu KFD SVM (kgd2kfd_init_zone_device): 12 splats (12 read) in 2 logs, struct page
 * 0x…-0x…, pfn 0x…-0x…, phys 0x…-0x…, below-window`
 */
export function vmemmapLine(v: SummaryVmemmap): string {
  const what = `${v.op}${v.layout !== undefined ? ` (${v.layout})` : ''}${v.driver !== undefined ? `, ${v.driver}` : ''}`;
  const parts = [`${what}: ${plural(v.splatCount, 'splat')} (${v.readCount} read) in ${plural(v.logs, 'log')}`];
  if (v.pageHull) parts.push(`struct page ${v.pageHull.start}-${v.pageHull.end}`);
  if (v.pfnHull) parts.push(`pfn ${v.pfnHull.start}-${v.pfnHull.end}`);
  if (v.physHull) parts.push(`phys ${v.physHull.start}-${v.physHull.end}`);
  if (v.positions.length > 0) parts.push(v.positions.join('/'));
  return parts.join(', ');
}

/**
 * Whether any cluster has a wall-clock first/last occurrence: most logs carry only printk times, and a column of `-`
 * in every row says nothing.
 */
export function anySeen(clusters: readonly SummaryCluster[]): boolean {
  return clusters.some((c) => c.firstSeen !== undefined);
}

/** The wall-clock time of a cluster's first and last splat (`first .. last`), `-` when its logs carry none. */
export function seenRange(c: SummaryCluster): string {
  if (c.firstSeen === undefined) return '-';
  return c.firstSeen === c.lastSeen ? c.firstSeen : `${c.firstSeen} .. ${c.lastSeen ?? ''}`;
}

export function runRange(c: SummaryCluster): string {
  if (!c.history) return '';
  const runs = c.history.firstRun === c.history.lastRun ? `${c.history.firstRun}` : `${c.history.firstRun}-${c.history.lastRun}`;
  return c.history.isNew ? `new (run ${runs})` : `runs ${runs}`;
}

