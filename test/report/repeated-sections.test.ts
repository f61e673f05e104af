import { buildReport } from '../../src/report/model.js';
import { repeatedSections } from '../../src/report/repeated-sections.js';
import { renderText } from '../../src/report/render-text.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { armResult, TOOL } from './fixtures.js';

/** The fixture's vmemmap cluster twice: a second cluster (another id) with the same finding, as after a storm's Oops. */
function twice() {
  const result = armResult();
  const [vm] = result.clusters;
  result.clusters = [vm!, { ...vm!, id: '2f2e3d4c5b6a7988', title: 'BUG: unable to handle kernel paging request in x' }];
  return buildReport([result], { tool: TOOL });
}

test('a later finding with the same layout and next steps names the first instead of repeating them', () => {
  const input = twice().inputs[0]!;
  const findings = input.clusters.flatMap((c) => c.vmemmap.map((v) => ({ c, v })));
  expect(repeatedSections(findings)).toEqual([{}, { layout: 'vmemmap_populate of [1f2e3d4c5b6a7988] in boot 0', nextSteps: 'vmemmap_populate of [1f2e3d4c5b6a7988] in boot 0' }]);
});

test('a different layout is shown again', () => {
  const input = twice().inputs[0]!;
  const [a, b] = input.clusters;
  const other = { ...b!, vmemmap: [{ ...b!.vmemmap[0]!, layout: { ...b!.vmemmap[0]!.layout!, release: undefined } }] };
  expect(repeatedSections([{ c: a!, v: a!.vmemmap[0]! }, { c: other, v: other.vmemmap[0]! }])[1]).toEqual({ nextSteps: 'vmemmap_populate of [1f2e3d4c5b6a7988] in boot 0' });
});

test('text and Markdown print the layout table once', () => {
  const report = twice();
  const text = renderText(report);
  expect(text.match(/Layout \(where each number came from\)/g)).toHaveLength(1);
  expect(text).toContain('Layout: as for vmemmap_populate of [1f2e3d4c5b6a7988] in boot 0 above.');
  const md = renderMarkdown(report);
  expect(md.match(/^<details><summary>Layout: /gm)).toHaveLength(1);
  expect(md).toContain('**Next steps:** as for vmemmap\\_populate of \\[1f2e3d4c5b6a7988\\] in boot 0 above.');
});
