import { stat } from 'node:fs/promises';
import { readBounded } from '../ingest/read-bounded.js';
import initSqlJs from 'sql.js';
import type { Database } from 'sql.js';
import { InputError } from '../errors.js';
import type { ClusterHistory, Summary, SummaryCluster } from './summary-types.js';
import { DB_MIGRATIONS } from './db-migrations.js';
import { LockAbortedError, LockTimeoutError, withFileLock } from './file-lock.js';
import { earliestWallTime, latestWallTime } from './wall-time-order.js';
import { replaceFile } from '../util/replace-file.js';

/**
 * Records a run in the SQLite history at `dbPath` (created when missing; sql.js runs in memory, so the file is
 * loaded first and written back atomically after) and returns the summary with the run's sequence number and
 * each cluster's history: first/last run it was seen in and whether it is new since the runs before. `signal` stops
 * a wait for another run's lock (the run is then not recorded).
 */
export async function recordRun(dbPath: string, summary: Summary, signal?: AbortSignal): Promise<Summary> {
  try {
    return await withFileLock(`${dbPath}.lock`, () => recordRunLocked(dbPath, summary), signal === undefined ? {} : { signal });
  } catch (err) {
    if (err instanceof LockAbortedError) throw new InputError(dbPath, `the run was not recorded: stopped while another run held ${dbPath}.lock`);
    if (!(err instanceof LockTimeoutError)) throw err;
    throw new InputError(dbPath, `cannot record the run: the history is ${err.message} (remove ${dbPath}.lock if none is going on)`);
  }
}

async function recordRunLocked(dbPath: string, summary: Summary): Promise<Summary> {
  const db = await openHistory(dbPath);
  try {
    migrateHistory(db, dbPath);
    const previous = scalar(db, 'SELECT MAX(seq) FROM runs');
    const sequence = (previous ?? 0) + 1;
    db.run('INSERT INTO runs (seq, inputs, logs, interrupted, generated_at) VALUES (?, ?, ?, ?, ?)', [
      sequence, summary.totals.inputs, summary.totals.logs, summary.interrupted ? 1 : 0, summary.generatedAt ?? null,
    ]);
    const clusters = summary.clusters.map((c) => ({ ...c, history: recordCluster(db, c, sequence) }));
    await saveHistory(db, dbPath);
    return { ...summary, clusters, run: previous === undefined ? { sequence } : { sequence, previous } };
  } finally {
    db.close();
  }
}

/**
 * Opens and migrates the history at `dbPath` in memory and looks at its tables, writing nothing: a file that cannot
 * be a vmemwarn history is an InputError before any log is analysed, not after.
 */
export async function checkHistory(dbPath: string): Promise<void> {
  const db = await openHistory(dbPath);
  try {
    migrateHistory(db, dbPath);
  } finally {
    db.close();
  }
}

/** migrate, plus a look at the tables recordRun uses: SQL errors there mean another program's database. */
function migrateHistory(db: Database, dbPath: string): void {
  try {
    migrate(db);
    for (const table of ['runs', 'clusters', 'cluster_runs']) db.exec(`SELECT * FROM ${table} LIMIT 0`);
    scalar(db, 'SELECT MAX(seq) FROM runs');
    scalar(db, 'SELECT MIN(run_seq) FROM cluster_runs');
    db.exec('SELECT first_seen, last_seen FROM clusters LIMIT 0');
  } catch (err) {
    if (err instanceof InputError) throw err;
    if (err instanceof NewerHistory) throw new InputError(dbPath, err.message);
    throw new InputError(dbPath, `not a vmemwarn history db: ${(err as Error).message}`);
  }
}

export function currentSchemaVersion(db: Database): number {
  return scalar(db, 'SELECT MAX(version) FROM schema_version') ?? 0;
}

/** A history written by a newer vmemwarn: said as such, with the file's name, not as another program's database. */
class NewerHistory extends Error {}

export function migrate(db: Database): void {
  db.run('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const have = currentSchemaVersion(db);
  const newest = DB_MIGRATIONS.at(-1)?.version ?? 0;
  if (have > newest) throw new NewerHistory(`history db of schema version ${have} is newer than this vmemwarn knows (${newest})`);
  for (const m of DB_MIGRATIONS.filter((m) => m.version > have)) {
    db.run('BEGIN');
    db.run(m.sql);
    db.run('INSERT INTO schema_version (version) VALUES (?)', [m.version]);
    db.run('COMMIT');
  }
}

function recordCluster(db: Database, c: SummaryCluster, sequence: number): ClusterHistory {
  const firstRun = scalar(db, 'SELECT MIN(run_seq) FROM cluster_runs WHERE cluster_id = ?', [c.id]);
  // Compared here, not in SQL: stamps with different UTC offsets do not sort as strings (wall-time-order.ts).
  const before = db.exec('SELECT first_seen, last_seen FROM clusters WHERE id = ?', [c.id])[0]?.values[0];
  const firstSeen = earliestWallTime(stringOrUndefined(before?.[0]), c.firstSeen);
  const lastSeen = latestWallTime(stringOrUndefined(before?.[1]), c.lastSeen);
  db.run(
    `INSERT INTO clusters (id, kind, title, first_seen, last_seen) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET first_seen = excluded.first_seen, last_seen = excluded.last_seen`,
    [c.id, c.kind, c.title, firstSeen ?? null, lastSeen ?? null],
  );
  db.run('INSERT INTO cluster_runs (cluster_id, run_seq, count, logs) VALUES (?, ?, ?, ?)', [c.id, sequence, c.count, c.logs]);
  const history: ClusterHistory = { firstRun: firstRun ?? sequence, lastRun: sequence, isNew: firstRun === undefined };
  if (firstSeen !== undefined) history.firstSeen = firstSeen;
  if (lastSeen !== undefined) history.lastSeen = lastSeen;
  return history;
}

function stringOrUndefined(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

/** sql.js holds the whole database in memory: a history past this is not one this tool wrote (or needs pruning). */
const MAX_DB_BYTES = 1024 ** 3;

async function openHistory(dbPath: string): Promise<Database> {
  const SQL = await initSqlJs();
  let bytes: Buffer | undefined;
  try {
    // It is written back by a rename: a device or FIFO there was never a database of ours.
    if (!(await stat(dbPath)).isFile()) throw new InputError(dbPath, 'cannot read history db: not a regular file');
    bytes = await readBounded(dbPath, MAX_DB_BYTES);
  } catch (err) {
    if (err instanceof InputError) throw err;
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw new InputError(dbPath, `cannot read history db: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  const db = new SQL.Database(bytes);
  try {
    // sql.js reads the header lazily: the first query is what finds out the file is not a database.
    db.exec('SELECT COUNT(*) FROM sqlite_master');
    return db;
  } catch (err) {
    db.close();
    throw new InputError(dbPath, `not a SQLite database: ${(err as Error).message}`);
  }
}

async function saveHistory(db: Database, dbPath: string): Promise<void> {
  await replaceFile(dbPath, db.export());
}

function scalar(db: Database, sql: string, params: (string | number)[] = []): number | undefined {
  const value = db.exec(sql, params)[0]?.values[0]?.[0];
  return typeof value === 'number' ? value : undefined;
}
