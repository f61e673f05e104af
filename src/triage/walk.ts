import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import path from 'node:path';
import type { InputTask } from './input-task.js';
import type { SummaryIssue } from './summary-types.js';
import { readInputList } from './input-list.js';
import { unlessAborted } from '../until-aborted.js';
import { UsageError } from '../errors.js';
import { NAME_NOT_UTF8, shownName, SYMLINK_NOT_FOLLOWED } from './entry-kind.js';
import { notRegularFile } from '../ingest/not-regular-file.js';
import { commonPrefix } from './common-directory.js';
import { mayReplace, type ReplaceableContent } from './replaceable-output.js';
import { inodeKey } from '../util/inode-key.js';

/** Directory entries looked up at once: enough to keep the thread pool busy, few enough for any directory. */
const STAT_BATCH = 64;

/** An entry's stats, or why it has none. */
type LookedUp = Stats | { skipped: string } | { error: string };

/**
 * `lookUp` of every item, STAT_BATCH at a time, and `take` of each in order with its result: one lookup at a time
 * waited a thread-pool round trip each (2,024 files: 70–107 ms of walking, 16–51 ms in batches). Once `signal`
 * aborts no item is taken and no batch looked up.
 */
async function lookUpInBatches<T, R>(
  items: readonly T[],
  lookUp: (item: T) => Promise<R>,
  take: (item: T, looked: R) => Promise<void> | void,
  signal: AbortSignal | undefined,
): Promise<void> {
  const stopped = (): boolean => signal?.aborted === true;
  for (let at = 0; at < items.length && !stopped(); at += STAT_BATCH) {
    const batch = items.slice(at, at + STAT_BATCH);
    const looked = await Promise.all(batch.map(lookUp));
    for (const [i, item] of batch.entries()) {
      if (stopped()) return;
      await take(item, looked[i]!);
    }
  }
}

/** A file or directory the run itself writes, left out of the walk; `what` says which (`--db`). */
export interface OwnOutput {
  path: string;
  what: string;
  /**
   * For a file the run replaces whole: what it must hold when a walk meets it, unless empty. Holding anything else
   * (a log, met in a folder being read) it is a UsageError before any log is read: the run would replace it.
   */
  holds?: ReplaceableContent;
}

export interface WalkOptions {
  followSymlinks?: boolean;
  /** What the run writes: a rerun must not read the output of the last one (a summary quotes splats). */
  ownOutputs?: readonly OwnOutput[];
  stdin?: NodeJS.ReadableStream;
  /**
   * Stops the walk (Ctrl-C): between entries, inside a glob's own walk, and while a path list on stdin whose writer
   * idles is awaited (the paths read are dropped). What was found by then is the result.
   */
  signal?: AbortSignal;
}

export interface WalkResult {
  /** Sorted by display name, each path once. */
  tasks: InputTask[];
  issues: SummaryIssue[];
  /** Each issue's path relative to its argument, as a task's `rel`: what picks its shard (shard.ts). */
  issueRels: string[];
}

/**
 * Expands command-line inputs into files: directories recursively (sorted), globs via tinyglobby, `-` as a
 * path list on stdin. Inside a walk symlinks are skipped unless followed, loops are detected by device+inode
 * of the directories on the current path, and FIFOs, sockets and devices are skipped with a reason.
 */
export async function walkInputs(args: readonly string[], opts: WalkOptions = {}): Promise<WalkResult> {
  const walker = new Walker(opts, await ownOutputKeys(opts.ownOutputs ?? []));
  for (const arg of args) {
    if (opts.signal?.aborted === true) break;
    if (arg === '-') {
      const listed = await unlessAborted(readInputList(opts.stdin ?? process.stdin), opts.signal);
      if (listed?.length === 0) walker.emptyList();
      for (const item of listed ?? []) await walker.argument(item);
    } else {
      await walker.argument(arg);
    }
  }
  return walker.result();
}

class Walker {
  private readonly tasks = new Map<string, InputTask>();
  /** The file (device and inode) each task reads, and its task: one file is read once, under one name. */
  private readonly files = new Map<string, InputTask>();
  /** Resolved paths of the entries a walk reached through a symlink it followed. */
  private readonly viaLink = new Set<string>();
  private readonly issues: SummaryIssue[] = [];
  /** Each issue's path as met (its shard key is set once every named entry is known), or the key it keeps. */
  private readonly issuePaths: ({ path: string } | { rel: string })[] = [];
  /**
   * The directory each named entry lies in (or is, for a directory): what the shard keys are relative to, so that a
   * log shards alike however the entries above it were named (a directory, the shell's `logs/*`, a quoted glob).
   */
  private readonly holders: string[] = [];
  /** Entries other than directories met by the walks: a named directory under which there are none is said. */
  private entriesMet = 0;

