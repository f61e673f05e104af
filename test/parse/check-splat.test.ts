import { checkSplat } from '../../src/parse/check-splat.js';

describe('checkSplat', () => {
  test('kind, title, frames and lines make a splat', () => {
    expect(() => checkSplat('signatureOf', { kind: 'warning', title: 'WARNING in f', frames: [], lines: [] })).not.toThrow();
  });

  test.each([[null], [{ kind: 'warning', title: 'WARNING in f', frames: [] }], ['WARNING in f']])('%p is a UsageError', (value) => {
    expect(() => checkSplat('signatureOf', value)).toThrow(/^signatureOf: splat must be a splat /);
  });
});
