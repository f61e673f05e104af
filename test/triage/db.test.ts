import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import initSqlJs from 'sql.js';
import { checkHistory, currentSchemaVersion, migrate, recordRun } from '../../src/triage/db.js';
import { DB_MIGRATIONS } from '../../src/triage/db-migrations.js';
import { summarizeLog } from '../../src/triage/summarize-log.js';
import { mergeSummaries } from '../../src/triage/merge.js';
import { EXIT, InputError } from '../../src/errors.js';
import { fakeResult } from './fake-result.js';

describe('history db', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-db-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  const runOf = (...logs: [string, string[]][]) =>
    mergeSummaries(logs.map(([name, ids]) => summarizeLog(fakeResult(name, ids.map((id) => ({ id, count: 1 }))), { input: name })));

  test('run sequence, first/last run and new-since-previous per cluster', async () => {
    const db = path.join(dir, 'history.sqlite');
    const first = await recordRun(db, runOf(['a.log', ['aaaa0001', 'bbbb0002']]));
    expect(first.run).toEqual({ sequence: 1 });
    expect(first.clusters.map((c) => [c.id, c.history])).toEqual([
      ['aaaa0001', { firstRun: 1, lastRun: 1, isNew: true }],
      ['bbbb0002', { firstRun: 1, lastRun: 1, isNew: true }],
    ]);
    const second = await recordRun(db, runOf(['a.log', ['aaaa0001', 'bbbb0002']]));
    expect(second.run).toEqual({ sequence: 2, previous: 1 });
    expect(second.clusters.every((c) => c.history?.isNew === false && c.history.firstRun === 1 && c.history.lastRun === 2)).toBe(true);
    const third = await recordRun(db, runOf(['a.log', ['aaaa0001']], ['b.log', ['cccc0003']]));
    expect(third.clusters.map((c) => [c.id, c.history?.isNew, c.history?.firstRun])).toEqual([
      ['aaaa0001', false, 1],
      ['cccc0003', true, 3],
    ]);
  });

  // Found by review: two runs at once both read the history, both took sequence 1, and the second write dropped the
  // first run.
  test('runs recording at once each get their own sequence, and both are kept', async () => {
    const db = path.join(dir, 'h.sqlite');
    const runs = await Promise.all([1, 2, 3].map((i) => recordRun(db, runOf([`log${i}`, [`c${i}`]]))));
    expect(runs.map((r) => r.run?.sequence).sort()).toEqual([1, 2, 3]);
    const after = await recordRun(db, runOf(['all', ['c1', 'c2', 'c3']]));
    expect(after.run?.sequence).toBe(4);
    expect(after.clusters.every((c) => c.history?.isNew === false)).toBe(true);
    await expect(readFile(`${db}.lock`)).rejects.toMatchObject({ code: 'ENOENT' });
  });

  test('wall-clock first/last seen accumulate across runs', async () => {
    const db = path.join(dir, 'h.sqlite');
    const at = (t: string) => summarizeLog(fakeResult('x.log', [{ id: 'aaaa0001', count: 1, firstWallTime: t, lastWallTime: t }]), { input: 'x.log' });
    await recordRun(db, at('2024-03-02T00:00:00.000Z'));
    const later = await recordRun(db, at('2024-03-05T00:00:00.000Z'));
    expect(later.clusters[0]?.history).toMatchObject({ firstSeen: '2024-03-02T00:00:00.000Z', lastSeen: '2024-03-05T00:00:00.000Z' });
  });

  test('first/last seen compare instants across runs whose logs print different UTC offsets', async () => {
    const db = path.join(dir, 'tz.sqlite');
    const at = (t: string) => summarizeLog(fakeResult('x.log', [{ id: 'aaaa0001', count: 1, firstWallTime: t, lastWallTime: t }]), { input: 'x.log' });
    // 09:00:00Z first, then 10:11:12+02:00 (08:11:12Z, earlier), then 10:30:00 with no offset (taken as UTC, latest).
    await recordRun(db, at('2023-05-02T09:00:00Z'));
    await recordRun(db, at('2023-05-02T10:11:12+02:00'));
    const third = await recordRun(db, at('2023-05-02T10:30:00'));
    expect(third.clusters[0]?.history).toMatchObject({ firstSeen: '2023-05-02T10:11:12+02:00', lastSeen: '2023-05-02T10:30:00' });
  });

  test('migrations run once and record the schema version', async () => {
    const SQL = await initSqlJs();
    const db = new SQL.Database();
    migrate(db);
    migrate(db);
    expect(currentSchemaVersion(db)).toBe(DB_MIGRATIONS.at(-1)?.version);
    expect(db.exec('SELECT COUNT(*) FROM schema_version')[0]?.values[0]?.[0]).toBe(DB_MIGRATIONS.length);
    db.run('INSERT INTO schema_version (version) VALUES (99)');
    expect(() => migrate(db)).toThrow(/newer/);
  });

  // Found by an adversarial run: the message named no file.
  test('a history of a newer schema is an input error naming the file', async () => {
    const SQL = await initSqlJs();
    const newer = new SQL.Database();
    migrate(newer);
    newer.run('INSERT INTO schema_version (version) VALUES (999)');
    const file = path.join(dir, 'newer.sqlite');
    await writeFile(file, newer.export());
    const err = await checkHistory(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toBe(`${file}: history db of schema version 999 is newer than this vmemwarn knows (${DB_MIGRATIONS.at(-1)?.version})`);
  });

  test('a file that is not SQLite is an input error (exit 3), naming the file', async () => {
    const db = path.join(dir, 'junk.sqlite');
    await writeFile(db, 'not a database at all, just some text that is long enough to have a header........');
    const err = await recordRun(db, runOf(['a.log', []])).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as InputError).exitCode).toBe(EXIT.input);
    expect((err as Error).message).toMatch(new RegExp(`^${db.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: not a SQLite database`));
  });

  test('a device or directory is refused before anything is read from it (/dev/zero never ends)', async () => {
    for (const db of ['/dev/zero', dir]) {
      const err = await recordRun(db, runOf(['a.log', []])).catch((e: unknown) => e);
      expect(err).toEqual(new InputError(db, 'cannot read history db: not a regular file'));
    }
  });
});

describe('checkHistory', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-db-check-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('another program\'s SQLite database (a runs table of its own) is an input error naming the file, not an internal one', async () => {
    const SQL = await initSqlJs();
    const other = new SQL.Database();
    other.run('CREATE TABLE runs (x)');
    const db = path.join(dir, 'other.sqlite');
    await writeFile(db, other.export());
    other.close();
    const err = await checkHistory(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(InputError);
    expect((err as Error).message).toMatch(/: not a vmemwarn history db: /);
    // recordRun says the same, rather than 'internal error: table runs already exists'.
    await expect(recordRun(db, mergeSummaries([summarizeLog(fakeResult('a.log', []), { input: 'a.log' })]))).rejects.toThrow(InputError);
  });

  test('a missing file is fine (the run creates it), and nothing is written by the check', async () => {
    const db = path.join(dir, 'new.sqlite');
    await expect(checkHistory(db)).resolves.toBeUndefined();
    await expect(readFile(db)).rejects.toThrow();
  });
});
