import { alsoInPhrase, foldIdenticalFindings, indexRuns } from '../../src/report/identical-findings.js';
import { buildReport } from '../../src/report/model.js';
import { vmemmapFindings } from '../../src/report/report-facts.js';
import type { VmemmapReport } from '../../src/report/model-types.js';
import { armResult, TOOL } from './fixtures.js';

/** The fixture's finding seen again in later boots, each citing its own log lines. */
function rebooted(boots: number, change: (v: VmemmapReport, boot: number) => VmemmapReport = (v) => v) {
  const input = buildReport([armResult()], { tool: TOOL }).inputs[0]!;
  const [c] = input.clusters;
  const first = c!.vmemmap[0]!;
  const lineOf = (n: number, boot: number) => n + boot * 1000;
  const layout = first.layout!;
  c!.vmemmap = Array.from({ length: boots }, (_, boot) =>
    change(
      {
        ...first,
        bootIndex: boot,
        layout: { ...layout, release: { ...layout.release!, source: { ...layout.release!.source, lineNo: lineOf(3, boot) } } },
      },
      boot,
    ),
  );
  return vmemmapFindings(input);
}

test('findings the same but for boot index and line numbers fold into the first', () => {
  const folded = foldIdenticalFindings(rebooted(5));
  expect(folded).toHaveLength(1);
  expect(folded[0]!.v.bootIndex).toBe(0);
  expect(folded[0]!.alsoIn).toEqual([1, 2, 3, 4]);
});

test('a finding that differs in anything else stays its own', () => {
  const folded = foldIdenticalFindings(rebooted(4, (v, boot) => (boot === 2 ? { ...v, splatCount: v.splatCount + 1 } : v)));
  expect(folded.map((f) => [f.v.bootIndex, f.alsoIn])).toEqual([[0, [1, 3]], [2, []]]);
});

test('boot indexes as runs', () => {
  expect(indexRuns([3, 1, 2, 7, 9, 10, 2])).toBe('1–3, 7, 9–10');
  expect(indexRuns([])).toBe('');
  expect(alsoInPhrase([])).toBeUndefined();
  expect(alsoInPhrase([4])).toBe('The same finding, but for line numbers, in 1 more boot: 4.');
});
