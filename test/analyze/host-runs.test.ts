import fc from 'fast-check';
import { FUZZ_SEED, fuzzRuns } from '../fuzz/_fuzz-params.js';
import { HostRuns } from '../../src/analyze/host-runs.js';

const runs = (hosts: (string | undefined)[]) => {
  const r = new HostRuns();
  for (const h of hosts) r.note(h);
  return r;
};

// Found by a review of the log formats: a syslog or journal file of several hosts had been read as one machine's,
// silently.
describe('Found by a review: whether the records of several hosts interleave', () => {
  test.each([
    ['one host', ['a', 'a', undefined, 'a'], undefined],
    ['no host at all', [undefined, undefined], undefined],
    ['one host after another (concatenated logs, a host renamed at boot)', ['localhost', 'localhost', 'rock5b', 'rock5b'], undefined],
    ['two hosts taking turns', ['a', 'b', 'a'], ['a', 'b']],
    ['three, the first back last', ['a', 'b', 'b', 'c', 'a'], ['a', 'b', 'c']],
  ])('%s', (_name, hosts, interleaved) => {
    expect(runs(hosts)?.interleavedHosts).toEqual(interleaved);
  });

  test('more hosts than are tracked by name count as interleaved', () => {
    const many = runs(Array.from({ length: 65 }, (_, i) => `h${i}`));
    expect(many.interleavedHosts).toHaveLength(64);
  });

  test('a part that absorbs the later part says what one reading on would (property)', () => {
    const host = fc.constantFrom('a', 'b', 'c', undefined);
    fc.assert(
      fc.property(fc.array(host, { maxLength: 30 }), fc.nat(30), (hosts, cut) => {
        const early = runs(hosts.slice(0, cut));
        early.absorb(structuredClone(runs(hosts.slice(cut)).part()));
        expect(early.interleavedHosts).toEqual(runs(hosts).interleavedHosts);
        expect(early.part()).toEqual(runs(hosts).part());
      }),
      { seed: FUZZ_SEED, numRuns: fuzzRuns(500) },
    );
  });
});
