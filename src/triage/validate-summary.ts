import type { ValidateFunction } from 'ajv/dist/2020.js';
import { InputError } from '../errors.js';
import { SUMMARY_SCHEMA_VERSION, type Summary } from './summary-types.js';
import { checkArgument } from '../util/check-argument.js';
import { compileSchema, describeSchemaError } from '../util/compile-schema.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // schema/ sits two levels above both src/triage and dist/triage.
  compiled ??= compileSchema(new URL('../../schema/summary.schema.json', import.meta.url));
  return compiled;
}

/** Problems of `obj` against schema/summary.schema.json, one readable line each (empty when valid). */
export function summaryProblems(obj: unknown): string[] {
  const validate = validator();
  return validate(obj) ? [] : (validate.errors ?? []).map(describeSchemaError);
}

/** Parses a summary JSON file's text for `merge`; an invalid one is an input error naming the file. */
export function parseSummary(text: string, source: string): Summary {
  checkArgument(typeof text === 'string', 'parseSummary', 'text', "a summary's JSON text", text);
  checkArgument(typeof source === 'string', 'parseSummary', 'source', 'a string naming where the text came from', source);
  let obj: unknown;
  try {
    obj = JSON.parse(text);
  } catch (err) {
    throw new InputError(source, `not JSON: ${(err as Error).message}`);
  }
  // An analyze report (schema/report.schema.json) has inputs and a tool where a summary has logs and totals.
  if (typeof obj === 'object' && obj !== null && 'inputs' in obj && 'tool' in obj && !('totals' in obj)) {
    throw new InputError(source, 'an analyze report, not a triage summary: merge takes the output of `triage --format json`');
  }
  // Another version's summary fails every changed field; the version is what to tell.
  const version = typeof obj === 'object' && obj !== null && 'schemaVersion' in obj ? obj.schemaVersion : undefined;
  if (version !== undefined && version !== SUMMARY_SCHEMA_VERSION) {
    throw new InputError(source, `a summary of schema version ${JSON.stringify(version)}; this vmemwarn merges version ${SUMMARY_SCHEMA_VERSION} (run triage again with one vmemwarn for all shards)`);
  }
  const problems = summaryProblems(obj);
  if (problems.length > 0) throw new InputError(source, `not a vmemwarn summary: ${problems.slice(0, 5).join('; ')}`);
  return obj as Summary;
}
