import { PassThrough } from 'node:stream';
import { noColor, noteTerminalStdin, printError, progressEnabled, spinnerEnabled, tableColumns, textWidth, useColour, type CliContext } from '../../src/cli/cli-context.js';

function context(): { ctx: CliContext; written: () => string } {
  const stderr = new PassThrough();
  const ctx: CliContext = { stderr, stdoutIsTTY: false, env: {}, signal: new AbortController().signal };
  return { ctx, written: () => String(stderr.read() ?? '') };
}

describe('printError', () => {
  test('one line, prefixed with the tool name', () => {
    const { ctx, written } = context();
    printError(ctx, 'a.log: truncated gzip data (analyzed up to line 3)');
    expect(written()).toBe('vmemwarn: a.log: truncated gzip data (analyzed up to line 3)\n');
  });

  test('Found by a review: a line break in a file name is escaped, as the text report shows it, not made a space', () => {
    const { ctx, written } = context();
    printError(ctx, 'logs/bad-new\nline.log.gz: truncated gzip data');
    printError(ctx, 'logs/bad-cr\rhide.log.gz: truncated gzip data');
    expect(written()).toBe('vmemwarn: logs/bad-new\\x0aline.log.gz: truncated gzip data\nvmemwarn: logs/bad-cr\\x0dhide.log.gz: truncated gzip data\n');
  });

  test('a file name with terminal controls is printed with them escaped', () => {
    // A name from an untrusted directory: OSC title, BEL, clear screen, a C1 CSI and a right-to-left override.
    const { ctx, written } = context();
    printError(ctx, 'bad\x1b]0;TITLE\x07\x1b[2J\u009b31m\u202e.gz: truncated gzip data');
    expect(written()).toBe('vmemwarn: bad\\x1b]0;TITLE\\x07\\x1b[2J\\x9b31m\\u202e.gz: truncated gzip data\n');
  });
});

describe('noteTerminalStdin', () => {
  test('says how to end input typed at a terminal, unless quiet', () => {
    const { ctx, written } = context();
    noteTerminalStdin({ ...ctx, stdinIsTTY: true }, 'the log', undefined);
    expect(written()).toBe('vmemwarn: reading the log from the terminal: end it with Ctrl-D, or name a file instead\n');
    noteTerminalStdin({ ...ctx, stdinIsTTY: true }, 'the log', true);
    expect(written()).toBe('');
  });

  test('nothing when stdin is a pipe or a file, or not known', () => {
    const { ctx, written } = context();
    noteTerminalStdin({ ...ctx, stdinIsTTY: false }, 'the log', false);
    noteTerminalStdin(ctx, 'a list of paths', false);
    expect(written()).toBe('');
  });
});

describe('progressEnabled', () => {
  const on = (stderr: object, env: NodeJS.ProcessEnv = {}, quiet?: boolean) =>
    progressEnabled({ stderr: Object.assign(new PassThrough(), stderr), stdoutIsTTY: false, env, signal: new AbortController().signal }, quiet);

  test('a terminal of some width, outside CI, without --quiet', () => {
    expect(on({ isTTY: true, columns: 80 })).toBe(true);
    expect(on({ isTTY: true, columns: 80 }, { CI: 'true' })).toBe(false);
    expect(on({ isTTY: true, columns: 80 }, {}, true)).toBe(false);
    expect(on({ isTTY: false, columns: 80 })).toBe(false);
  });

  test('not on a terminal that reports 0 columns (ora would clear lines without end)', () => {
    expect(on({ isTTY: true, columns: 0 })).toBe(false);
  });
});