  constructor(
    private readonly opts: WalkOptions,
    /** inodeKey of each own output that exists now, and what it is. */
    private readonly ownOutputs: ReadonlyMap<string, OwnOutput>,
  ) {}

  /** The argument being walked (a directory, a glob, an entry of the list on stdin), for a refusal to name. */
  private reading = '';

  async argument(arg: string): Promise<void> {
    this.reading = arg;
    let st: Stats;
    try {
      st = await stat(arg);
    } catch (err) {
      // tinyglobby is loaded only for an argument that names no file: most runs name files and directories.
      const globber = await import('tinyglobby');
      if (globber.isDynamicPattern(arg)) return this.globArgument(globber, arg);
      this.holders.push(path.dirname(path.resolve(arg)));
      return this.issue(arg, 'error', describeFsError(err));
    }
    // Named, it is no leftover met in a walk but the input itself (`triage logs --out logs`): skipping it would read nothing.
    const own = this.ownOutputs.get(inodeKey(st));
    if (own !== undefined) throw new UsageError(`${arg} is where this run writes ${own.what}: it cannot also be an input`);
    this.holders.push(st.isDirectory() ? path.resolve(arg) : path.dirname(path.resolve(arg)));
    if (st.isDirectory()) {
      const before = this.entriesMet;
      await this.directory(arg, [inodeKey(st)]);
      // An empty artifact folder read as a clean run would hide a job that uploaded nothing (a glob with no match is
      // an error): said, as an empty archive is.
      if (this.entriesMet === before && !this.stopped()) this.issue(arg, 'warning', 'directory holds no files');
      return;
    }
    // A named FIFO or device is opened like a file: the user asked for it explicitly.
    this.add({ path: arg, display: arg, rel: '', sizeBytes: st.size, mtimeMs: st.mtimeMs }, st);
  }

  /**
   * A path list on stdin that holds no path (`find` that matched nothing): said, as an empty directory is, not read as
   * a clean run. Keyed `-` for the shards: one of them lists it.
   */
  emptyList(): void {
    this.issue('-', 'warning', 'the list of paths on stdin holds no path', '-');
  }

  private async globArgument(globber: typeof import('tinyglobby'), pattern: string): Promise<void> {
    // A match is taken as if the shell had expanded the pattern and named it: a directory is walked.
    const matches = await globber.glob(pattern, {
      onlyFiles: false,
      followSymbolicLinks: !!this.opts.followSymlinks,
      expandDirectories: false,
      absolute: path.isAbsolute(pattern),
      ...(this.opts.signal && { signal: this.opts.signal }),
    });
    // Stopped part-way, the glob gave what it had met: too few to say what the pattern matched and left.
    if (this.stopped()) return;
    // Directories come back with a trailing `/`. One that lies inside another match (`logs/**` gives logs/ and each
    // directory under it) is walked with it, once, so nothing under it is listed twice.
    const dirs = new Set<string>();
    const all = matches.map((m) => {
      if (m.length <= 1 || !m.endsWith('/')) return m;
      const dir = m.slice(0, -1);
      dirs.add(dir);
      return dir;
    });
    const insideAnother = (m: string): boolean => {
      for (let at = path.dirname(m); at !== '.' && at !== path.dirname(at); at = path.dirname(at)) if (dirs.has(at)) return true;
      return false;
    };
    const named = all.filter((m) => !insideAnother(m)).sort();
    // Followed as a named path is (stat, not lstat); a FIFO or device it happens to match is skipped, not opened. A
    // name that is not UTF-8 came back mangled: globLeftovers lists it.
    const looked = (match: string): Promise<LookedUp | undefined> =>
      stat(match).catch((err: unknown) => (match.includes('\ufffd') ? undefined : { error: describeFsError(err) }));
    // Each match is a named entry, as if the shell had expanded the pattern: its logs shard as they would then.
    const take = (match: string, st: LookedUp | undefined): Promise<void> | undefined => {
      if (st === undefined) return undefined;
      this.holders.push('isDirectory' in st && st.isDirectory() ? path.resolve(match) : path.dirname(path.resolve(match)));
      return this.entry(match, st, []);
    };
    await lookUpInBatches(named, looked, take, this.opts.signal);
    const base = staticBase(pattern);
    if (this.stopped()) return;
    const rest = pattern.slice(base === '.' ? 0 : base.length).replace(/^\//, '');
    // tinyglobby gives `x/a.log` for `./x/*.log`: directories compare normalized.
    const matchedIn = all.map((m) => path.dirname(m));
    if (!rest.includes('/') || rest.startsWith('**')) matchedIn.push(path.normalize(base));
    // A directory the glob matched was walked, and the walk listed what it skipped; one above the pattern's fixed
    // part (`.` for the match `x` of `x/**`) is none of the pattern's.
    const underBase = (d: string): boolean => {
      const rel = path.relative(base, d);
      return rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel);
    };
    const unwalked = matchedIn.filter((d) => !dirs.has(d) && !insideAnother(d) && underBase(d));
    const lastSegment = pattern.split('/').at(-1) ?? pattern;
    const { globLeftovers } = await import('./glob-leftovers.js');
    const leftovers = await globLeftovers(unwalked, lastSegment, new Set(all), !!this.opts.followSymlinks);
    for (const left of leftovers) {
      this.holders.push(path.dirname(path.resolve(left.input)));
      this.issue(left.input, left.severity, left.reason);
    }
    if (matches.length === 0 && leftovers.length === 0) this.issue(pattern, 'error', 'no file matches the pattern', pattern);
  }

