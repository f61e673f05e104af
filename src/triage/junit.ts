import type { FailOn } from '../cli/fail-on.js';
import type { Summary } from './summary-types.js';
import { failingClusters } from './failing-logs.js';

/**
 * JUnit XML: one testcase per log, failed when it has an unknown cluster of the `failOn` kind; an input that
 * could not be read is a testcase with an error.
 */
export function renderSummaryJunit(s: Summary, failOnFlag?: FailOn): string {
  const failOn = failOnFlag ?? 'any';
  // Without --fail-on every kind fails a testcase; the message must not name a flag that was not given.
  const matching = failOnFlag === undefined ? 'of any kind (no --fail-on given)' : `matching --fail-on ${failOnFlag}`;
  const cases: string[] = [];
  let failures = 0;
  for (const log of s.logs) {
    const failing = failingClusters(s, log, failOn);
    const open = `    <testcase classname="vmemwarn.triage" name="${xml(log.name)}">`;
    if (failing.length === 0) {
      cases.push(`${open}</testcase>`);
      continue;
    }
    failures++;
    const message = `${failing.length} cluster${failing.length === 1 ? '' : 's'} ${matching}`;
    // This log's own count of each cluster, not the cluster's total over every log.
    const inLog = new Map(log.clusters.map((c) => [c.id, c.count]));
    const body = failing.map((c) => `${c.id} ${c.kind} x${inLog.get(c.id) ?? c.count}: ${c.title}`).join('\n');
    cases.push(`${open}\n      <failure message="${xml(message)}" type="${failOn}">${xml(body)}</failure>\n    </testcase>`);
  }
  const errors = s.issues.filter((i) => i.severity === 'error');
  for (const e of errors) {
    cases.push(`    <testcase classname="vmemwarn.triage" name="${xml(e.input)}">\n      <error message="${xml(e.reason)}"/>\n    </testcase>`);
  }
  const counts = `tests="${cases.length}" failures="${failures}" errors="${errors.length}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="vmemwarn triage" ${counts}>`,
    `  <testsuite name="vmemwarn" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
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
