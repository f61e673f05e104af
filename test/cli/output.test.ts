import { jest } from '@jest/globals';
import * as realFs from 'node:fs/promises';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EXIT, OutputError, UsageError } from '../../src/errors.js';

/**
 * The real file system, except where a test plants a fault: tests run as root, for whom access(W_OK) never fails,
 * and an error without an errno code cannot be made with a real file.
 */
const faults: { access?: (p: string) => Promise<void>; stat?: (p: string) => Promise<never> | undefined; writeFile?: () => Promise<void> } = {};
jest.unstable_mockModule('node:fs/promises', () => ({
  ...realFs,
  access: (...args: Parameters<typeof realFs.access>) => (faults.access ? faults.access(String(args[0])) : realFs.access(...args)),
  stat: (...args: Parameters<typeof realFs.stat>) => faults.stat?.(String(args[0])) ?? realFs.stat(...args),
  writeFile: (...args: Parameters<typeof realFs.writeFile>) => (faults.writeFile ? faults.writeFile() : realFs.writeFile(...args)),
}));

const { checkOutputDir, checkOutputPath, writeOutput, StdoutClosedError } = await import('../../src/cli/output.js');

function errno(code: string | undefined, message = `${code ?? 'no code'}: planted`): NodeJS.ErrnoException {
  return Object.assign(new Error(message), code === undefined ? {} : { code });
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'vmemwarn-output-'));
});
afterEach(async () => {
  delete faults.access;
  delete faults.stat;
  delete faults.writeFile;
  await rm(dir, { recursive: true, force: true });
});

describe('checkOutputPath of a file that is there but takes no write (read-only, immutable)', () => {
  test('is a usage error now, naming the flag', async () => {
    const file = path.join(dir, 'history.sqlite');
    await writeFile(file, '');
    faults.access = (p) => (p === file ? Promise.reject(errno('EPERM')) : realFs.access(p));
    await expect(checkOutputPath(file, '--db')).rejects.toThrow(new UsageError(`--db ${file}: cannot write to it (EPERM)`));
  });
});

describe('checkOutputDir', () => {
  test('a directory that is there, or one to create under a writable one', async () => {
    await expect(checkOutputDir(dir, '--out')).resolves.toBeUndefined();
    await expect(checkOutputDir(path.join(dir, 'a', 'b'), '--out')).resolves.toBeUndefined();
  });

  test('a file in the way, at the path or above it', async () => {
    const file = path.join(dir, 'f');
    await writeFile(file, '');
    await expect(checkOutputDir(file, '--out')).rejects.toThrow(new UsageError(`--out ${file}: ${file} is not a directory`));
    await expect(checkOutputDir(path.join(file, 'sub'), '--out')).rejects.toThrow(new UsageError(`--out ${path.join(file, 'sub')}: ${file} is not a directory`));
  });

  test('the nearest directory that is there takes no write', async () => {
    faults.access = () => Promise.reject(errno('EACCES'));
    await expect(checkOutputDir(path.join(dir, 'new'), '--out')).rejects.toThrow(new UsageError(`--out ${path.join(dir, 'new')}: cannot write to ${dir} (EACCES)`));
  });
});

