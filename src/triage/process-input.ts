import { Readable } from 'node:stream';
import type { ZipFile } from 'yauzl';
import { analyzeDecodedStream } from '../api.js';
import type { AnalysisResult } from '../analyze/types.js';
import { InputError } from '../errors.js';
import { openInput } from '../ingest/open-input.js';
import { decompress } from '../ingest/decompress.js';
import { DecompressBudget, DecompressLimitError, limitReason, limitSize } from '../ingest/size-limit.js';
import { CorruptMemberData, type ArchiveMember } from '../ingest/archive/archive-member.js';
import { sniffArchive } from '../ingest/archive/sniff-archive.js';
import { PeekableSource } from '../ingest/peekable-source.js';
import { readCapped } from '../ingest/archive/read-capped.js';
import { escapeMemberName } from '../ingest/archive/escape-member-name.js';
import { memberNameProblem } from '../ingest/archive/member-name-problem.js';
import type { InputTask } from './input-task.js';
import type { InputContext } from './input-context.js';
import type { Summary, SummaryIssue } from './summary-types.js';
import { summarizeIssues, summarizeLog } from './summarize-log.js';
import { SummaryFold } from './merge.js';
import { isInformationalNote } from '../analyze/analysis-notes.js';
import { binaryReason } from '../ingest/sniff-binary.js';
import { earlierOutputKind } from './earlier-output.js';
import { ReadInterrupted, unlessAborted, unlessAbortedReleasing, untilAborted } from '../until-aborted.js';
import { KernelLineWatch } from './kernel-line-watch.js';
import { notKernelLogReason } from './not-kernel-log.js';

const SNIFF_BYTES = 8192;

/**
 * Member times up to the start of 1980 say no time: a zip's DOS date 0 reads as 1979-11-30 (Go's zip writer leaves
 * it so), and reproducible tarballs carry 1970-01-01 (`--mtime=@0`). Such a member keeps its archive's time.
 */
const NO_MEMBER_TIME_BEFORE_MS = Date.UTC(1980, 0, 2);
const CORRUPT_ZIP = 'corrupt or truncated zip archive';
/** Top level is depth 0; members of an archive depth 1; members of an archive inside it depth 2. */
const MAX_ARCHIVE_DEPTH = 1;

export interface InputHooks {
  signal?: AbortSignal;
  onBytes?: (bytesRead: number) => void;
}

/** Where a content came from, when it is a top-level input opened here rather than an archive member. */
interface ContentOrigin {
  /** The path of the plain file holding the content, from which a zip is opened for random access. */
  zipFile?: string;
  /**
   * Lets the opened input hand its chunks over in reused buffers once the content is a log (the analyzer copies
   * what it keeps; an archive reader keeps chunks as they are).
   */
  recycle?: () => void;
}

/**
 * Analyses one top-level input — a plain or compressed log, or a tar/zip archive whose members are logs — and
 * returns the summary of it. Nothing is written to disk but per-log reports in the out dir; every problem
 * becomes an issue and the run goes on.
 */
export async function processInput(task: InputTask, ctx: InputContext, hooks: InputHooks = {}): Promise<Summary> {
  const run = new InputRun(task, ctx, hooks);
  await run.top();
  await run.judgeNotKernel();
  run.logs.push(summarizeIssues(run.issues));
  const summary = run.logs.result();
  summary.totals.inputs = 1;
  summary.totals.notKernelLogs = run.notKernelLogs;
  summary.interrupted = hooks.signal?.aborted ?? false;
  return summary;
}

class InputRun {
  /** The summary of each log read, folded in as it is read: an archive of 10,000 members holds their rows, no more. */
  readonly logs = new SummaryFold();
  readonly issues: SummaryIssue[] = [];
  /** Texts read that held no kernel line at all (not-kernel-log.ts): each also a skipped issue, none a log. */
  notKernelLogs = 0;
  /**
   * Texts with no kernel line, judged once the whole input is read: an archive member is found cut short only after
   * its text was analyzed, and a text read in part may have lost its kernel lines to the cut.
   */
  private readonly noKernelLine: { reason: string; result: AnalysisResult; identity: string }[] = [];
  /** --max-decompressed for the input's own stream (a .gz log, the tar of a .tar.gz). */
  private readonly outer: DecompressBudget;
  /**
   * --max-decompressed for what the archive's members decompress, all together (inflating zip members, gunzipping
   * .gz members): many members each under the limit must not add up past it.
   */
  private readonly budget: DecompressBudget;
  /** Members that needed decompressing, met once the budget was used up: not read. */
  private unreadAfterLimit = 0;
  /** Archive members met that are not directories: an archive that adds none holds no log at all. */
  private entriesMet = 0;
  /** The time the archive records for the member being read (--file-times), where it records one. */
  private memberTimeMs: number | undefined;

