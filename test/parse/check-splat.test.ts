import { checkSplat } from '../../src/parse/check-splat.js';
import { UsageError } from '../../src/errors.js';
import { isVmemmapSplat } from '../../src/analyze/vmemmap/is-vmemmap-splat.js';
import { readRegisters } from '../../src/analyze/vmemmap/read-registers.js';
import { signatureOf } from '../../src/analyze/signature.js';

const SPLAT = { kind: 'warning', title: 'WARNING in f', site: {}, regs: new Map(), frames: [], lines: [] };

describe('checkSplat', () => {
  test('kind, title, site, regs, frames and lines make a splat', () => {
    expect(() => checkSplat('signatureOf', SPLAT)).not.toThrow();
  });

  test('a structured clone (its Map of another realm under jest) is a splat too', () => {
    expect(() => checkSplat('signatureOf', structuredClone(SPLAT))).not.toThrow();
  });

  test.each([[null], [{ kind: 'warning', title: 'WARNING in f', frames: [] }], ['WARNING in f']])('%p is a UsageError', (value) => {
    expect(() => checkSplat('signatureOf', value)).toThrow(/^signatureOf: splat must be a splat /);
  });
});

// Found by a review of the library API: a splat without its registers or its site, or with a frame of null, passed
// the check and was then a raw TypeError from inside (`Cannot read properties of undefined (reading 'get')` in
// readRegisters, `reading 'file'` in isVmemmapSplat, `reading 'lineNo'` in signatureOf).
describe('Found by a review: a splat without its site, its registers or whole frames is refused', () => {
  const { site: _site, ...noSite } = SPLAT;
  const { regs: _regs, ...noRegs } = SPLAT;
  test.each([
    ['isVmemmapSplat, no regs', () => isVmemmapSplat(noRegs as never), /^isVmemmapSplat: splat must be a splat .*, not an object with keys kind, title, site, frames, lines$/],
    ['isVmemmapSplat, no site', () => isVmemmapSplat(noSite as never), /^isVmemmapSplat: splat must be a splat/],
    ['readRegisters, no regs', () => readRegisters(noRegs as never), /^readRegisters: splat must be a splat/],
    ['readRegisters, regs as an object', () => readRegisters({ ...SPLAT, regs: { x0: 1n } } as never), /^readRegisters: splat must be a splat/],
    ['signatureOf, a frame of null', () => signatureOf({ ...SPLAT, frames: [null] } as never), /^signatureOf: splat must be a splat/],
  ])('%s', (_what, call, message) => {
    expect(call).toThrow(UsageError);
    expect(call).toThrow(message);
  });
});