  private async directory(dir: string, ancestors: string[]): Promise<void> {
    if (this.stopped()) return;
    let raw: Buffer[];
    try {
      raw = await readdir(dir, { encoding: 'buffer' });
    } catch (err) {
      return this.issue(dir, 'error', describeFsError(err));
    }
    // A name that is not UTF-8 has no string that opens it again (the bytes become U+FFFD): said, not misreported as
    // missing.
    const names: string[] = [];
    for (const bytes of raw) {
      const shown = shownName(bytes);
      if (shown === undefined) names.push(bytes.toString('utf8'));
      else {
        this.entriesMet += 1;
        this.issue(path.join(dir, shown), 'skipped', NAME_NOT_UTF8);
      }
    }
    names.sort();
    await lookUpInBatches(
      names,
      (name) => this.lookUp(path.join(dir, name)),
      (name, looked) => this.entry(path.join(dir, name), looked, ancestors),
      this.opts.signal,
    );
  }

  /**
   * An own output met in the walk that holds something else than the run writes there (`triage 'logs/*' -o
   * logs/boot.log`, or `--db` a log in a folder being read): writing it would replace a log, which the walk had skipped
   * as the run's own output. Refused before any log is read; an earlier summary or history is written over as it should.
   */
  private async refuseToReplace(own: OwnOutput, full: string, st: Stats): Promise<void> {
    if (own.holds === undefined || !st.isFile() || (await mayReplace(full, st.size, own.holds))) return;
    throw new UsageError(
      `${own.path}, where this run writes ${own.what}, is in ${this.reading}, which this run reads, and holds no ${own.holds}: writing there would replace it (a log?); remove it or write elsewhere`,
    );
  }

  private stopped(): boolean {
    return this.opts.signal?.aborted === true;
  }

  /** The entry's own stats, or its target's when symlinks are followed; a string says why there are none. */
  private async lookUp(full: string): Promise<LookedUp> {
    try {
      const st = await lstat(full);
      if (!st.isSymbolicLink()) return st;
      if (!this.opts.followSymlinks) return { skipped: SYMLINK_NOT_FOLLOWED };
      const target = await stat(full);
      this.viaLink.add(path.resolve(full));
      return target;
    } catch (err) {
      return { error: describeFsError(err) };
    }
  }

  private async entry(full: string, looked: LookedUp, ancestors: string[]): Promise<void> {
    if (!('isDirectory' in looked && looked.isDirectory())) this.entriesMet += 1;
    if ('skipped' in looked) return this.issue(full, 'skipped', looked.skipped);
    if ('error' in looked) return this.issue(full, 'error', looked.error);
    const st = looked;
    const own = this.ownOutputs.get(inodeKey(st));
    if (own !== undefined) {
      await this.refuseToReplace(own, full, st);
      return this.issue(full, 'skipped', ownOutputReason(own.what));
    }
    if (st.isDirectory()) {
      const key = inodeKey(st);
      if (ancestors.includes(key)) {
        return this.issue(full, 'skipped', `symlink loop: leads back to ${await realpath(full).catch(() => full)}`);
      }
      return this.directory(full, [...ancestors, key]);
    }
    if (!st.isFile()) return this.issue(full, 'skipped', notRegularFile(st));
    this.add({ path: full, display: full, rel: '', sizeBytes: st.size, mtimeMs: st.mtimeMs }, st);
  }

