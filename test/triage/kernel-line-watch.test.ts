import { isKernelLine, KernelLineWatch } from '../../src/triage/kernel-line-watch.js';

describe('isKernelLine', () => {
  test.each([
    ['[ 8101.123456] usb 1-1: new device'],
    ['<4>[    1.234000] x'],
    ['<6>usb 1-1: new device'],
    ['6,123,4567,-;usb 1-1: new device'],
    ['[T123] usb 1-1: new device'],
    ['[Mon May  1 10:00:00 2024] usb 1-1: new device'],
    ['[  +0.000123] usb 1-1: new device'],
    ['May  1 10:00:00 host kernel: usb 1-1: new device'],
    ['------------[ cut here ]------------'],
    ['Unable to handle kernel NULL pointer dereference at virtual address 0000000000000008'],
    ['Call trace:'],
    ['Linux version 6.6.33 (builder@host) (gcc 13.2.0) #1 SMP'],
  ])('%s is a kernel line', (line) => {
    expect(isKernelLine(line)).toBe(true);
  });

  test.each([
    ['# Logs of the nightly run'],
    ['| file | origin | kernel |'],
    ['Each WARNING or Oops is triaged; see the Linux version table below.'],
    ['May  1 10:00:00 host sshd[812]: Accepted publickey for ci'],
    ['2024-05-01T10:00:00Z make[1]: Entering directory'],
    [''],
  ])('%j is not', (line) => {
    expect(isKernelLine(line)).toBe(false);
  });
});

describe('KernelLineWatch', () => {
  const watched = (...chunks: (string | Buffer)[]) => {
    const watch = new KernelLineWatch();
    for (const c of chunks) watch.observe(c);
    return watch.sawKernelLine();
  };

  test('a stamp cut between two chunks is seen whole', () => {
    expect(watched('notes\n[ 81', '01.123456] usb 1-1: new device\n')).toBe(true);
  });

  test('the last line counts without a line break after it', () => {
    expect(watched('notes\n[ 8101.123456] usb')).toBe(true);
    expect(watched('notes\nmore notes')).toBe(false);
  });

  test('a line longer than a chunk is one line: its middle does not start a new one', () => {
    const filler = 'x'.repeat(70_000);
    expect(watched(`notes ${filler}`, '[ 8101.123456] not at a line start\n')).toBe(false);
    expect(watched(`notes ${filler}\n`, '[ 8101.123456] at a line start\n')).toBe(true);
  });

  test('bytes, not text: a multi-byte character cut between chunks loses no line', () => {
    const text = Buffer.from('µ notes\n[ 8101.123456] usb 1-1\n');
    expect(watched(text.subarray(0, 1), text.subarray(1))).toBe(true);
  });

  test('through: hands every chunk on unchanged and watches them', async () => {
    const watch = new KernelLineWatch();
    const chunks = [Buffer.from('notes\n'), Buffer.from('[ 8101.123456] usb\n')];
    const seen: Buffer[] = [];
    for await (const c of watch.through((async function* () { yield* chunks; })())) seen.push(c);
    expect(seen).toEqual(chunks);
    expect(watch.sawKernelLine()).toBe(true);
  });

  test('through: stopping the iteration stops the input at once, with a read still pending', async () => {
    let returned = false;
    const input: AsyncIterable<Buffer> = {
      [Symbol.asyncIterator]: () => ({
        next: () => new Promise<IteratorResult<Buffer>>(() => undefined),
        return: async () => {
          returned = true;
          return { done: true, value: undefined };
        },
      }),
    };
    const it = new KernelLineWatch().through(input)[Symbol.asyncIterator]();
    void it.next();
    await it.return?.();
    expect(returned).toBe(true);
  });
});
