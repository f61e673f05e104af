import { distinctTitles } from '../../src/report/distinct-titles.js';

const cluster = (kind: string, title: string, ...rest: string[]) => ({ kind, title, signature: [kind, title, ...rest].join(' | ') });

describe('distinctTitles', () => {
  test('a title no other cluster has is shown as it is', () => {
    expect(distinctTitles([cluster('warning', 'WARNING in f', 'g', 'h'), cluster('oops', 'BUG: x in f', 'g')])).toEqual(['WARNING in f', 'BUG: x in f']);
  });

  // Two `WARNING in corrupted` rows from different WARN_ONs had differed only in their ids.
  test('clusters that share a title are told apart by the site or frames their signatures key on', () => {
    const titles = distinctTitles([
      cluster('warning', 'WARNING in corrupted', 'at net/ipv6/xfrm6_tunnel.c'),
      cluster('warning', 'WARNING in corrupted', 'at arch/x86/include/asm/fpu/internal.h'),
      cluster('warning', 'WARNING in f', 'g', 'h'),
      cluster('warning', 'WARNING in f', 'k'),
    ]);
    expect(titles).toEqual([
      'WARNING in corrupted (at net/ipv6/xfrm6_tunnel.c)',
      'WARNING in corrupted (at arch/x86/include/asm/fpu/internal.h)',
      'WARNING in f (via g, h)',
      'WARNING in f (via k)',
    ]);
  });

  // Found by a review: two Oopses in amdgpu_dm_atomic_commit_tail_really_long_name_one and _two had the same row.
  test('titles cut alike though they differ keep their ends, at the same length', () => {
    const clip = (t: string) => (t.length <= 20 ? t : `${t.slice(0, 19)}…`);
    const titles = distinctTitles(
      [cluster('oops', 'BUG: NULL pointer dereference in commit_tail_one'), cluster('oops', 'BUG: NULL pointer dereference in commit_tail_two'),
        cluster('oops', 'BUG: NULL pointer dereference in a'), cluster('warning', 'WARNING in a long function name')],
      clip,
    );
    // Ten code points of head, the ellipsis, nine of tail: 20 as the clip gives.
    expect(titles).toEqual(['BUG: NULL …_tail_one', 'BUG: NULL …_tail_two', 'BUG: NULL …ence in a', 'WARNING in a long f…']);
    expect(titles.map((t) => t.length)).toEqual([20, 20, 20, 20]);
  });

  test('the signature is read past the normalized title (digits are NUM there)', () => {
    const c = (frame: string) => ({ kind: 'warning', title: 'WARNING in f (3)', signature: `warning | WARNING in f (NUM) | ${frame}` });
    expect(distinctTitles([c('g'), c('h')])).toEqual(['WARNING in f (3) (via g)', 'WARNING in f (3) (via h)']);
  });

  test('the clip cuts the title; the part that tells rows apart stays', () => {
    const long = `WARNING in ${'x'.repeat(100)}`;
    const titles = distinctTitles([cluster('warning', long, 'g'), cluster('warning', long, 'h')], (t) => t.slice(0, 20));
    expect(titles).toEqual([`${long.slice(0, 20)} (via g)`, `${long.slice(0, 20)} (via h)`]);
  });

  test('a signature of another shape adds nothing', () => {
    expect(distinctTitles([{ kind: 'warning', title: 'T', signature: 'other' }, { kind: 'warning', title: 'T', signature: 'else' }])).toEqual(['T', 'T']);
  });
});
