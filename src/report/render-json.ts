import type { Report } from './model-types.js';
import { checkReport } from './check-report.js';

/** Pretty JSON (2-space indent) with a trailing newline; key order is the model's, so output is byte-stable. */
export function renderJson(report: Report): string {
  checkReport('renderJson', report);
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** The indent JSON.stringify gives an element of the report's `inputs`, two levels down. */
const INPUT_INDENT = '    ';

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
    // JSON text holds no raw line break inside a string, so every line break is one between tokens.
    const json = JSON.stringify(input, null, 2).replaceAll('\n', `\n${INPUT_INDENT}`);
    yield `${INPUT_INDENT}${json}${i < inputs.length - 1 ? ',' : ''}\n`;
  }
  yield '  ]\n}\n';
}
