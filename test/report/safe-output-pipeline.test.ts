/**
 * Hostile log text through the real pipeline (analyzeText → buildReport → renderers): whatever a log prints must
 * come out inert in Markdown (rendered the way GitHub would: raw HTML on, bare URLs linked) and on a terminal.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzeText } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { renderText } from '../../src/report/render-text.js';
import { REPORT_TAGS, tagsIn } from './report-html.js';

const md = new MarkdownIt({ html: true, linkify: true });
const ESC = '\x1b';

/** samples/logs/plain-boot-6.6-unrelated-warning.log with attacks in the fields a report prints. */
function hostileLog(): string {
  const sample = readFileSync(path.resolve(process.cwd(), 'samples/logs/plain-boot-6.6-unrelated-warning.log'), 'utf8');
  return sample
    .replace('Comm: ', `Comm: ${ESC}]8;;http://evil.example/osc${ESC}\\click${ESC}]8;;${ESC}\\${ESC}[2J${ESC}[31m\x07\x08\x08\u009b2J`)
    .replace(
      /Hardware name: [^\n]*/,
      'Hardware name: <img src=x onerror=alert(2)> </details><script>alert(1)</script> @torvalds fixes #123 ' +
        'http://evil.example/h www.evil.example [l](http://evil.example/l) <http://evil.example/a> ```` ~~~ \u202eevil',
    )
    .replace(/Modules linked in: [^\n]*/, 'Modules linked in: evil(+) <b>bold</b> @someone GH-42 owner/repo#7 \x07');
}

describe('a hostile log through the whole pipeline', () => {
  let report: ReturnType<typeof buildReport>;
  beforeAll(async () => {
    const result = await analyzeText(hostileLog(), { name: `evil${ESC}[2J<img src=y>.log` });
    report = buildReport([result]);
  });

  test('the splat is still found (the attack text is in the report to be made safe)', () => {
    expect(report.inputs[0]!.clusters.map((c) => c.title)).toEqual(['WARNING in clk_core_disable']);
    expect(JSON.stringify(report)).toContain('@torvalds');
  });

  describe('Markdown', () => {
    let html: string;
    let outsideCode: string;
    beforeAll(() => {
      html = md.render(renderMarkdown(report));
      outsideCode = html.replace(/<pre>[\s\S]*?<\/pre>|<code[^>]*>[\s\S]*?<\/code>/g, '');
    });

    test('no raw HTML comes out live: only the tags the report itself uses', () => {
      expect(tagsIn(html).filter((t) => !REPORT_TAGS.includes(t))).toEqual([]);
      expect(html).not.toMatch(/<(script|img|b)[\s>]/i);
      expect(html.match(/<details>/g)?.length).toBe(html.match(/<\/details>/g)?.length);
    });

    test('no links, @mentions or issue refs outside code', () => {
      expect(html).not.toContain('<a ');
      for (const live of ['@torvalds', '@someone', '#123', 'GH-42', 'owner/repo#7', 'evil.example']) {
        expect(outsideCode).not.toContain(live);
      }
    });

    test('log text sits in a fenced block it cannot close: the whole splat is inside one <pre>', () => {
      const pre = [...html.matchAll(/<pre><code[^>]*>([\s\S]*?)<\/code><\/pre>/g)].map((m) => m[1]!);
      const example = pre.find((p) => p.includes('cut here'));
      expect(example).toBeDefined();
      expect(example).toContain('````');
      expect(example).toContain('end trace');
    });

    test('no terminal escapes or bidi overrides survive into the Markdown', () => {
      expect(renderMarkdown(report)).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
    });
  });

  describe.each([
    ['without colour', false],
    ['with colour', true],
  ])('text report %s', (_name, colour) => {
    let text: string;
    beforeAll(() => {
      text = renderText(report, { colour });
    });

    test('no control character from the log reaches the terminal (only the report\'s own SGR colours)', () => {
      const withoutOwnColour = text.replace(/\x1b\[[0-9;]*m/g, '');
      expect(withoutOwnColour).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/);
      if (!colour) expect(text).not.toContain(ESC);
    });

    test('the stripped or escaped text stays readable: BEL, BS and C1 CSI shown as escapes, the name escaped', () => {
      expect(text).toContain('\\x07');
      expect(text).toContain('\\x08');
      expect(text).toContain('\\x9b');
      expect(text).toContain('evil\\x1b[2J<img src=y>.log');
    });
  });
});
