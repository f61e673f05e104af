import { PANIC_LINE } from '../parse/panic-line.js';
import type { LineReport } from './model-types.js';

/**
 * The lines a cut example still shows past its head, each named for the marker that announces them: the faulting
 * instructions a kernel developer decodes, the end of the trace, and the panic that killed the kernel.
 */
const KEPT_PAST_CUT: readonly (readonly [name: string, keeps: (text: string) => boolean])[] = [
  ['Code:', (text) => /(?:^|[\s\]])Code: /.test(text)],
  ['end-of-trace', (text) => /(?:^|[\s\]])---\[ end /.test(text)],
  ['panic', (text) => text.includes(PANIC_LINE)],
];

/** A row of a cut example: a line shown, or a run of lines left out where they were. */
export type ExampleRow =
  | { line: LineReport }
  /** `follows`: on the first run only, what is still shown after it: the kinds (`Code:`, `panic`) and how many lines. */
  | { omitted: number; follows?: { kinds: readonly string[]; lines: number } };

function keptAs(text: string): string | undefined {
  return KEPT_PAST_CUT.find(([, keeps]) => keeps(text))?.[0];
}

/**
 * `lines` cut to their first `head`, then only the `Code:`, end-of-trace and panic lines, each run of lines left out
 * counted where it was; `dropped` lines past the kept ones (over the splat's cap) close it. Found by a review: one
 * count had stood before all the lines kept past the cut, though some of the lines it counted came after them, and it
 * named `Code:` lines where none followed (an arm64 WARNING has none).
 */
export function cutExample(lines: readonly LineReport[], head: number, dropped = 0): ExampleRow[] {
  const rows: ExampleRow[] = lines.slice(0, head).map((line) => ({ line }));
  const rest = lines.slice(head);
  const kept = rest.map((l) => keptAs(l.text));
  let omitted = 0;
  let announced = false;
  rest.forEach((line, i) => {
    if (kept[i] === undefined) {
      omitted += 1;
      return;
    }
    if (omitted > 0 && !announced) {
      // The first run left out says which lines are still shown after it.
      const after = kept.slice(i).filter((k) => k !== undefined);
      const kinds = KEPT_PAST_CUT.map(([name]) => name).filter((name) => after.includes(name));
      rows.push({ omitted, follows: { kinds, lines: after.length } });
      announced = true;
    } else if (omitted > 0) rows.push({ omitted });
    omitted = 0;
    rows.push({ line });
  });
  if (omitted + dropped > 0) rows.push({ omitted: omitted + dropped });
  return rows;
}
