import { PassThrough } from 'node:stream';
import { createSpinner } from '../../src/cli/spinner.js';

// chalk (behind ora, imported on the first createSpinner) decides its colour level from the environment when it loads.
process.env.FORCE_COLOR = '1';

function fakeTerminal(): PassThrough & { isTTY: true; columns: number } {
  return Object.assign(new PassThrough(), { isTTY: true as const, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
}

describe('createSpinner', () => {
  const savedCi = process.env.CI;
  afterEach(() => {
    if (savedCi === undefined) delete process.env.CI;
    else process.env.CI = savedCi;
  });

  test('with CI=false it draws the spinner the caller asked for, not the static line ora prints for a CI run', async () => {
    process.env.CI = 'false';
    const stream = fakeTerminal();
    const spinner = (await createSpinner(stream)).start('reading');
    spinner.stop();
    const out = String(stream.read());
    expect(out).toContain('reading');
    expect(out).not.toMatch(/^- reading\n/m);
    // A drawn spinner clears its line when it stops.
    expect(out).toContain('\x1b[');
  });

  test('it does not start until asked', async () => {
    const stream = fakeTerminal();
    const spinner = await createSpinner(stream);
    expect(spinner.isSpinning).toBe(false);
    expect(stream.read()).toBeNull();
  });
});

describe('createSpinner colour', () => {
  test('colour: false (NO_COLOR) draws the spinner frame without an SGR colour', async () => {
    const plain = fakeTerminal();
    const s = (await createSpinner(plain, { colour: false })).start('reading');
    s.stop();
    expect(String(plain.read())).not.toMatch(/\x1b\[3\dm/);
  });

  test('by default the frame is coloured', async () => {
    const coloured = fakeTerminal();
    const s = (await createSpinner(coloured)).start('reading');
    s.stop();
    expect(String(coloured.read())).toMatch(/\x1b\[36m/);
  });
});
