import { UsageError } from '../errors.js';

/** The run history (db.ts), which imports sql.js. */
export type HistoryModule = typeof import('./db.js');

/**
 * What a run with a history says when sql.js is not installed, naming the option as its caller gave it: the CLI's
 * `--db`, or `runTriage: db` from the library (which had been told of a flag it never passed).
 */
export function sqlJsMissing(option: string): string {
  return `${option} needs the optional dependency sql.js: npm install sql.js`;
}

/** What `triage --db` says when sql.js is not installed. */
export const SQL_JS_MISSING = sqlJsMissing('--db');

/**
 * The run history, loaded (and sql.js with it) only by a run that records one. sql.js is an optional dependency,
 * 30 MB installed: without it (`npm install --omit=optional`) every other command and option works, and `option`
 * (`--db`, `runTriage: db`) is this one-line UsageError, not Node's ERR_MODULE_NOT_FOUND with a stack. `load` is for
 * tests.
 */
export async function loadHistory(option: string, load: () => Promise<HistoryModule> = () => import('./db.js')): Promise<HistoryModule> {
  try {
    return await load();
  } catch (err) {
    if (isSqlJsMissing(err)) throw new UsageError(sqlJsMissing(option));
    throw err;
  }
}

/** Node's error for an import of a package that is not installed, naming sql.js: "Cannot find package 'sql.js' …". */
function isSqlJsMissing(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { code, message } = err as { code?: unknown; message?: unknown };
  return code === 'ERR_MODULE_NOT_FOUND' && typeof message === 'string' && /'sql\.js'/.test(message);
}
