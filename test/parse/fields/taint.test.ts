import { decodeTaint, parseTaintNamesLine, TAINT_FLAGS } from '../../../src/parse/fields/taint.js';

describe('decodeTaint', () => {
  test.each([
    ['Not tainted', []],
    ['G        W  O', ['WARN', 'OOT_MODULE']],
    ['G    BU', ['BAD_PAGE', 'USER']],
    ['P      D    O', ['PROPRIETARY_MODULE', 'DIE', 'OOT_MODULE']],
    ['G             L', ['SOFTLOCKUP']],
  ])('%j → %j', (raw, flags) => {
    expect(decodeTaint(raw)).toEqual({ raw, flags });
  });

  test('the table has the 19 letters of kernel/panic.c taint_flags and no G', () => {
    expect(Object.keys(TAINT_FLAGS).join('')).toBe('PFSRMBUDAWCIOELKXTN');
    expect(TAINT_FLAGS.G).toBeUndefined();
  });
});

describe('parseTaintNamesLine', () => {
  test('reads the 6.10+ `Tainted: [W]=WARN, [O]=OOT_MODULE` line', () => {
    expect(parseTaintNamesLine('Tainted: [W]=WARN, [O]=OOT_MODULE')).toEqual(['WARN', 'OOT_MODULE']);
    expect(parseTaintNamesLine('Tainted: [L]=SOFTLOCKUP')).toEqual(['SOFTLOCKUP']);
  });

  test('ignores the CPU line form', () => {
    expect(parseTaintNamesLine('Tainted: G        W')).toBeUndefined();
  });
});