describe('useColour and noColor', () => {
  const ctx = (env: NodeJS.ProcessEnv): CliContext => ({ stderr: new PassThrough(), stdoutIsTTY: true, env, signal: new AbortController().signal });

  test('NO_COLOR turns colour off only with a value (no-color.org); an empty one does not', () => {
    expect(useColour(ctx({}), undefined)).toBe(true);
    expect(useColour(ctx({ NO_COLOR: '1' }), undefined)).toBe(false);
    expect(useColour(ctx({ NO_COLOR: '' }), undefined)).toBe(true);
    expect(noColor(ctx({ NO_COLOR: '' }))).toBe(false);
    expect(noColor(ctx({ NO_COLOR: '0' }))).toBe(true);
  });

  test('--color and --no-color win over NO_COLOR and TERM=dumb', () => {
    expect(useColour(ctx({ NO_COLOR: '1' }), true)).toBe(true);
    expect(useColour(ctx({ TERM: 'dumb' }), false)).toBe(false);
    expect(useColour(ctx({ TERM: 'dumb' }), undefined)).toBe(false);
  });
});

/** A context whose stdout is a terminal of `stdoutColumns` or not one. */
const stdoutContext = (stdoutIsTTY: boolean, stdoutColumns?: number): CliContext => ({
  stderr: new PassThrough(),
  stdoutIsTTY,
  ...(stdoutColumns !== undefined && { stdoutColumns }),
  env: {},
  signal: new AbortController().signal,
});

describe('textWidth', () => {
  const ctx = stdoutContext;
  test('a terminal\'s width, kept between 60 and 100', () => {
    expect(textWidth(ctx(true, 80), false)).toBe(80);
    expect(textWidth(ctx(true, 40), false)).toBe(60);
    expect(textWidth(ctx(true, 200), false)).toBe(100);
  });

  test('none off a terminal or into a file: the report keeps its default', () => {
    expect(textWidth(ctx(false, 80), false)).toBeUndefined();
    expect(textWidth(ctx(true, 80), true)).toBeUndefined();
    expect(textWidth(ctx(true), false)).toBeUndefined();
  });
});

describe('tableColumns', () => {
  const ctx = stdoutContext;
  test('a terminal\'s width as it is, wide or down to 60', () => {
    expect(tableColumns(ctx(true, 237), false)).toBe(237);
    expect(tableColumns(ctx(true, 60), false)).toBe(60);
  });

  // Found by a review of the library API: renderSummaryText now refuses columns below renderText's minimum width.
  test('Found by a review: a terminal narrower than 60 columns gets 60, as the text report\'s prose does', () => {
    expect(tableColumns(ctx(true, 41), false)).toBe(60);
    expect(tableColumns(ctx(true, 41), false)).toBe(textWidth(ctx(true, 41), false));
  });

  test('none off a terminal, into a file, or on a terminal of no width (a pty with no size set)', () => {
    expect(tableColumns(ctx(false, 80), false)).toBeUndefined();
    expect(tableColumns(ctx(true, 80), true)).toBeUndefined();
    expect(tableColumns(ctx(true), false)).toBeUndefined();
    expect(tableColumns(ctx(true, 0), false)).toBeUndefined();
  });
});

// Found by a review of the CLI: `analyze` drew its spinner over the log being typed at the terminal.
describe('spinnerEnabled', () => {
  const ctx = (stdinIsTTY: boolean): CliContext => ({
    stderr: Object.assign(new PassThrough(), { isTTY: true, columns: 80 }),
    stdoutIsTTY: false,
    stdinIsTTY,
    env: {},
    signal: new AbortController().signal,
  });

  test('none while the log is read from stdin that is a terminal', () => {
    expect(spinnerEnabled(ctx(true), undefined, ['-'])).toBe(false);
    expect(spinnerEnabled(ctx(true), undefined, ['a.log', '-'])).toBe(false);
  });

  test('as progress otherwise: files alone, or stdin that is a pipe or file', () => {
    expect(spinnerEnabled(ctx(true), undefined, ['a.log'])).toBe(true);
    expect(spinnerEnabled(ctx(false), undefined, ['-'])).toBe(true);
    expect(spinnerEnabled(ctx(false), true, ['-'])).toBe(false);
  });
});
