import { readFileSync } from 'node:fs';
import path from 'node:path';
import MarkdownIt from 'markdown-it';
import { analyzeText } from '../../src/api.js';
import { buildReport } from '../../src/report/model.js';
import { renderMarkdown } from '../../src/report/render-markdown.js';
import { ATTACKS, hostileResult } from './attack.js';
import { REPORT_TAGS, tagsIn } from './report-html.js';
import { armResult, quietResult, TOOL } from './fixtures.js';
import type { Cluster } from '../../src/analyze/types.js';

// GitHub renders raw HTML (sanitized) and links bare URLs: the closest markdown-it setting.
const md = new MarkdownIt({ html: true, linkify: true });

function tables(html: string): string[][][] {
  return [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((t) =>
    [...(t[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) => [...(row[1] ?? '').matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((c) => c[1] ?? '')),
  );
}

describe('renderMarkdown of a normal report', () => {
  const markdown = renderMarkdown(buildReport([armResult(), quietResult()], { tool: TOOL }));
  const html = md.render(markdown);
  const tokens = md.parse(markdown, {});

  test('starts with the summary paragraph: counts and the vmemmap verdict', () => {
    expect(tokens[0]?.type).toBe('paragraph_open');
    const first = html.slice(0, html.indexOf('</p>'));
    // 4 splats and 2 clusters from the fixture stats; 3 populate splats over the fixture's page/PFN hulls.
    expect(first).toContain('found 4 kernel splats in 2 clusters in 2 inputs');
    expect(first).toContain('3 vmemmap_populate WARNINGs in boot 0 of Linux 6.1.0-test, from nouveau: struct pages [0xffffffffaee00000, 0xffffffffaf400000)');
    expect(first).toContain('the WARN fired on end &gt; VMEMMAP_END');
  });

  test('cluster table: header plus one row per cluster, six columns each', () => {
    const clusters = tables(html)[0]!;
    expect(clusters).toHaveLength(3);
    for (const row of clusters) expect(row).toHaveLength(6);
    expect(clusters[1]).toEqual(['3', 'warning', '<code>WARNING in vmemmap_populate</code>', '<code>1f2e3d4c5b6a7988</code>', '60-120', 'yes']);
  });

  test('the vmemmap section has the ranges and the layout with provenance', () => {
    const [, ranges, layout, constants] = tables(html);
    expect(ranges?.[1]).toEqual(['struct pages', '<code>0xffffffffaee00000</code>', '<code>0xffffffffaf400000</code>', '']);
    expect(layout?.map((r) => r[0])).toEqual([
      'Parameter', 'kernel release', 'layout era', 'page size', 'VA_BITS', 'sizeof(struct page)', 'memstart_addr', 'SECTION_SIZE_BITS',
    ]);
    expect(layout?.[4]).toEqual(['VA_BITS', '<code>48</code>', 'high', 'register x21, line 70: <code>x21 equals VMEMMAP_END of a 48-bit layout</code>']);
    expect(constants).toContainEqual(['<code>VMEMMAP_END</code>', '<code>0xfffffe0000000000</code>']);
  });

  test('the layout folded, and one collapsible example with the splat in a code block', () => {
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html).toContain('<details><summary>Layout: E3 48-bit/4K, where each number came from</summary>');
    expect(html).toContain('<details><summary>Example splat: <code>WARNING in vmemmap_populate</code> (lines 60-75, boot 0)</summary>');
    expect(html).toMatch(/<pre><code class="language-text">-{12}\[ cut here \]-{12}\n[\s\S]*---\[ end trace 0000000000000000 \]---\n<\/code><\/pre>\n<\/details>/);
  });

  test('an input without splats says so', () => {
    expect(html).toContain('<p>No kernel splats found.</p>');
  });
});

test('summary without vmemmap findings, naming at most three inputs', () => {
  const quiet = () => quietResult();
  const markdown = renderMarkdown(buildReport([quiet(), quiet(), quiet(), quiet(), quiet()], { tool: TOOL }));
  const first = md.render(markdown.slice(0, markdown.indexOf('\n')));
  expect(first).toBe(
    '<p><strong>vmemwarn 9.9.9-test</strong> found 0 kernel splats in 0 clusters in 5 inputs (<code>quiet.log.gz</code>, ' +
      '<code>quiet.log.gz</code>, <code>quiet.log.gz</code> and 2 more). No vmemmap_populate or vmemmap_free WARNING was found.</p>\n',
  );
});

describe('renderMarkdown of hostile log text', () => {
  const markdown = renderMarkdown(buildReport([hostileResult()], { tool: TOOL }));
  const html = md.render(markdown);
  const outsideCode = html.replace(/<pre>[\s\S]*?<\/pre>|<code>[\s\S]*?<\/code>/g, '');

  test('no attacker tags: only the tags the report itself uses', () => {
    // The hostile fixture has a layout, so no <em> note; every other tag is the report's own.
    expect(tagsIn(html)).toEqual(REPORT_TAGS.filter((t) => t !== 'em'));
    expect(html).not.toMatch(/<(script|img|b)[\s>]/i);
  });

  test('no links at all', () => {
    expect(html).not.toContain('<a ');
    expect(html).not.toContain('href');
  });

  test('no live mentions, issue refs or bare URLs outside code', () => {
    expect(outsideCode).toContain('torvalds');
    expect(outsideCode).not.toMatch(/@torvalds|#123|http:\/\/|www\.evil|root@evil/);
  });

  test('the fence holds and the details blocks (layout, example) close exactly once each, the last after the example', () => {
    expect(html.match(/<details>/g)).toHaveLength(2);
    expect(html.match(/<\/details>/g)).toHaveLength(2);
    const pre = /<pre><code class="language-text">([\s\S]*?)<\/code><\/pre>\n<\/details>/.exec(html);
    expect(pre?.[1]).toContain(md.utils.escapeHtml(ATTACKS.fence));
    expect(pre?.[1]).toContain(md.utils.escapeHtml(ATTACKS.closeDetails));
    // The last line of the example is the joined attack text, so everything before it stayed inside the fence.
    expect(pre?.[1]?.trimEnd().endsWith(md.utils.escapeHtml('\\u202eevil'))).toBe(true);
  });

  test('no raw control characters reach the ticket', () => {
    expect(markdown).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
    expect(markdown).toContain('\\x1b]0;pwned\\x07');
  });
});

test('a log of 200 000 clusters renders (regression: its table went through a spread call)', () => {
  const result = armResult();
  const one = result.clusters[1]!;
  result.clusters = Array.from({ length: 200_000 }, (_, i) => ({ ...one, id: i.toString(16).padStart(16, '0') }));
  const out = renderMarkdown(buildReport([result], { tool: TOOL }));
  expect(out).toContain('in 200000 clusters');
  expect(out).toContain(`\`${(49).toString(16).padStart(16, '0')}\``);
  expect(out).toContain('_… and 199950 more clusters (199950 splats) not shown; `--format json` lists them all._');
});

describe('a report too long for one comment', () => {
  // GitHub's limit on an issue or pull-request comment.
  const COMMENT_LIMIT = 65_536;

  test('lists the first 50 clusters and the first vmemmap findings, and says how many more the JSON has', () => {
    const result = armResult();
    const [vm, bug] = result.clusters as [Cluster, Cluster];
    // Twenty different findings (identical ones would fold into one).
    vm.vmemmap = Array.from({ length: 20 }, (_, i) => ({ ...vm.vmemmap[0]!, splatCount: i + 1 }));
    result.clusters = [vm, ...Array.from({ length: 999 }, (_, i) => ({ ...bug, id: i.toString(16).padStart(16, '0'), title: `BUG in f${i}` }))];
    const out = renderMarkdown(buildReport([result], { tool: TOOL }));
    expect(out.length).toBeLessThan(COMMENT_LIMIT);
    expect(out).toContain('| `BUG in f48` |');
    expect(out).not.toContain('| `BUG in f49` |');
    expect(out).toContain('_… and 950 more clusters (950 splats) not shown;');
    expect(out.match(/^### /gm)?.length).toBeLessThan(20);
    const omitted = Number(/_… and (1\d) more vmemmap findings not shown;/.exec(out)?.[1]);
    // The opening paragraph counts the findings that follow and those left out, of 20.
    expect(out.split('\n')[0]).toContain(` ${19 - omitted} more vmemmap findings below. ${omitted} more only in the text and JSON formats.`);
  });
});

describe('renderMarkdown of a log with oversized lines (found by a review pasting reports into GitHub)', () => {
  const sample = readFileSync(path.resolve(process.cwd(), 'samples/logs/plain-boot-6.6-unrelated-warning.log'), 'utf8');
  const render = async (log: string) => renderMarkdown(buildReport([await analyzeText(log, { name: 'long.log' })], { tool: TOOL }));

  test('a title of 20,000 characters is clipped in the table and does not push the other clusters out', async () => {
    const longTitles = [1, 2].map((i) => `[    1.00000${i}] WARNING: ${'A'.repeat(20_000)}`).join('\n');
    const markdown = await render(sample.replace('[    3.420010] WARNING:', `${longTitles}\n[    3.420010] WARNING:`));
    const rows = tables(md.render(markdown))[0]!.slice(1);
    expect(rows).toHaveLength(2);
    expect(rows.some((r) => r[2]?.includes('clk_core_disable'))).toBe(true);
    expect(rows.every((r) => (r[2] ?? '').length < 300)).toBe(true);
    expect(markdown.length).toBeLessThan(65_536);
  });

  test('the example splat keeps its first lines, each clipped, and says how many more the JSON has', async () => {
    const frames = Array.from({ length: 380 }, (_, i) => `[    3.420140]  frame_${i}_${'x'.repeat(150)}+0x10/0x20`).join('\n');
    const markdown = await render(
      sample.replace(/Modules linked in: [^\n]*/, `Modules linked in: ${'mod_x '.repeat(10_000)}`).replace('Call trace:', `Call trace:\n${frames}`),
    );
    expect(markdown.length).toBeLessThan(65_536);
    const lines = (/```+text\n([\s\S]*?)\n```+/.exec(markdown)?.[1] ?? '').split('\n');
    expect(lines.find((l) => l.startsWith('Modules linked in:'))).toHaveLength(2_000);
    expect(lines.filter((l) => /^\[\d+ more lines not shown; --format json lists them\]$/.test(l))).toHaveLength(1);
    expect(lines.join('\n').length).toBeLessThanOrEqual(16_000 + 100);
  });

  test('the cap counts control characters as printed, four each (found by a review: 61,671 characters)', async () => {
    const modules = Array.from({ length: 60 }, () => `[    3.420013] Modules linked in: ${'\x01'.repeat(1_900)}`).join('\n');
    const markdown = await render(sample.replace(/\[ +3\.420013\] Modules linked in: [^\n]*/, modules));
    const fence = /```+text\n([\s\S]*?)\n```+/.exec(markdown)?.[1] ?? '';
    expect(fence.length).toBeLessThanOrEqual(16_000 + 100);
    expect(fence).toContain('\\x01');
  });
});

describe('a vmemmap finding larger than the budget (found by a review: the section had been left out)', () => {
  const storm = readFileSync(path.resolve(process.cwd(), 'samples/logs/e3-48-4k-amdgpu-populate-storm.log'), 'utf8');
  const render = async (log: string) => renderMarkdown(buildReport([await analyzeText(log, { name: 'longver.log' })], { tool: TOOL }));

  test('Found by a review: a Linux version line with a 60,000-character compiler string leaves the finding shown', async () => {
    const markdown = await render(storm.replace('(gcc (GCC) 12.2.0,', `(gcc (GCC) 12.2.0 ${'x'.repeat(60_000)},`));
    expect(markdown.match(/^### vmemmap\\_populate/gm)).toHaveLength(1);
    expect(markdown).not.toContain('not shown');
    expect(markdown.split('\n')[0]).not.toContain('more only in the text and JSON formats');
    expect(markdown.length).toBeLessThan(20_000);
  });

  test('Found by a review: a finding over the whole budget all the same is shown, its strings clipped', async () => {
    // The banner and every splat's CPU: line: a release they disagree on would be two kernels (infer.ts).
    const markdown = await render(storm.replace(/(Linux version|Not tainted) 6\.1\.0 /g, `$1 6.1.0-${'r'.repeat(60_000)} `));
    const section = markdown.slice(markdown.indexOf('### vmemmap\\_populate'));
    expect(markdown.match(/^### vmemmap\\_populate/gm)).toHaveLength(1);
    expect(markdown).not.toContain('not shown');
    // The verdict clips the release at 80 code points (vmemmap-phrases.ts): `6.1.0-`, 73 of the r's and the ellipsis.
    expect(section).toContain(`Linux 6.1.0-${'r'.repeat(73)}…,`);
    expect(section.length).toBeLessThan(24_000);
    expect(md.render(markdown).match(/<table>/g)).toHaveLength(4);
  });
});

describe('a machine that crashed, rebooted and crashed again (found by a review: a 50-boot storm filled the report)', () => {
  const log = readFileSync(path.resolve(process.cwd(), 'samples/logs/e4-48-4k-amdgpu-6.10-warn-then-oops.log'), 'utf8');
  const render = async (text: string) => renderMarkdown(buildReport([await analyzeText(text, { name: 'storm.log' })], { tool: TOOL }));

  test('the first words are the crash, with its title and line', async () => {
    const markdown = await render(log);
    const oopsLine = log.split('\n').findIndex((l) => l.includes('Unable to handle kernel paging request')) + 1;
    expect(markdown.startsWith(`**Kernel Oops**: \`BUG: unable to handle kernel paging request in __init_zone_device_page\` at line ${oopsLine}.`)).toBe(true);
  });

  test('five boots of the same log give one section per finding, each saying the other boots saw the same', async () => {
    const markdown = await render(Array.from({ length: 5 }, () => log).join(''));
    expect(markdown.match(/^### /gm)).toHaveLength(2);
    expect(markdown).toContain('### memmap\\_init\\_zone\\_device');
    expect(markdown.match(/\*\*Seen again\.\*\* The same finding, but for line numbers, in 4 more boots\\: 1–4\./g)).toHaveLength(2);
    expect(markdown).not.toContain('not shown');
  });

  test('both the WARNING storm and the Oops have an example', async () => {
    const markdown = await render(log);
    expect(markdown).toContain('<details><summary>Example splat: <code>WARNING in vmemmap_populate</code>');
    expect(markdown).toContain('<details><summary>Example splat: <code>BUG: unable to handle kernel paging request in __init_zone_device_page</code>');
  });
});

describe('a WARNING under panic_on_warn', () => {
  // kernel/panic.c (6.x): __warn() prints the WARNING and the modules, then check_panic_on_warn("kernel") panics,
  // and panic() dumps the stack; the end-of-trace marker never comes.
  const log = [
    '[   12.000000] ------------[ cut here ]------------',
    '[   12.000001] WARNING: CPU: 1 PID: 77 at drivers/foo/foo.c:10 foo_probe+0x10/0x20',
    '[   12.000002] Modules linked in: foo',
    '[   12.000003] Kernel panic - not syncing: kernel: panic_on_warn set ...',
    '[   12.000004] CPU: 1 PID: 77 Comm: modprobe Not tainted 6.6.0 #1',
    '[   12.000005] Hardware name: Foo Board (DT)',
    '[   12.000006] Call trace:',
    '[   12.000007]  dump_backtrace+0x98/0xf0',
    '[   12.000008]  show_stack+0x18/0x24',
    '[   12.000009]  panic+0x340/0x3a0',
    '[   12.000010]  check_panic_on_warn+0x5c/0x80',
    '[   12.000011]  __warn+0xa4/0x180',
    '[   12.000012]  foo_probe+0x10/0x20',
    '[   12.000013]  platform_probe+0x68/0xd8',
    '[   12.000014] SMP: stopping secondary CPUs',
    '',
  ].join('\n');

  test('opens with the panic the WARNING led to', async () => {
    const report = buildReport([await analyzeText(log, { name: 'pow.log' })], { tool: TOOL });
    const [cluster] = report.inputs[0]!.clusters;
    expect(cluster).toMatchObject({ kind: 'warning', title: 'WARNING in foo_probe', count: 1, panickedCount: 1 });
    // The report, and so the cluster, begins at its `cut here` rule.
    const firstLine = log.split('\n').findIndex((l) => l.includes('cut here')) + 1;
    expect(renderMarkdown(report).startsWith(`**Kernel panic** after \`WARNING in foo_probe\` at line ${firstLine}.`)).toBe(true);
  });
});

describe('an Oops whose die() panicked the kernel', () => {
  // arch/arm64/kernel/traps.c die(): the Oops, its end-of-trace marker, then `Kernel panic - not syncing: Oops: Fatal
  // exception` when it hit an interrupt handler or panic_on_oops is set.
  const log = [
    '[   12.000000] Unable to handle kernel NULL pointer dereference at virtual address 0000000000000010',
    '[   12.000001] Mem abort info:',
    '[   12.000002]   ESR = 0x96000005',
    '[   12.000003] Internal error: Oops: 96000005 [#1] SMP',
    '[   12.000004] Modules linked in: foo',
    '[   12.000005] CPU: 1 PID: 77 Comm: modprobe Not tainted 6.6.0 #1',
    '[   12.000006] Hardware name: Foo Board (DT)',
    '[   12.000007] pc : foo_probe+0x10/0x20',
    '[   12.000008] lr : platform_probe+0x68/0xd8',
    '[   12.000009] Call trace:',
    '[   12.000010]  foo_probe+0x10/0x20',
    '[   12.000011]  platform_probe+0x68/0xd8',
    '[   12.000012] Code: d65f03c0 d503233f (b9401000) 17ffffe9',
    '[   12.000013] ---[ end trace 0000000000000000 ]---',
    '[   12.000014] Kernel panic - not syncing: Oops: Fatal exception',
    '[   12.000015] SMP: stopping secondary CPUs',
    '',
  ].join('\n');

  test('Found by a review: opens with the panic, as after a BUG or a WARNING, not with the Oops', async () => {
    const report = buildReport([await analyzeText(log, { name: 'fatal.log' })], { tool: TOOL });
    const [cluster] = report.inputs[0]!.clusters;
    expect(cluster).toMatchObject({ kind: 'oops', count: 1, panickedCount: 1 });
    const firstLine = log.split('\n').findIndex((l) => l.includes('Unable to handle')) + 1;
    expect(renderMarkdown(report).startsWith(`**Kernel panic** after \`${cluster!.title}\` at line ${firstLine}.`)).toBe(true);
  });
});
