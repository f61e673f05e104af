import { jest } from '@jest/globals';
import { InputError } from '../../src/errors.js';

// Tests run as root in CI containers, where a chmod 000 file stays readable: simulate the kernel's answer.
jest.unstable_mockModule('node:fs', () => {
  const denied = Object.assign(new Error("EACCES: permission denied, open '/var/log/secret.log'"), { code: 'EACCES' });
  const unexpected = () => {
    throw new Error('not reached: open fails first');
  };
  return {
    statSync: () => ({ isDirectory: () => false, isFile: () => true, size: 10 }),
    fstatSync: unexpected,
    openSync: () => {
      throw denied;
    },
    readSync: unexpected,
    closeSync: unexpected,
    writeSync: unexpected,
    constants: { O_WRONLY: 1, O_NONBLOCK: 0o4000 },
  };
});

const { openInput } = await import('../../src/ingest/open-input.js');

test('an unreadable file is an InputError naming it', async () => {
  const path = '/var/log/secret.log';
  await expect(openInput(path)).rejects.toThrow(new InputError(path, 'permission denied'));
});