  /**
   * The same path reached twice (a glob and a directory, a path on stdin) is analysed once, and so is the same file
   * (device and inode) under two names: a hard link and its target, or with symlinks followed a link and its target.
   * Which name is read does not depend on the order they came in (readsBefore), so that every machine of a sharded
   * run reads the file under one name, in one shard; the other is listed as skipped, naming it. Hard links had made
   * one file two logs (`triage src hl.log` for `ln src/a.log hl.log`), where `analyze` reads it once.
   */
  private add(task: InputTask, st: Stats): boolean {
    const key = path.resolve(task.path);
    if (this.tasks.has(key)) return false;
    if (st.ino !== 0) {
      const file = inodeKey(st);
      const first = this.files.get(file);
      if (first !== undefined) {
        const firstKey = path.resolve(first.path);
        if (!this.readsBefore(key, firstKey)) {
          this.issue(task.path, 'skipped', `the same file as ${first.display}`);
          return false;
        }
        this.tasks.delete(firstKey);
        this.issue(first.path, 'skipped', `the same file as ${task.display}`);
      }
      this.files.set(file, task);
    }
    this.tasks.set(key, task);
    return true;
  }

  /**
   * Of two names of one file (resolved paths), whether `a` is the one read: the file's own name before one a walk
   * reached through a followed symlink (a walk meets `links/` before `plain/`), then the smaller path. Every name lies
   * under the base the shard keys are relative to, so the smaller path is the smaller shard key on every machine.
   */
  private readsBefore(a: string, b: string): boolean {
    const aViaLink = this.viaLink.has(a);
    if (aViaLink !== this.viaLink.has(b)) return !aViaLink;
    return a < b;
  }

  /** `rel`: the shard key the issue keeps (a pattern that matched nothing); else it is its path's, as a task's. */
  private issue(input: string, severity: SummaryIssue['severity'], reason: string, rel?: string): void {
    this.issues.push({ input, severity, reason });
    this.issuePaths.push(rel === undefined ? { path: input } : { rel });
  }

  /**
   * The tasks, each keyed (`rel`) by its path from the deepest directory holding every named entry, and the issues
   * keyed alike: `jobs/*\/dmesg.txt` expanded by the shell, or `logs/a logs/b`, shard as `triage jobs` or `triage logs`
   * does (the base name alone had put every `dmesg.txt` in one shard, and each directory argument had keyed its
   * files from itself). Where the tree lies (`/a/jobs` or `/b/jobs`) does not matter.
   */
  result(): WalkResult {
    const base = commonPrefix(this.holders.map((dir) => dir.split(path.sep))).join(path.sep) || path.sep;
    const relOf = (p: string): string => path.relative(base, path.resolve(p)).split(path.sep).join('/');
    const tasks = [...this.tasks.values()].sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));
    for (const task of tasks) task.rel = relOf(task.path);
    // A named directory that cannot be read is keyed by its name, not by '' (it is the base itself).
    const issueRels = this.issuePaths.map((at) => ('rel' in at ? at.rel : relOf(at.path) || path.basename(at.path)));
    return { tasks, issues: this.issues, issueRels };
  }
}

/** The leading directories of a glob pattern before its first segment with a wildcard: `logs/**\/*.gz` → `logs`. */
function staticBase(pattern: string): string {
  const segments = pattern.split('/');
  const fixed: string[] = [];
  for (const segment of segments.slice(0, -1)) {
    if (/[*?[\]{}()!+@]/.test(segment)) break;
    fixed.push(segment);
  }
  const base = fixed.join('/');
  return base === '' ? (pattern.startsWith('/') ? '/' : '.') : base;
}

/** The own outputs that exist, by identity: one met under another name (a symlink, `./x`) is still the same. */
async function ownOutputKeys(outputs: readonly OwnOutput[]): Promise<Map<string, OwnOutput>> {
  const keys = new Map<string, OwnOutput>();
  for (const o of outputs) {
    const st = await stat(o.path).catch(() => undefined);
    if (st !== undefined && st.ino !== 0) keys.set(inodeKey(st), o);
  }
  return keys;
}

function ownOutputReason(what: string): string {
  return `written by this run (${what}), not read as a log`;
}

function describeFsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    default:
      return e.message ?? String(err);
  }
}