  constructor(
    private readonly task: InputTask,
    private readonly ctx: InputContext,
    private readonly hooks: InputHooks,
  ) {
    this.outer = new DecompressBudget(ctx.analyze.maxDecompressedBytes);
    this.budget = new DecompressBudget(ctx.analyze.maxDecompressedBytes);
  }

  async top(): Promise<void> {
    const name = this.task.display;
    try {
      // Opening a FIFO waits for its writer: Ctrl-C must not wait with it.
      const opened = await unlessAbortedReleasing(openInput(this.task.path, { budget: this.outer }), this.hooks.signal, (late) => late.close());
      if (opened === undefined) return;
      try {
        await this.content(opened.stream, name, 0, name, {
          ...(opened.regularFile && opened.compression === 'none' && { zipFile: this.task.path }),
          recycle: () => opened.recycleChunks(),
        });
      } finally {
        // A stop before or during the read leaves the file open under a stream no one reads on (or never read).
        opened.close();
      }
    } catch (err) {
      this.issue(name, 'error', err);
    }
  }

  /**
   * `identity`: what tells this content from any other of the run (the name, plus each archive member's position:
   * an archive may hold two members of one name), for --out's file names.
   */
  private async content(stream: NodeJS.ReadableStream, name: string, depth: number, identity: string, from: ContentOrigin = {}): Promise<void> {
    const { zipFile, recycle } = from;
    const source = new PeekableSource(stream, name);
    // A FIFO whose writer is idle holds the peek up; Ctrl-C must not wait for it.
    const peeked = await unlessAborted(source.peek(SNIFF_BYTES), this.hooks.signal);
    if (peeked === undefined) {
      source.replay().destroy();
      return;
    }
    const head = peeked.subarray(0, SNIFF_BYTES);
    const replay = source.replay();
    const format = sniffArchive(head);
    if (format && depth > MAX_ARCHIVE_DEPTH) {
      replay.destroy();
      return this.issue(name, 'skipped', `${format} archive nested more than one level deep`);
    }
    if (format === 'tar') return this.tar(replay, name, depth, identity);
    if (format === 'zip' && zipFile !== undefined) {
      replay.destroy();
      return this.zip((await zipReader()).openZipFile(zipFile), name, depth, identity);
    }
    if (format === 'zip') {
      const buffer = await readCapped(replay, this.ctx.maxBufferedZipBytes);
      if (!buffer) {
        const mib = this.ctx.maxBufferedZipBytes / (1024 * 1024);
        return this.issue(name, 'skipped', `zip inside another archive is larger than the ${mib} MiB random-access buffer`);
      }
      return this.zip((await zipReader()).openZipBuffer(buffer), name, depth, identity);
    }
    const binary = binaryReason(head);
    if (binary) {
      replay.destroy();
      return this.issue(name, 'skipped', binary);
    }
    const earlier = earlierOutputKind(head);
    if (earlier) {
      replay.destroy();
      return this.issue(name, 'skipped', `a vmemwarn ${earlier}, not a log (the output of an earlier run)`);
    }
    recycle?.();
    await this.analyze(replay, name, identity);
  }

  private async analyze(stream: NodeJS.ReadableStream, name: string, identity: string): Promise<void> {
    const { signal, onBytes } = this.hooks;
    const watch = new KernelLineWatch();
    const watched = watch.through(stream as AsyncIterable<Buffer>);
    const result = await analyzeDecodedStream(watched, { ...this.ctx.analyze, name, ...(signal && { signal }), ...(onBytes && { onBytes }) });
    if (result.interrupted) return;
    // A text with no kernel line (a README beside the logs): named, not counted as a log, so a clean log still is one.
    const notKernel = notKernelLogReason(result, watch.sawKernelLine());
    if (notKernel !== undefined) {
      this.noKernelLine.push({ reason: notKernel, result, identity });
      return;
    }
    await this.keep(result, identity);
  }