describe('checkOutputPath', () => {
  test.each([undefined, '-'])('%p means stdout: nothing to check', async (p) => {
    // Even a file system where nothing is writable does not matter.
    faults.access = () => Promise.reject(errno('EACCES'));
    await expect(checkOutputPath(p)).resolves.toBeUndefined();
  });

  test('a new file in a writable directory', async () => {
    await expect(checkOutputPath(path.join(dir, 'report.md'))).resolves.toBeUndefined();
  });

  test('an existing file is overwritten later: fine', async () => {
    const file = path.join(dir, 'old-report.txt');
    await writeFile(file, 'old');
    await expect(checkOutputPath(file)).resolves.toBeUndefined();
  });

  // Found by an adversarial run: `analyze x.log -o x.log` replaced the log with its report.
  test('a file that is also an input, by any path to it; other inputs and stdin are fine', async () => {
    const log = path.join(dir, 'boot.log');
    await writeFile(log, 'log');
    const other = path.join(dir, 'other.log');
    await writeFile(other, 'log');
    const viaDots = path.join(dir, '.', 'boot.log');
    await expect(checkOutputPath(log, '--output', ['-', undefined, other, viaDots])).rejects.toThrow(
      new UsageError(`--output ${log}: is also an input (${viaDots}), which writing there would overwrite`),
    );
    await expect(checkOutputPath(log, '--db', ['-', other, path.join(dir, 'missing.log')])).resolves.toBeUndefined();
  });

  test('an existing directory', async () => {
    const sub = path.join(dir, 'reports');
    await mkdir(sub);
    await expect(checkOutputPath(sub)).rejects.toThrow(new UsageError(`--output ${sub}: is a directory`));
  });

  test('a parent that is a file', async () => {
    const file = path.join(dir, 'plain.txt');
    await writeFile(file, '');
    const out = path.join(file, 'report.md');
    await expect(checkOutputPath(out)).rejects.toThrow(new UsageError(`--output ${out}: ${file} is not a directory`));
  });

  test('a parent that does not exist', async () => {
    const missing = path.join(dir, 'no', 'such');
    const out = path.join(missing, 'report.md');
    await expect(checkOutputPath(out)).rejects.toThrow(new UsageError(`--output ${out}: directory ${missing} does not exist`));
  });

  test('a relative path is named as given, its directory as an absolute path', async () => {
    const missing = path.join(dir, 'gone');
    const out = path.relative(process.cwd(), path.join(missing, 'r.json'));
    expect(path.isAbsolute(out)).toBe(false);
    await expect(checkOutputPath(out)).rejects.toThrow(new UsageError(`--output ${out}: directory ${missing} does not exist`));
  });

  test('a directory that cannot be written to names the errno', async () => {
    faults.access = () => Promise.reject(errno('EACCES'));
    const out = path.join(dir, 'report.md');
    await expect(checkOutputPath(out)).rejects.toThrow(new UsageError(`--output ${out}: cannot write to ${dir} (EACCES)`));
  });

  test('a failure without an errno code', async () => {
    // The target's stat fails as for a new file; the directory's fails with no code at all.
    faults.stat = (p) => Promise.reject(p === dir ? errno(undefined) : errno('ENOENT'));
    const out = path.join(dir, 'report.md');
    await expect(checkOutputPath(out)).rejects.toThrow(new UsageError(`--output ${out}: cannot write to ${dir} (error)`));
  });

  test('errors are UsageErrors (exit 2)', async () => {
    const err = await checkOutputPath(path.join(dir, 'x', 'y')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UsageError);
    expect((err as UsageError).exitCode).toBe(2);
  });
});

describe('writeOutput to a file', () => {
  test('writes the text exactly, replacing what was there', async () => {
    const file = path.join(dir, 'report.txt');
    await writeFile(file, 'an older and longer report\n');
    const text = 'vmemwarn report\n\u00e9\u2192 two lines\n';
    await writeOutput(text, file);
    expect(await readFile(file, 'utf8')).toBe(text);
  });

  test('nothing goes to stdout', async () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      await writeOutput('to file', path.join(dir, 'r.txt'));
      expect(write).not.toHaveBeenCalled();
    } finally {
      write.mockRestore();
    }
  });

  test('pieces are written in order, as one text', async () => {
    const file = path.join(dir, 'report.json');
    await writeOutput(['{\n', '  "a": "\u00e9\u2192"\n', '}\n'], file);
    expect(await readFile(file, 'utf8')).toBe('{\n  "a": "\u00e9\u2192"\n}\n');
  });

  test('a failed write is an OutputError (exit 3, not a usage error) with the errno code', async () => {
    // Writing to a directory fails with EISDIR.
    const err = await writeOutput('x', dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OutputError);
    expect((err as OutputError).exitCode).toBe(EXIT.input);
    expect((err as Error).message).toBe(`--output ${dir}: cannot write the report (EISDIR)`);
    const out = path.join(dir, 'missing', 'r.txt');
    await expect(writeOutput('x', out)).rejects.toThrow(new OutputError(`--output ${out}: cannot write the report (ENOENT)`));
  });

  test('a failed write without a code gives the message', async () => {
    faults.writeFile = () => Promise.reject(new Error('disk on fire'));
    const out = path.join(dir, 'r.txt');
    await expect(writeOutput('x', out)).rejects.toThrow(new OutputError(`--output ${out}: cannot write the report (disk on fire)`));
  });
});

