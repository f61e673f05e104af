import type { InputReport, Report } from './model-types.js';
import { checkReport } from './check-report.js';

/** Pretty JSON (2-space indent) with a trailing newline; key order is the model's, so output is byte-stable. */
export function renderJson(report: Report): string {
  checkReport('renderJson', report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/**
 * `value` as JSON.stringify(…, null, 2) writes it `depth` levels down, from its indent to its last character: set
 * in `depth` arrays, so that JSON.stringify indents it itself (indenting a copy afterwards allocated several copies).
 */
export function jsonAt(value: unknown, depth: number): string {
  let nested = value;
  for (let i = 0; i < depth; i++) nested = [nested];
  const json = JSON.stringify(nested, null, 2);
  // `[\n  [\n …` before it and `\n  ]\n]` after it: at level i, 2i spaces and a bracket and a line break, which sum
  // to depth * (depth + 1) on each side.
  const edge = depth * (depth + 1);
  return json.slice(edge, json.length - edge);
}

/**
 * `renderJson`'s text in pieces: the report without its inputs, then one piece per input, made only when it is
 * asked for. A report over hundreds of inputs is tens of MB of JSON; written piece by piece, no more than one
 * input's JSON is held at a time. The report is checked at once, before any piece is made.
 */
export function renderJsonChunks(report: Report): Iterable<string> {
  checkReport('renderJsonChunks', report);
  // The pieces are cut where `inputs` stands, which must be the last key, as buildReport makes it.
  if (Object.keys(report).at(-1) !== 'inputs' || report.inputs.length === 0) return [renderJson(report)];
  return inputChunks(report);
}

function* inputChunks(report: Report): Generator<string> {
  const { inputs } = report;
  const empty = JSON.stringify({ ...report, inputs: [] }, null, 2);
  // `…"inputs": []\n}`: everything up to the empty array, then the array written out.
  yield `${empty.slice(0, empty.lastIndexOf('[]'))}[\n`;
  for (const [i, input] of inputs.entries()) {
    yield* clusterChunks(input);
    yield `${i < inputs.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}

/** Where an input's `clusters` stands in its JSON, two levels down: its key is one level further. */
const CLUSTERS_KEY = '\n      "clusters": [';

/**
 * One input's JSON, two levels down, in pieces: the input up to its clusters, then each cluster. An input may hold
 * 1,000 clusters (MAX_CLUSTERS), 3.9 MB of JSON: made in one piece, and indented afterwards, it had put the peak
 * RSS of `analyze --format json` at 117 MiB, against 85 MiB for the text report of the same log.
 */
function* clusterChunks(input: InputReport): Generator<string> {
  const json = jsonAt({ ...input, clusters: [] }, 2);
  const at = json.lastIndexOf(`${CLUSTERS_KEY}]`);
  if (at < 0 || input.clusters.length === 0) {
    yield at < 0 ? jsonAt(input, 2) : json;
    return;
  }
  const open = at + CLUSTERS_KEY.length;
  yield `${json.slice(0, open)}\n`;
  for (const [i, cluster] of input.clusters.entries()) yield `${jsonAt(cluster, 4)}${i < input.clusters.length - 1 ? ',' : ''}\n`;
  yield `      ${json.slice(open)}`;
}
