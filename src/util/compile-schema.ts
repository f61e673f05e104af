import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/**
 * The validator of a shipped schema (`schema/*.schema.json`, at `url`), compiled as a user of the schema would: strict,
 * with ajv-formats, so that every `format` it states is enforced. summary.schema.json's `date-time` had been compiled
 * with formats off, and `generatedAt: "yesterday"` passed summaryProblems, parseSummary and merge.
 */
export function compileSchema(url: URL): ValidateFunction {
  const schema = JSON.parse(readFileSync(url, 'utf8')) as object;
  const ajv = new Ajv2020({ allErrors: true, strict: true });
  // ajv-formats is CommonJS, typed as a module whose `default` is the plugin; its module.exports (the plugin) has one.
  addFormats.default(ajv);
  return ajv.compile(schema);
}

/** One schema error as a readable line: `/inputs/0/clusters/0/example/sp: must match pattern "^0x[0-9a-f]+$"`. */
export function describeSchemaError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  const extra = e.keyword === 'additionalProperties' ? ` "${String(e.params['additionalProperty'])}"` : '';
  return `${where}: ${e.message ?? e.keyword}${extra}`;
}