  /** The analysis of a log: its problems, its reports in --out, its summary. */
  private async keep(result: AnalysisResult, identity: string): Promise<void> {
    const name = result.source;
    if (result.inputError !== undefined) this.issues.push({ input: name, severity: 'error', reason: InputError.reasonOf(result.inputError, name) });
    // Splats or boots counted but not analyzed past a memory bound: a warning here, where no one reads the log's
    // own report.
    for (const note of result.warnings) if (!isInformationalNote(note)) this.issues.push({ input: name, severity: 'warning', reason: note });
    // The report model and renderers are loaded only for --out: a worker without it never needs them.
    const reports = this.ctx.outDir ? await this.writeReports(this.ctx.outDir, result, identity) : undefined;
    this.logs.push(summarizeLog(result, {
      input: this.task.display,
      ...(this.ctx.fileTimes && { fileTime: new Date(this.memberTimeMs ?? this.task.mtimeMs).toISOString() }),
      ...(reports && { reports }),
    }));
  }

  /**
   * Each text with no kernel line is a skipped issue, counted apart from the logs; one that an error names (a member
   * cut short) is a log after all, as any text read in part is.
   */
  async judgeNotKernel(): Promise<void> {
    for (const text of this.noKernelLine) {
      const name = text.result.source;
      if (this.issues.some((i) => i.input === name && i.severity === 'error')) {
        await this.keep(text.result, text.identity);
      } else {
        this.notKernelLogs += 1;
        this.issue(name, 'skipped', text.reason);
      }
    }
  }

  /** The log's reports in --out; a report that cannot be written is an error of its own, and the log still counts. */
  private async writeReports(outDir: string, result: AnalysisResult, identity: string): Promise<{ json: string; markdown: string } | undefined> {
    try {
      return await (await import('./out-dir.js')).writeLogReports(outDir, result, identity);
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      this.issue(result.source, 'error', `--out ${outDir}: cannot write this log's report: ${e.code ?? e.message}`);
      return undefined;
    }
  }

  private async tar(stream: NodeJS.ReadableStream, name: string, depth: number, identity: string): Promise<void> {
    const { tarMembers } = await import('../ingest/archive/tar-members.js');
    // A FIFO whose writer stalls mid-archive holds the next member back: Ctrl-C must not wait for it.
    await this.archive('tar', untilAborted(tarMembers(stream), this.hooks.signal), name, depth, identity, (err) => {
      if (err instanceof ReadInterrupted) return false;
      if (err instanceof DecompressLimitError) this.issue(name, 'error', `${InputError.reasonOf(err.message, name)}; the rest of the archive was not read`);
      else this.issue(name, 'error', err, 'corrupt or truncated tar archive');
      return true;
    });
  }

  /**
   * A zip is read from its central directory, at its end: a zip cut short fails to open at all, with yauzl's own words
   * (`Invalid comment length. Expected: 30745…`), which had been the whole reason; said as tar's is.
   */
  private async zip(opening: Promise<ZipFile>, name: string, depth: number, identity: string): Promise<void> {
    const zip = await opening.catch((err: unknown) => {
      this.issue(name, 'error', err, CORRUPT_ZIP);
      return undefined;
    });
    if (zip === undefined) return;
    const { zipMembers } = await zipReader();
    await this.archive('zip', zipMembers(zip), name, depth, identity, (err) => {
      this.issue(name, 'error', err, CORRUPT_ZIP);
      return true;
    });
  }

  /**
   * Reads each member of an archive in turn. `failed` says what a read error means for this format, and whether
   * the archive's closing issues still follow (not when Ctrl-C cut the read).
   */
  private async archive(
    format: 'tar' | 'zip',
    members: AsyncIterable<ArchiveMember>,
    name: string,
    depth: number,
    identity: string,
    failed: (err: unknown) => boolean,
  ): Promise<void> {
    let index = 0;
    const unreadBefore = this.unreadAfterLimit;
    const entriesBefore = this.entriesMet;
    try {
      for await (const member of members) {
        if (this.hooks.signal?.aborted) return;
        await this.member(member, name, depth, `${identity}:${member.name}#${index++}`);
      }
    } catch (err) {
      if (failed(err)) this.sayUnreadAfterLimit(name, this.unreadAfterLimit - unreadBefore);
      return;
    }
    this.sayUnreadAfterLimit(name, this.unreadAfterLimit - unreadBefore);
    this.sayIfNoEntries(name, format, entriesBefore);
  }

