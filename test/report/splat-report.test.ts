import { registersReport, splatReport } from '../../src/report/splat-report.js';
import { bugSplat, vmemmapSplat } from './fixtures.js';

describe('splatReport', () => {
  const s = splatReport(vmemmapSplat());

  test('registers are hex strings in x29..x0 order, whatever order the parser stored them in', () => {
    expect(Object.keys(s.registers)).toEqual(['x29', 'x28', 'x27', 'x21', 'x2', 'x1', 'x0']);
    expect(s.registers['x0']).toBe('0xffffffffaee00000');
    expect(s.registers['x2']).toBe('0x0');
    expect(s.sp).toBe('0xffff80000a2b3c40');
  });

  test('who, where and how: site, pc/lr, taint raw and decoded, release, hardware, modules', () => {
    expect(s).toMatchObject({ kind: 'warning', cpu: 2, pid: 345, comm: 'modprobe', release: '6.1.0-test', build: '1', hardware: 'Test Board (DT)' });
    expect(s.site).toEqual({ func: 'vmemmap_populate', off: '0x30', size: '0x48', file: 'arch/arm64/mm/mmu.c', line: 1157 });
    expect(s.lr).toEqual({ func: '__populate_section_memmap', off: '0x5c', size: '0x88' });
    expect(s.taint).toEqual({ raw: 'G        W  O      ', flags: ['WARN', 'OOT_MODULE'] });
    expect(s.modules).toEqual(['nouveau(O)']);
    expect(s.pstate).toBe('80400009 (Nzcv daif +PAN -UAO -TCO -DIT -SSBS BTYPE=--)');
  });

  test("the example's lines with line numbers and timestamps", () => {
    expect(s.lines).toHaveLength(16);
    expect(s.lines[1]).toEqual({ lineNo: 61, text: s.header, ts: 100.061 });
    expect(s).toMatchObject({ firstLine: 60, lastLine: 75, bootIndex: 0 });
  });

  test('corrupted reason, unreliable frames with addresses, dropped lines; absent fields have no key', () => {
    const bug = splatReport(bugSplat());
    expect(bug.corrupted).toBe('no end marker before the log ended');
    expect(bug.frames[1]).toEqual({ func: 'vfs_read', addr: '0xffff800008123456', unreliable: true, lineNo: 206 });
    expect(bug.droppedLines).toBe(2);
    expect(bug.registers).toEqual({});
    expect(Object.keys(bug)).not.toEqual(expect.arrayContaining(['pid', 'taint', 'sp', 'modules']));
  });
});

test('registersReport shows negative-looking values as u64', () => {
  expect(registersReport(new Map([['x3', -1n]]))).toEqual({ x3: '0xffffffffffffffff' });
});
