import { EXIT, InputError } from '../src/errors.js';

describe('InputError', () => {
  test('names its input in the message and exits 3', () => {
    const err = new InputError('logs/a.gz', 'corrupt gzip data');
    expect(err.message).toBe('logs/a.gz: corrupt gzip data');
    expect(err.exitCode).toBe(EXIT.input);
  });

  test('reasonOf takes the input name off a message that starts with it, and only that', () => {
    expect(InputError.reasonOf('logs/a.gz: corrupt gzip data', 'logs/a.gz')).toBe('corrupt gzip data');
    expect(InputError.reasonOf('logs/b.gz: corrupt gzip data', 'logs/a.gz')).toBe('logs/b.gz: corrupt gzip data');
    expect(InputError.reasonOf('logs/a.gzx: no such file', 'logs/a.gz')).toBe('logs/a.gzx: no such file');
  });
});