  private async member(member: ArchiveMember, archive: string, depth: number, identity: string): Promise<void> {
    const name = `${archive}:${escapeMemberName(member.name)}`;
    if (member.kind === 'directory') return;
    this.entriesMet += 1;
    const unsafe = memberNameProblem(member.name);
    if (unsafe) this.issues.push({ input: name, severity: 'warning', reason: `${unsafe}; read in memory only, never written` });
    if (member.kind === 'symlink' || member.kind === 'hardlink') {
      const target = member.linkTarget !== undefined ? ` -> ${escapeMemberName(member.linkTarget)}` : '';
      return this.issue(name, 'skipped', `${member.kind} member${target} (links are never followed)`);
    }
    if (member.kind === 'other') return this.issue(name, 'skipped', 'special member (device, FIFO or unknown type)');
    if (member.unreadable !== undefined) return this.issue(name, 'skipped', member.unreadable);
    if (member.encrypted) return this.issue(name, 'skipped', 'encrypted zip member');
    if (member.overlapping) return this.issue(name, 'skipped', "zip member whose data overlaps another member's (a zip bomb's trick)");
    if (member.unsupportedCompression !== undefined) {
      return this.issue(name, 'skipped', `zip compression method ${member.unsupportedCompression} is not supported (stored and deflate are)`);
    }
    if (!member.stream) return;
    const outerTimeMs = this.memberTimeMs;
    // --file-times: a member's own time, as the archive records it; CI artefacts are packed after the run.
    if (member.mtimeMs !== undefined && member.mtimeMs > NO_MEMBER_TIME_BEFORE_MS) this.memberTimeMs = member.mtimeMs;
    try {
      // yauzl hands deflated zip members over already inflated: inflating draws on the budget as a .gz's
      // decompression does (a member that inflates to what the analysis never sees, zeros after a .gz, is work all the
      // same). A tar member's bytes are stored as they are, like a plain file's.
      const inflated = member.inflated === true;
      const usedUp = this.budget.exhausted;
      if (usedUp && inflated) return this.leaveUnread(member.stream);
      const unpacked = inflated ? Readable.from(limitSize(member.stream, this.budget, name)) : member.stream;
      const { stream, compression } = await decompress(unpacked, name, { budget: this.budget });
      if (usedUp && compression !== 'none') return this.leaveUnread(stream);
      await this.content(stream, name, depth + 1, identity);
      const cut = member.failure?.();
      // A member cut by the limit of the archive's own stream: the archive's issue says so.
      if (cut !== undefined && !this.outer.exhausted) {
        this.issue(name, 'error', cut, cut instanceof CorruptMemberData ? undefined : 'cut short, analyzed up to the cut');
      }
    } catch (err) {
      this.issue(name, 'error', err);
    } finally {
      this.memberTimeMs = outerTimeMs;
    }
  }

  /** A member that needs decompressing, met once the budget is used up: counted, and said once per archive. */
  private leaveUnread(stream: NodeJS.ReadableStream & { destroy(): void }): void {
    stream.destroy();
    this.unreadAfterLimit += 1;
  }

  /** The members of `archive` left unread once its members' decompressed data reached the limit, said once. */
  private sayUnreadAfterLimit(archive: string, unread: number): void {
    if (unread === 0) return;
    const limit = limitReason(this.budget.maxBytes);
    const members = unread === 1 ? '1 member that needed decompressing was' : `${unread} members that needed decompressing were`;
    this.issue(archive, 'error', `${limit}; after it, ${members} not read`);
  }

  /**
   * An archive read to its end without a member other than directories holds no log: in CI that is an upload that
   * captured nothing, as an empty log is, and it must not pass for a clean one.
   */
  private sayIfNoEntries(archive: string, format: 'tar' | 'zip', entriesBefore: number): void {
    if (this.entriesMet === entriesBefore && !this.hooks.signal?.aborted) this.issue(archive, 'warning', `${format} archive holds no files`);
  }

  private issue(input: string, severity: SummaryIssue['severity'], reason: unknown, context?: string): void {
    const text = reason instanceof Error ? InputError.reasonOf(reason.message, input) : String(reason);
    this.issues.push({ input, severity, reason: context && reason instanceof Error ? `${context}: ${text}` : text });
  }
}

/** The archive readers (tar-stream, yauzl) are loaded by the first archive met, not by every worker. */
function zipReader(): Promise<typeof import('../ingest/archive/zip-members.js')> {
  return import('../ingest/archive/zip-members.js');
}
