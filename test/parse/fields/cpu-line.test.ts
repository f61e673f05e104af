import { parseCpuLine } from '../../../src/parse/fields/cpu-line.js';

describe('parseCpuLine', () => {
  test('classic form with taint flags, release and build', () => {
    expect(parseCpuLine('CPU: 0 PID: 452 Comm: modprobe Tainted: G        W  O      6.1.0 #1')).toEqual({
      cpu: 0,
      pid: 452,
      comm: 'modprobe',
      taint: { raw: 'G        W  O', flags: ['WARN', 'OOT_MODULE'] },
      release: '6.1.0',
      build: '1',
    });
  });

  test('6.11+ UID field and trailing preemption model', () => {
    const line = parseCpuLine('CPU: 1 UID: 0 PID: 6051 Comm: syz.3.20 Not tainted 6.12.0-rc7-syzkaller #0 PREEMPT(full) ');
    expect(line).toMatchObject({ cpu: 1, pid: 6051, comm: 'syz.3.20', release: '6.12.0-rc7-syzkaller', build: '0' });
    expect(line?.taint).toEqual({ raw: 'Not tainted', flags: [] });
  });

  test('with a crash kernel loaded, the `Kdump: loaded` marker is not part of the comm', () => {
    // syzkaller report_316 (corpus): dump_stack_print_info() prints `Kdump: loaded ` before the taint.
    const line = parseCpuLine('CPU: 185 PID: 11718 Comm: dbus-daemon Kdump: loaded Tainted: G        W         4.20.0-rc2+ #4');
    expect(line).toMatchObject({ cpu: 185, pid: 11718, comm: 'dbus-daemon', release: '4.20.0-rc2+', build: '4' });
    expect(line?.taint.flags).toEqual(['WARN']);
  });

  test('comm with a slash and a release with an rc suffix', () => {
    expect(parseCpuLine('CPU: 0 PID: 126 Comm: kworker/u8:3 Not tainted 5.9.0-12994-gf9893351acae #15')).toMatchObject({
      comm: 'kworker/u8:3',
      release: '5.9.0-12994-gf9893351acae',
      build: '15',
    });
  });

  test('2.6 form without PID', () => {
    expect(parseCpuLine('CPU: 0    Not tainted  (2.6.32-17-ridgerun #22)')).toEqual({
      cpu: 0,
      taint: { raw: 'Not tainted', flags: [] },
      release: '2.6.32-17-ridgerun',
      build: '22',
    });
  });

  test('other lines are not CPU lines', () => {
    expect(parseCpuLine('CPU features: detected: GIC system register CPU interface')).toBeUndefined();
    expect(parseCpuLine('CPU1: stopping')).toBeUndefined();
  });

  test('a line read again gives the same answer, in objects of its own', () => {
    const text = 'CPU: 2 PID: 381 Comm: modprobe Tainted: G        W          6.1.0 #1';
    const first = parseCpuLine(text)!;
    first.taint.flags.push('CHANGED');
    first.taint.raw = 'changed';
    first.comm = 'changed';
    const again = parseCpuLine(`${text}`);
    expect(again).toEqual({ cpu: 2, pid: 381, comm: 'modprobe', taint: { raw: 'G        W', flags: ['WARN'] }, release: '6.1.0', build: '1' });
    expect(parseCpuLine('CPU: 3 PID: 1 Comm: x Not tainted 6.1.0 #1')?.cpu).toBe(3);
    expect(parseCpuLine(text)?.cpu).toBe(2);
  });
});

// Real mails (Barry Song's 2021 arm64 report, a dri-devel amdgpu storm) had given release `W` at high confidence,
// and lost the WARN taint: the line ended at its flags, and the last one was taken for the release.
describe('a CPU line that ends at its taint flags', () => {
  test.each([
    ['CPU: 1 PID: 7 Comm: kworker/1:0 Tainted: G        W', 'G        W', ['WARN']],
    ['CPU: 1 PID: 7 Comm: kworker/1:0 Tainted: G        W  ', 'G        W', ['WARN']],
    ['CPU: 3 PID: 9 Comm: kunit_try_catch Tainted: G    B   W', 'G    B   W', ['BAD_PAGE', 'WARN']],
  ])('%j: no release, every flag kept', (text, raw, flags) => {
    const line = parseCpuLine(text);
    expect(line).toMatchObject({ cpu: expect.any(Number), pid: expect.any(Number), taint: { raw, flags } });
    expect(line?.release).toBeUndefined();
  });

  test('Not tainted and nothing after it: no release', () => {
    expect(parseCpuLine('CPU: 1 PID: 653 Comm: set_robust_list Not tainted')).toEqual({ cpu: 1, pid: 653, comm: 'set_robust_list', taint: { raw: 'Not tainted', flags: [] } });
  });

  test('a release after the flags is still read, whatever follows the build', () => {
    expect(parseCpuLine('CPU: 0 UID: 0 PID: 1 Comm: init Tainted: G        W          6.12.0 #1 PREEMPT(full)')).toMatchObject({
      taint: { raw: 'G        W', flags: ['WARN'] }, release: '6.12.0', build: '1',
    });
  });
});

test("syzbot's 2025 kernels: a release that is no version number", () => {
  expect(parseCpuLine('CPU: 1 UID: 0 PID: 17677 Comm: kworker/1:3 Not tainted syzkaller #0 PREEMPT(full) ')).toMatchObject({ release: 'syzkaller', build: '0' });
});

// An audit of the rule above: taking every capital letter, the flags had swallowed a release that starts with one.
test('a release that starts with a capital letter after the flags stays the release', () => {
  expect(parseCpuLine('CPU: 1 PID: 7 Comm: a Tainted: G  W  Custom-6.6.0 #1')).toMatchObject({
    taint: { raw: 'G  W', flags: ['WARN'] }, release: 'Custom-6.6.0', build: '1',
  });
});

test('flags set side by side are one column each (syzkaller report 45, 3.18)', () => {
  expect(parseCpuLine('CPU: 2 PID: 12170 Comm: syz-executor Tainted: G    BU         3.18.0 #78')).toMatchObject({
    taint: { raw: 'G    BU', flags: ['BAD_PAGE', 'USER'] }, release: '3.18.0', build: '78',
  });
});
