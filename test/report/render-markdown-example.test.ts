import MarkdownIt from 'markdown-it';
import { buildReport } from '../../src/report/model.js';
import { renderMarkdownExample } from '../../src/report/render-markdown-example.js';
import { MARKDOWN_CAPS } from '../../src/report/render-markdown.js';
import { armResult, TOOL } from './fixtures.js';

const md = new MarkdownIt({ html: true, linkify: true });

test('a collapsed block whose summary names the splat and whose fence keeps every line', () => {
  const c = buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[1]!;
  const markdown = renderMarkdownExample(c, MARKDOWN_CAPS.example).join('\n');
  expect(markdown).toContain(
    '<details><summary>Example splat: <code>BUG: unable to handle kernel paging request in foo_read</code> ' +
      '(lines 200-206, boot 0, corrupted: no end marker before the log ended)</summary>',
  );
  const html = md.render(markdown);
  expect(html).toContain(
    '<pre><code class="language-text">Unable to handle kernel paging request at virtual address dead000000000108\n' +
      ' foo_read+0x1c/0x200 [foo]\n ? vfs_read+0x0/0x100\n[2 more lines not kept]\n</code></pre>\n</details>',
  );
});

test('a title from the log sits in a code element: markup escaped, a name in it copied as it is', () => {
  const c = buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[1]!;
  const titled = { ...c, example: { ...c.example, title: 'WARNING in foo_@bar</summary><b>x' } };
  const summary = renderMarkdownExample(titled, MARKDOWN_CAPS.example)[1];
  expect(summary).toBe(
    '<details><summary>Example splat: <code>WARNING in foo_@bar&lt;/summary&gt;&lt;b&gt;x</code> ' +
      '(lines 200-206, boot 0, corrupted: no end marker before the log ended)</summary>',
  );
  expect(summary).not.toContain('\u200d');
});
