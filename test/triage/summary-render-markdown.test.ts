import MarkdownIt from 'markdown-it';
import { renderSummaryMarkdown } from '../../src/triage/summary-render-markdown.js';
import { hugeSummary, sampleSummary } from './sample-summary.js';

describe('renderSummaryMarkdown', () => {
  const md = renderSummaryMarkdown(sampleSummary());
  const html = new MarkdownIt().render(md);

  test('a table row per cluster and the vmemmap hull', () => {
    expect(md).toMatch(/^\| `aaaa0001` \| warning \| 3 \| 1 \|/m);
    expect(html).toContain('struct page 0xfffffbfff0000000-0xfffffc0000400000, below-window');
    expect(html).toContain('<table>');
  });

  test('hostile titles and names render as text, not HTML', () => {
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
    expect(md).not.toContain('\x1b');
    expect(html).toContain('bad&lt;&amp;&gt;.gz');
  });
});

test('200 000 clusters and 200 000 problems render (regression: tables went through spread calls)', () => {
  const out = renderSummaryMarkdown(hugeSummary(200_000));
  expect(out).toContain((199_999).toString(16).padStart(8, '0'));
  expect(out).toContain('log-199999.gz');
});
