import { stripAnsi } from '../../src/parse/prefix-ansi.js';

describe('stripAnsi', () => {
  test.each([
    // kernelci-logspec__linux_boot_008_arm64_mt8186-steelix_6.13.0_LAVA.txt
    ['SGR reset around coreboot text', '\x1b[0m[INFO ]  SF: Detected 00 0000\x1b[0m', '[INFO ]  SF: Detected 00 0000'],
    ['SGR with parameters', '==\x1b[1;32mDQS 1\x1b[m ==', '==DQS 1 =='],
    ['OSC title', '\x1b]0;ttyUSB0\x07login:', 'login:'],
    // buildkite/agent: fmt.Sprintf("\x1b_bk;t=%d\x07", milliseconds) at the start of every line.
    ['APC time stamp (Buildkite)', '\x1b_bk;t=1764163201123\x07[   14.200024] WARNING: x', '[   14.200024] WARNING: x'],
    ['APC ended by ST', '\x1b_bk;t=1\x1b\\x', 'x'],
    ['DCS', '\x1bP1$r0m\x1b\\x', 'x'],
    ['reset, charset and a lone ESC at a cut', '\x1bc\x1b(Breset\x1b', 'reset'],
    ['no escape', '[    1.000000] x', '[    1.000000] x'],
  ])('%s', (_name, line, text) => {
    expect(stripAnsi(line)).toBe(text);
  });
});
