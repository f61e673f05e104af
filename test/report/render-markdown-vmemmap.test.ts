import MarkdownIt from 'markdown-it';
import { buildReport } from '../../src/report/model.js';
import { renderMarkdownVmemmap } from '../../src/report/render-markdown-vmemmap.js';
import { armResult, TOOL } from './fixtures.js';

const md = new MarkdownIt({ html: true, linkify: true });
const cluster = () => buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[0]!;

test('heading, verdict, diagnosis, three tables (ranges, layout, constants) and the lists', () => {
  const c = cluster();
  const html = md.render(renderMarkdownVmemmap(c, c.vmemmap[0]!).join('\n'));
  expect(html).toContain('<h3>vmemmap_populate: <code>WARNING in vmemmap_populate</code> (<code>1f2e3d4c5b6a7988</code>)</h3>');
  expect(html.match(/<table>/g)).toHaveLength(3);
  expect(html).toContain('<li><strong>WARN arm:</strong> <code>end &gt; VMEMMAP_END</code></li>');
  expect(html).toContain('<ol>\n<li>Check CONFIG_DEVICE_PRIVATE users (HMM drivers).</li>');
});

test('without a layout: a note instead of the layout tables', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  delete v.layout;
  const html = md.render(renderMarkdownVmemmap(c, v).join('\n'));
  expect(html).toContain('<p><em>Layout not inferred; give it with <code>--kernel</code>, <code>--va-bits</code>, <code>--page-size</code> and <code>--memstart</code>.</em></p>');
  expect(html.match(/<table>/g)).toHaveLength(1);
});

test('a constant register of another layout than the one taken says so', () => {
  const c = cluster();
  const v = c.vmemmap[0]!;
  v.example!.constantRegs = [{ reg: 'x5', constant: 'VMEMMAP_END', form: 'exact', value: '0xffffffff00000000', layouts: ['E3 39/4K'] }];
  const html = md.render(renderMarkdownVmemmap(c, v).join('\n'));
  expect(html).toContain('<li><strong>Constant register:</strong> <code>x5 = 0xffffffff00000000</code> is VMEMMAP_END (exact) of E3 39/4K: not the layout taken (E3 48/4K)</li>');
});

test('Found by a review: evidence and values read from the log are clipped in the layout table, as titles are', () => {
  const c = cluster();
  c.title = `WARNING in ${'t'.repeat(20_000)}`;
  const v = c.vmemmap[0]!;
  const compiler = `Linux version 6.1.0 (builder@buildhost) (${'g'.repeat(60_000)}) #1 SMP`;
  v.layout!.release = { ...v.layout!.release!, value: `6.1.0-${'r'.repeat(60_000)}`, source: { kind: 'log', lineNo: 3, text: compiler } };
  const markdown = renderMarkdownVmemmap(c, v).join('\n');
  const html = md.render(markdown);
  expect(html).toContain(`<code>${compiler.slice(0, 299)}…</code>`);
  expect(html).toContain(`<code>6.1.0-${'r'.repeat(293)}…</code>`);
  expect(html).toContain(`<h3>vmemmap_populate: <code>WARNING in ${'t'.repeat(188)}…</code>`);
  // The verdict names the release whole (the text and JSON do too); only the table cells and the heading are cut.
  v.layout!.release.value = '6.1.0';
  expect(renderMarkdownVmemmap(c, v).join('\n').length).toBeLessThan(10_000);
});
