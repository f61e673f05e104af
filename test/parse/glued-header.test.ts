import { ungluedHeader } from '../../src/parse/glued-header.js';

describe('ungluedHeader', () => {
  test('a report header after a login prompt takes the stamp and caller id it carries', () => {
    const rec = { lineNo: 15, text: 'syzkaller login: [  417.725670][    C1] rcu: INFO: rcu_sched self-detected stall on CPU' };
    expect(ungluedHeader(rec)).toEqual({
      lineNo: 15,
      text: 'rcu: INFO: rcu_sched self-detected stall on CPU',
      ts: 417.72567,
      caller: 'C1',
    });
  });

  test('a panic after shell output', () => {
    const rec = { lineNo: 2055, text: '/init: 384: .: [  271.403835] Kernel panic - not syncing: Attempted to kill init!' };
    expect(ungluedHeader(rec)).toMatchObject({ text: 'Kernel panic - not syncing: Attempted to kill init!', ts: 271.403835 });
  });

  test('ordinary glued text, stamped records and bare headers are left alone', () => {
    expect(ungluedHeader({ lineNo: 1, text: 'login: [   12.5] eth0: link up' })).toBeUndefined();
    expect(ungluedHeader({ lineNo: 1, text: 'x [ 1.0] Kernel panic - not syncing: y', ts: 2 })).toBeUndefined();
    expect(ungluedHeader({ lineNo: 1, text: 'Kernel panic - not syncing: y' })).toBeUndefined();
  });
});
