import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';

/** The outcome of `validateReport`; `errors` is empty when `valid`. */
export interface ReportValidation {
  valid: boolean;
  /** One readable line per problem: `/inputs/0/clusters/0/example/sp: must match pattern "^0x[0-9a-f]+$"`. */
  errors: string[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  if (!compiled) {
    // schema/ sits two levels above both src/report and dist/report.
    const schema = JSON.parse(readFileSync(new URL('../../schema/report.schema.json', import.meta.url), 'utf8')) as object;
    compiled = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  }
  return compiled;
}

function describe(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  const extra = e.keyword === 'additionalProperties' ? ` "${String(e.params['additionalProperty'])}"` : '';
  return `${where}: ${e.message ?? e.keyword}${extra}`;
}

/** Checks `obj` against schema/report.schema.json. */
export function validateReport(obj: unknown): ReportValidation {
  const validate = validator();
  const valid = validate(obj);
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describe) };
}
