import { PassThrough } from 'node:stream';
import { printError, type CliContext } from '../../src/cli/cli-context.js';

function context(): { ctx: CliContext; written: () => string } {
  const stderr = new PassThrough();
  const ctx: CliContext = { stderr, stdoutIsTTY: false, env: {}, signal: new AbortController().signal };
  return { ctx, written: () => String(stderr.read() ?? '') };
}

describe('printError', () => {
  test('one line, prefixed with the tool name', () => {
    const { ctx, written } = context();
    printError(ctx, 'a.log: truncated gzip data\n(analyzed up to line 3)');
    expect(written()).toBe('vmemwarn: a.log: truncated gzip data (analyzed up to line 3)\n');
  });

  test('a file name with terminal controls is printed with them escaped', () => {
    // A name from an untrusted directory: OSC title, BEL, clear screen, a C1 CSI and a right-to-left override.
    const { ctx, written } = context();
    printError(ctx, 'bad\x1b]0;TITLE\x07\x1b[2J\u009b31m\u202e.gz: truncated gzip data');
    expect(written()).toBe('vmemwarn: bad\\x1b]0;TITLE\\x07\\x1b[2J\\x9b31m\\u202e.gz: truncated gzip data\n');
  });
});
