import { FAIL_ON_KINDS, type FailOn } from '../cli/fail-on.js';
import type { IssueSeverity, Summary } from './summary-types.js';
import { failingClusters } from './failing-logs.js';
import { checkSummary } from './check-summary.js';
import { checkArgument } from '../util/check-argument.js';
import { interruptedWords } from '../util/stop-cause.js';

/**
 * JUnit XML: one testcase per log, failed when it has an unknown cluster of the `failOn` kind; an input that
 * could not be read is a testcase with an error, or the error of its log's testcase when the log was read in part
 * (an archive member cut short); an input not read (skipped) is a skipped testcase naming why. A run cut short (by Ctrl-C, SIGTERM…) ends with an error testcase that says so and by what: a CI job that
 * reads only this file must not take it for a whole run.
 */
export function renderSummaryJunit(s: Summary, failOnFlag?: FailOn): string {
  checkSummary('renderSummaryJunit', 's', s);
  const kinds: readonly unknown[] = FAIL_ON_KINDS;
  checkArgument(failOnFlag === undefined || kinds.includes(failOnFlag), 'renderSummaryJunit', 'failOn', `one of ${FAIL_ON_KINDS.join(', ')}`, failOnFlag);
  const failOn = failOnFlag ?? 'any';
  // Without --fail-on every kind fails a testcase; the message must not name a flag that was not given.
  const matching = failOnFlag === undefined ? 'of any kind (no --fail-on given)' : `matching --fail-on ${failOnFlag}`;
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  const logNames = new Set(s.logs.map((l) => l.name));
  const errorsOf = reasonsByInput(s, 'error');
  // What was not read (an encrypted zip member, a nested archive, a symlink, a FIFO, a binary file): a skipped
  // testcase each, as a CI job that shows only this file would otherwise not show it at all.
  const skippedOf = reasonsByInput(s, 'skipped');
  for (const input of skippedOf.keys()) if (logNames.has(input) || errorsOf.has(input)) skippedOf.delete(input);
  const errorLines = (input: string): string[] => (errorsOf.get(input) ?? []).map((r) => `      <error message="${xml(r)}"/>`);
  for (const log of s.logs) {
    const failing = failingClusters(s, log, failOn);
    const inner = errorLines(log.name);
    if (inner.length > 0) errors++;
    if (failing.length > 0) {
      failures++;
      const message = `${failing.length} cluster${failing.length === 1 ? '' : 's'} ${matching}`;
      // This log's own count of each cluster, not the cluster's total over every log.
      const inLog = new Map(log.clusters.map((c) => [c.id, c.count]));
      const body = failing.map((c) => `${c.id} ${c.kind} x${inLog.get(c.id) ?? c.count}: ${c.title}`).join('\n');
      inner.unshift(`      <failure message="${xml(message)}" type="${failOn}">${xml(body)}</failure>`);
    }
    cases.push(testcase(log.name, inner));
  }
  for (const input of errorsOf.keys()) {
    if (logNames.has(input)) continue;
    errors++;
    cases.push(testcase(input, errorLines(input)));
  }
  for (const [input, reasons] of skippedOf) cases.push(testcase(input, [`      <skipped message="${xml(reasons.join('; '))}"/>`]));
  if (s.interrupted) {
    errors++;
    cases.push(testcase('(run)', [`      <error message="${interruptedWords(s.interruptedBy)}: the logs not yet read are not in this report"/>`]));
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skippedOf.size}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vmemwarn triage" ${counts}>`,
    `  <testsuite name="vmemwarn" ${counts}${timestampAttribute(s.generatedAt)}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

/**
 * ` timestamp="2026-03-01T12:00:00"`: the run's time (`--timestamps`), in UTC as the JUnit schema's testsuite takes it
 * (no zone, no fraction); nothing without one, or for one that is no date.
 */
function timestampAttribute(generatedAt: string | undefined): string {
  const iso = generatedAt === undefined ? undefined : new Date(Date.parse(generatedAt));
  const year = iso?.getUTCFullYear() ?? NaN;
  return iso === undefined || !(year >= 0 && year <= 9999) ? '' : ` timestamp="${iso.toISOString().slice(0, 19)}"`;
}

/** The reasons of `s`'s issues of one severity, by input, in the summary's order. */
function reasonsByInput(s: Summary, severity: IssueSeverity): Map<string, string[]> {
  const byInput = new Map<string, string[]>();
  for (const issue of s.issues) {
    if (issue.severity !== severity) continue;
    const reasons = byInput.get(issue.input) ?? [];
    reasons.push(issue.reason);
    byInput.set(issue.input, reasons);
  }
  return byInput;
}

function testcase(name: string, inner: string[]): string {
  const open = `    <testcase classname="vmemwarn.triage" name="${xml(name)}">`;
  return inner.length === 0 ? `${open}</testcase>` : [open, ...inner, '    </testcase>'].join('\n');
}

/** Escapes for attributes and text; characters XML 1.0 forbids (most C0 controls) become `\xNN`. */
function xml(text: string): string {
  return text
    .replace(/[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]/g, (ch) => `\\x${(ch.codePointAt(0) ?? 0).toString(16).padStart(2, '0')}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
