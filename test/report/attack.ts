/** Log text written to break out of a Markdown or terminal report; every string is what a hostile log could print. */
import type { AnalysisResult } from '../../src/analyze/types.js';
import { armResult } from './fixtures.js';

export const ATTACKS = {
  script: '<script>alert(1)</script>',
  img: '<img src=x onerror=alert(2)>',
  closeDetails: '</details><b>out</b>',
  mention: '@torvalds please look',
  issue: 'fixes #123',
  url: 'see http://evil.example/x and www.evil.example',
  autolink: '<http://evil.example/auto>',
  link: '[click](http://evil.example/link) ![i](http://evil.example/i.png)',
  email: 'mail root@evil.example',
  emphasis: '**bold** _it_ ~~gone~~',
  pipe: 'a | b | c',
  fence: '```` closes? ```',
  heading: '# heading',
  list: '1. item',
  entity: '&lt;script&gt; &#60;b&#62;',
  escape: '\x1b]0;pwned\x07\x1b[31mred\x1b[0m\r\x9b2J\u202eevil',
} as const;

export const ATTACK_TEXT = Object.values(ATTACKS).join(' ');

/** The fixture result with attack text in every log-derived string a renderer prints. */
export function hostileResult(): AnalysisResult {
  const r = armResult();
  r.source = `evil ${ATTACKS.script}.log`;
  r.warnings = [ATTACK_TEXT];
  for (const c of r.clusters) {
    c.title = `WARNING in ${ATTACK_TEXT}`;
    c.example.title = c.title;
    c.example.comm = ATTACKS.escape;
    c.example.hardware = ATTACKS.img;
    c.example.corrupted = ATTACKS.closeDetails;
    c.example.lines.push(
      ...Object.values(ATTACKS).map((text, i) => ({ lineNo: 500 + i, text })),
      { lineNo: 600, text: ATTACK_TEXT },
    );
    for (const f of c.vmemmap) {
      f.diagnosis = ATTACK_TEXT;
      f.nextSteps = [ATTACK_TEXT];
      f.notes = [ATTACKS.link];
      f.driver = ATTACKS.mention;
      f.path = ATTACKS.url;
      f.layout!.release!.source.text = ATTACK_TEXT;
      f.layout!.assumptions = [ATTACKS.issue];
      f.example!.reason = ATTACKS.autolink;
    }
  }
  return r;
}
