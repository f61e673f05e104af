import type { Summary } from './summary-types.js';
import { checkSummary } from './check-summary.js';
import { jsonAt } from '../report/render-json.js';

/** The summary as JSON (schema/summary.schema.json): 64-bit values are already `0x` hex strings. */
export function renderSummaryJson(summary: Summary): string {
  checkSummary('renderSummaryJson', 'summary', summary);
  return `${JSON.stringify(summary, null, 2)}\n`;
}

/** Logs made into one piece of `renderSummaryJsonChunks`: 500 rows of one cluster are 120 KB of JSON. */
export const LOGS_PER_CHUNK = 500;

/** Where the summary's `logs` stands in its JSON: a key one level down (a cluster's `logs` is two further). */
const LOGS_KEY = '\n  "logs": [';

/**
 * `renderSummaryJson`'s text in pieces: the summary up to its logs, then its logs LOGS_PER_CHUNK at a time, then the
 * rest, each made only when it is asked for. A summary lists every log: made in one piece, the 4.7 MB of JSON of
 * 20,000 logs put the peak RSS of `triage --format json` 9 MiB above that of its text summary. The summary is
 * checked at once, before any piece is made.
 */
export function renderSummaryJsonChunks(summary: Summary): Iterable<string> {
  checkSummary('renderSummaryJsonChunks', 'summary', summary);
  return summary.logs.length === 0 ? [renderSummaryJson(summary)] : logChunks(summary);
}

function* logChunks(summary: Summary): Generator<string> {
  const { logs } = summary;
  const json = JSON.stringify({ ...summary, logs: [] }, null, 2);
  const open = json.indexOf(`${LOGS_KEY}]`) + LOGS_KEY.length;
  yield `${json.slice(0, open)}\n`;
  for (let at = 0; at < logs.length; at += LOGS_PER_CHUNK) {
    const rows = logs.slice(at, at + LOGS_PER_CHUNK).map((log) => jsonAt(log, 2));
    yield `${rows.join(',\n')}${at + LOGS_PER_CHUNK < logs.length ? ',' : ''}\n`;
  }
  yield `  ${json.slice(open)}\n`;
}
