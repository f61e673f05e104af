import type { ValidateFunction } from 'ajv/dist/2020.js';
import { compileSchema, describeSchemaError } from '../util/compile-schema.js';

/** The outcome of `validateReport`; `errors` is empty when `valid`. */
export interface ReportValidation {
  valid: boolean;
  /** One readable line per problem: `/inputs/0/clusters/0/example/sp: must match pattern "^0x[0-9a-f]+$"`. */
  errors: string[];
}

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // schema/ sits two levels above both src/report and dist/report.
  compiled ??= compileSchema(new URL('../../schema/report.schema.json', import.meta.url));
  return compiled;
}

/** Checks `obj` against schema/report.schema.json. */
export function validateReport(obj: unknown): ReportValidation {
  const validate = validator();
  const valid = validate(obj);
  return { valid, errors: valid ? [] : (validate.errors ?? []).map(describeSchemaError) };
}
