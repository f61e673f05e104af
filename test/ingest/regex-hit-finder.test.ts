import { RegexHitFinder } from '../../src/ingest/regex-hit-finder.js';
import { TriggerPattern } from '../../src/ingest/trigger-pattern.js';

test('serves needle starts and quoted-printable markers in order, then the region end', () => {
  const finder = new RegexHitFinder(new TriggerPattern(['WARNING:', 'Oops']));
  const buf = Buffer.from('noise\nx WARNING: a\nsoft=\nOops=3D\ntail\n', 'latin1');
  const start = 6;
  finder.begin(buf, start, buf.length);
  const hits: number[] = [];
  for (let pos = start, hit = finder.next(pos); hit < buf.length; pos = hit + 1, hit = finder.next(pos)) hits.push(hit);
  const text = buf.toString('latin1');
  expect(hits).toEqual([text.indexOf('WARNING:'), text.indexOf('=\n'), text.indexOf('Oops'), text.indexOf('=3D')]);
  expect(finder.next(buf.length - 3)).toBe(buf.length);
});