describe('writeOutput to stdout', () => {
  type WriteCallback = (err?: Error | null) => void;
  /** Replaces stdout's write; `answer` decides what happens to the callback. */
  function fakeStdout(answer: (done: WriteCallback) => void): { chunks: string[]; restore: () => void } {
    const chunks: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const done = rest.find((arg): arg is WriteCallback => typeof arg === 'function');
      if (done) answer(done);
      return true;
    }) as typeof process.stdout.write);
    return { chunks, restore: () => spy.mockRestore() };
  }

  test.each([undefined, '-'])('path %p: the text once, and the error listener is removed after', async (p) => {
    const listeners = process.stdout.listenerCount('error');
    const out = fakeStdout((done) => done());
    try {
      await writeOutput('report text\n', p);
      expect(out.chunks).toEqual(['report text\n']);
      expect(process.stdout.listenerCount('error')).toBe(listeners);
    } finally {
      out.restore();
    }
  });

  test.each(['EPIPE', 'ERR_STREAM_DESTROYED'])('a write that fails with %s: stdout closed', async (code) => {
    const out = fakeStdout((done) => done(errno(code)));
    try {
      const err = await writeOutput('x', undefined).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StdoutClosedError);
      expect((err as Error).message).toBe('stdout closed');
    } finally {
      out.restore();
    }
  });

  test('another write error (a full disk behind a redirect) is an OutputError, exit 3', async () => {
    const eio = errno('EIO');
    const out = fakeStdout((done) => done(eio));
    try {
      await expect(writeOutput('x', '-')).rejects.toThrow(new OutputError('stdout: cannot write the report (EIO)'));
    } finally {
      out.restore();
    }
  });

  test('an EPIPE error event before the write completes: stdout closed', async () => {
    const listeners = process.stdout.listenerCount('error');
    // The callback never comes; the stream reports the closed pipe as an event instead.
    const out = fakeStdout(() => queueMicrotask(() => process.stdout.emit('error', errno('EPIPE'))));
    try {
      await expect(writeOutput('x', undefined)).rejects.toBeInstanceOf(StdoutClosedError);
      // `once`: the listener is gone after firing.
      expect(process.stdout.listenerCount('error')).toBe(listeners);
    } finally {
      out.restore();
    }
  });

  test('pieces: each written once the one before is through, each asked for only then', async () => {
    const listeners = process.stdout.listenerCount('error');
    const pending: WriteCallback[] = [];
    const out = fakeStdout((done) => pending.push(done));
    const asked: string[] = [];
    function* pieces(): Generator<string> {
      for (const piece of ['head\n', 'one\n', 'two\n']) {
        asked.push(piece);
        yield piece;
      }
    }
    try {
      const written = writeOutput(pieces(), undefined);
      expect(out.chunks).toEqual(['head\n']);
      expect(asked).toEqual(['head\n']);
      pending.shift()!();
      expect(out.chunks).toEqual(['head\n', 'one\n']);
      pending.shift()!();
      pending.shift()!();
      await written;
      expect(out.chunks).toEqual(['head\n', 'one\n', 'two\n']);
      expect(process.stdout.listenerCount('error')).toBe(listeners);
    } finally {
      out.restore();
    }
  });

  test('pieces: a closed stdout stops the writing, and no further piece is made', async () => {
    const listeners = process.stdout.listenerCount('error');
    let calls = 0;
    const out = fakeStdout((done) => (++calls === 2 ? done(errno('EPIPE')) : done()));
    let made = 0;
    function* pieces(): Generator<string> {
      for (;;) {
        made++;
        yield `piece ${made}\n`;
      }
    }
    try {
      await expect(writeOutput(pieces(), '-')).rejects.toBeInstanceOf(StdoutClosedError);
      expect(made).toBe(2);
      expect(process.stdout.listenerCount('error')).toBe(listeners);
    } finally {
      out.restore();
    }
  });

  test('pieces: one that cannot be made ends the write with its error', async () => {
    const listeners = process.stdout.listenerCount('error');
    const out = fakeStdout((done) => done());
    function* pieces(): Generator<string> {
      yield 'head\n';
      throw new Error('no such piece');
    }
    try {
      await expect(writeOutput(pieces(), undefined)).rejects.toThrow('no such piece');
      expect(out.chunks).toEqual(['head\n']);
      expect(process.stdout.listenerCount('error')).toBe(listeners);
    } finally {
      out.restore();
    }
  });

  test('StdoutClosedError is no UsageError (main.ts exits quietly on it)', () => {
    expect(new StdoutClosedError('stdout closed')).not.toBeInstanceOf(UsageError);
    expect(new StdoutClosedError('stdout closed')).toBeInstanceOf(Error);
  });
});
