import { ARM64_DUMP_REGISTERS, missingRegisters, readRegisterPairs } from '../../../src/parse/fields/registers.js';

describe('readRegisterPairs', () => {
  test('two arm64 registers per line (before 6.1)', () => {
    expect(readRegisterPairs('x29: ffff0000401f7c40 x28: 0000000000000007 ')).toEqual({
      regs: [
        { name: 'x29', value: 0xffff_0000_401f_7c40n },
        { name: 'x28', value: 7n },
      ],
      garbled: [],
    });
  });

  test('three per line with the padded single-digit names', () => {
    const line = readRegisterPairs('x11: 000000000000008e x10: ffff80000d260994 x9 : 0000000000000000');
    expect(line?.regs.map((r) => r.name)).toEqual(['x11', 'x10', 'x9']);
  });

  test('arm32 and riscv register names', () => {
    expect(readRegisterPairs('r10: 80117ea8  r9 : 00000000  r8 : 000b0028')?.regs).toHaveLength(3);
    expect(readRegisterPairs(' gp : ffffffe006c38208 tp : ffffffe009bb16c0 t0 : 0000000000000000')?.regs).toHaveLength(3);
  });

  test('a garbled value is reported, not guessed', () => {
    expect(readRegisterPairs('x5 : ffff00zz401e8000 x4 : ffffa00011e69e68')).toEqual({
      regs: [{ name: 'x4', value: 0xffff_a000_11e6_9e68n }],
      garbled: ['x5'],
    });
  });

  test('lines without a clean pair are not register lines', () => {
    expect(readRegisterPairs('x86: Booting SMP configuration:')).toBeUndefined();
    expect(readRegisterPairs('Call trace:')).toBeUndefined();
  });

  test('a complete arm64 dump is x0..x29', () => {
    expect(ARM64_DUMP_REGISTERS).toHaveLength(30);
    expect(ARM64_DUMP_REGISTERS[29]).toBe('x29');
  });
});

describe('missingRegisters', () => {
  test('an arm64 dump cut after x26 misses x0..x25', () => {
    const regs = new Map([['x29', 1n], ['x28', 2n], ['x27', 3n], ['x26', 4n]]);
    expect(missingRegisters(regs, new Set())).toEqual(ARM64_DUMP_REGISTERS.slice(0, 26));
  });

  test('garbled registers are missing; non-arm64 dumps are not checked for x0..x29', () => {
    expect(missingRegisters(new Map([['r0', 0n]]), new Set(['r1']))).toEqual(['r1']);
    const full = new Map(ARM64_DUMP_REGISTERS.map((name) => [name, 0n] as [string, bigint]));
    expect(missingRegisters(full, new Set())).toEqual([]);
    const cut = new Map([['x29', 1n], ['x28', 2n]]);
    expect(missingRegisters(cut, new Set(['x5', 'x28']))).toEqual(['x5', ...ARM64_DUMP_REGISTERS.slice(0, 5), ...ARM64_DUMP_REGISTERS.slice(6, 28)]);
  });
});
