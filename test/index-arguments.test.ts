import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import * as vmemwarn from '../src/index.js';
import type { AnalysisResult, Layout, Splat, Summary } from '../src/index.js';

// Every value export of src/index.ts that takes arguments, given one of the wrong kind: a one-line UsageError naming
// the export, the argument and what it must be, before anything is read (had been raw TypeErrors: buildReport
// (undefined), renderText({}), pfnToPage(5, …), a runTriage hooks.signal that is no AbortSignal …).

const AMDGPU = fileURLToPath(new URL('../samples/logs/e3-48-4k-amdgpu-populate-storm.log', import.meta.url));
const v = vmemwarn as unknown as Record<string, (...args: unknown[]) => unknown>;
const construct = (name: string, ...args: unknown[]): unknown => new (v[name] as unknown as new (...a: unknown[]) => unknown)(...args);

let result: AnalysisResult;
let layout: Layout;
let splat: Splat;
let summary: Summary;
beforeAll(async () => {
  result = await vmemwarn.analyzeFile(AMDGPU);
  layout = vmemwarn.inferLayout(vmemwarn.evidenceFromResult(result));
  splat = result.clusters[0]!.example;
  summary = vmemwarn.mergeSummaries([]);
});

// [export, the call, what the message must say after `export: `]
const WRONG: [string, () => unknown, RegExp][] = [
  ['buildReport', () => v.buildReport!(undefined), /^buildReport: results must be an array of analysis results, not undefined$/],
  ['buildReport', () => v.buildReport!([{}]), /^buildReport: results\[0\] must be an analysis result .*, not an empty object$/],
  ['renderText', () => v.renderText!({}), /^renderText: report must be a report from buildReport, not an empty object$/],
  ['renderMarkdown', () => v.renderMarkdown!(5), /^renderMarkdown: report must be a report from buildReport, not the number 5$/],
  ['renderJson', () => v.renderJson!(undefined), /^renderJson: report must be/],
  ['renderJsonChunks', () => v.renderJsonChunks!({ inputs: [] }), /^renderJsonChunks: report must be a report from buildReport, not /],
  ['renderTextChunks', () => v.renderTextChunks!('report'), /^renderTextChunks: report must be a report from buildReport, not /],
  ['renderSummaryLine', () => v.renderSummaryLine!(null), /^renderSummaryLine: report must be/],
  ['renderExplainText', () => v.renderExplainText!('bogus', 1n, []), /^renderExplainText: kind must be one of addr, pfn, phys/],
  ['renderExplainJson', () => v.renderExplainJson!('addr', 1, []), /^renderExplainJson: value must be a bigint/],
  ['renderExplainJson', () => v.renderExplainJson!('addr', 1n, [5]), /^renderExplainJson: explanations\[0\] must be an explanation/],
  ['renderLayoutText', () => v.renderLayoutText!({}), /^renderLayoutText: layouts must be an array of layouts/],
  ['renderLayoutJson', () => v.renderLayoutJson!([{}]), /^renderLayoutJson: layouts\[0\] must be a layout/],
  ['parseKernelConfig', () => v.parseKernelConfig!(5), /^parseKernelConfig: text must be the text of a kernel \.config, not the number 5$/],
  ['pfnToPage', () => v.pfnToPage!(5, layout.constants, 64), /^pfnToPage: pfn must be a bigint \(0x80000000n\), not the number 5$/],
  ['pfnToPage', () => v.pfnToPage!(5n, {}, 64), /^pfnToPage: c must be a layout's constants/],
  ['pageToPfn', () => v.pageToPfn!(5n, layout.constants, 0), /^pageToPfn: structPageSize must be a positive whole number/],
  ['pfnToPhys', () => v.pfnToPhys!(5n, '12'), /^pfnToPhys: pageShift must be a whole number from 0 to 63/],
  ['physToPfn', () => v.physToPfn!(4096, 12), /^physToPfn: phys must be a bigint/],
  ['classifyPage', () => v.classifyPage!(1n, undefined), /^classifyPage: c must be/],
  ['computeConstants', () => v.computeConstants!(null), /^computeConstants: p must be an object of layout parameters/],
  ['eraForRelease', () => v.eraForRelease!(6.1), /^eraForRelease: release must be a string/],
  ['parseRelease', () => v.parseRelease!(undefined), /^parseRelease: release must be a string/],
  ['explainValue', () => v.explainValue!('bogus', 1n, []), /^explainValue: kind must be one of addr, pfn, phys, not the string 'bogus'$/],
  ['explainValue', () => v.explainValue!('addr', 1n, [{}]), /^explainValue: layouts\[0\] must be a layout/],
  ['layoutTable', () => v.layoutTable!(undefined), /^layoutTable: layout must be a layout/],
  ['signatureOf', () => v.signatureOf!({ title: 'x' }), /^signatureOf: splat must be a splat/],
  ['normalizeTitle', () => v.normalizeTitle!(5), /^normalizeTitle: title must be a string/],
  ['isVmemmapSplat', () => v.isVmemmapSplat!(null), /^isVmemmapSplat: splat must be a splat/],
  ['readRegisters', () => v.readRegisters!('x0'), /^readRegisters: splat must be a splat/],
  ['evidenceFromResult', () => v.evidenceFromResult!(undefined), /^evidenceFromResult: result must be an analysis result/],
  ['layoutBoot', () => v.layoutBoot!({ clusters: [] }), /^layoutBoot: result must be an analysis result/],
  ['stripPrefixes', () => v.stripPrefixes!(Buffer.from('x')), /^stripPrefixes: line must be a string/],
  ['bootByIndex', () => v.bootByIndex!(undefined, 0), /^bootByIndex: boots must be an array of boots/],
  ['bootByIndex', () => v.bootByIndex!([], '0'), /^bootByIndex: index must be a whole number/],
  ['mergeSummaries', () => v.mergeSummaries!([{}]), /^mergeSummaries: summaries\[0\] must be a summary/],
  ['inferLayout', () => v.inferLayout!(null), /^inferLayout: layout evidence must be an object \(\{\} for none\), not null$/],
  ['candidateLayouts', () => v.candidateLayouts!({}, { era: 'E9' }), /^candidateLayouts: layout\.era must be one of E0, /],
  ['plausibleLayouts', () => v.plausibleLayouts!({}, 5), /^plausibleLayouts: layout must be an object of layout overrides, not the number 5$/],
  ['parseSummary', () => v.parseSummary!(Buffer.from('{}'), 'x.json'), /^parseSummary: text must be a summary's JSON text/],
  ['renderSummaryText', () => v.renderSummaryText!(undefined), /^renderSummaryText: s must be a summary/],
  ['renderSummaryJson', () => v.renderSummaryJson!([]), /^renderSummaryJson: summary must be a summary/],
  ['renderSummaryMarkdown', () => v.renderSummaryMarkdown!({}), /^renderSummaryMarkdown: s must be a summary/],
  ['renderSummaryMarkdown', () => v.renderSummaryMarkdown!(summary, { clusters: 100 }), /^renderSummaryMarkdown: caps must be/],
  ['renderSummaryJunit', () => v.renderSummaryJunit!(summary, 'warnings'), /^renderSummaryJunit: failOn must be one of vmemmap, warning, bug, panic, any/],
  ['LogAnalyzer', () => construct('LogAnalyzer', { maxSplatLine: 3 }), /^LogAnalyzer: unknown option 'maxSplatLine' \(did you mean 'maxSplatLines'\?\)$/],
  ['LogAnalyzer', () => construct('LogAnalyzer', { signal: new AbortController().signal }), /^LogAnalyzer: unknown option 'signal'/],
  ['LogAnalyzer', () => construct('LogAnalyzer', null), /^LogAnalyzer: options must be an object, not null$/],
  ['Segmenter', () => construct('Segmenter', { onSplat: () => {}, maxSplatLine: 3 }), /^Segmenter: unknown option 'maxSplatLine'/],
  ['Segmenter', () => construct('Segmenter', { onSplat: 5 }), /^Segmenter: onSplat must be a function, not the number 5$/],
  ['Segmenter', () => construct('Segmenter', { onSplat: () => {}, maxSplatLines: 0 }), /^Segmenter: maxSplatLines must be a whole number of at least 1/],
  ['BootFactCollector', () => construct('BootFactCollector', 5), /^BootFactCollector: oldestOpenBoot must be a function/],
  ['VmemmapAccumulator', () => construct('VmemmapAccumulator', 'populated'), /^VmemmapAccumulator: op must be one of populate, free, init-zone-device/],
  ['DecompressBudget', () => construct('DecompressBudget', '4G'), /^DecompressBudget: maxBytes must be a whole number of at least 1/],
];

test.each(WRONG)('%s with a wrong argument is a UsageError naming it', (_name, call, message) => {
  let thrown: unknown;
  try {
    call();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(vmemwarn.UsageError);
  expect((thrown as Error).message).toMatch(message);
  expect((thrown as Error).message).not.toContain('\n');
});

// The asynchronous entry points reject before anything is read.
const WRONG_ASYNC: [string, () => Promise<unknown>, RegExp][] = [
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU] }, { signal: 'x' } as never), /^runTriage: hooks\.signal must be an AbortSignal, not the string 'x'$/],
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU] }, { onProgress: 5 } as never), /^runTriage: hooks\.onProgress must be a function, not the number 5$/],
  ['feedLines', () => vmemwarn.feedLines(Readable.from([]), {} as never), /^feedLines: sink must be a line sink/],
  ['feedLines', () => vmemwarn.feedLines('text' as never, new vmemwarn.LogAnalyzer()), /^feedLines: input must be a stream/],
  ['analyzeStream', () => vmemwarn.analyzeStream(null as never), /^analyzeStream: input must be a stream or an async iterable of Buffers, not null$/],
  ['analyzeFile', () => vmemwarn.analyzeFile(123 as never), /^analyzeFile: the path must be a string \(or - for stdin\) or a file: URL, not the number 123$/],
  ['analyzeText', () => vmemwarn.analyzeText(undefined as never), /^analyzeText: text must be a string, not undefined$/],
  ['analyzeText', () => vmemwarn.analyzeText('x', { maxSplatLines: 0 }), /^analyzeText: maxSplatLines must be a whole number of at least 1, not the number 0$/],
  ['openInput', () => vmemwarn.openInput(5 as never), /^openInput: the path must be a string/],
];

test.each(WRONG_ASYNC)('%s with a wrong argument rejects with a UsageError naming it', async (_name, call, message) => {
  const err: unknown = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(vmemwarn.UsageError);
  expect((err as Error).message).toMatch(message);
});

// The table covers every export it must: each function export (the error classes aside, whose arguments are a message,
// or a message and what was read: PartialReadError, which feedLines throws) is in it, or is a validator that answers
// any value.
test('every function export is checked here', () => {
  const validators = ['validateReport', 'summaryProblems'];
  const noArguments = ['RecordAssembler', 'VmemwarnError', 'UsageError', 'InputError', 'PartialReadError', 'ReadInterrupted'];
  const covered = new Set([...WRONG, ...WRONG_ASYNC].map(([name]) => name));
  const functions = Object.keys(vmemwarn).filter((name) => typeof v[name] === 'function');
  expect(functions.filter((name) => !covered.has(name) && ![...validators, ...noArguments].includes(name))).toEqual([]);
});

test('the validators answer any value rather than throw', () => {
  expect(vmemwarn.validateReport(undefined).valid).toBe(false);
  expect(vmemwarn.summaryProblems(5)).not.toEqual([]);
});

test('right calls still work', () => {
  const report = vmemwarn.buildReport([result]);
  for (const render of [vmemwarn.renderText, vmemwarn.renderMarkdown, vmemwarn.renderJson, vmemwarn.renderSummaryLine]) expect(render(report)).toContain('splat');
  const c = layout.constants;
  const page = vmemwarn.pfnToPage(0x80000n, c, 64);
  expect(vmemwarn.pageToPfn(page, c, 64)).toEqual({ pfn: 0x80000n, exact: true });
  expect(vmemwarn.physToPfn(vmemwarn.pfnToPhys(5n, 12), 12)).toBe(5n);
  expect(typeof vmemwarn.classifyPage(page, c)).toBe('string');
  const explanations = vmemwarn.explainValue('addr', page, [layout]);
  expect(vmemwarn.renderExplainText('addr', page, explanations)).toContain('struct page');
  expect(JSON.parse(vmemwarn.renderExplainJson('addr', page, explanations))).toHaveProperty('explanations');
  expect(vmemwarn.renderLayoutText([layout])).toContain('Layout');
  expect(JSON.parse(vmemwarn.renderLayoutJson([layout])).layouts).toHaveLength(1);
  expect(vmemwarn.layoutTable(layout).length).toBeGreaterThan(5);
  expect(vmemwarn.parseKernelConfig('CONFIG_ARM64_4K_PAGES=y\n').pageShift?.value).toBe(12);
  expect(vmemwarn.eraForRelease('6.1')).toBe('E3');
  expect(vmemwarn.parseRelease('6.1.0')).toEqual({ major: 6, minor: 1 });
  expect(vmemwarn.signatureOf(splat).id).toBe(result.clusters[0]!.id);
  expect(vmemwarn.normalizeTitle(splat.title)).toContain('WARNING');
  expect(vmemwarn.isVmemmapSplat(splat)).toBe('populate');
  expect(vmemwarn.readRegisters(splat)).toBeDefined();
  expect(vmemwarn.layoutBoot(result)?.boot).toBeDefined();
  expect(vmemwarn.bootByIndex(result.boots, 0)).toBe(result.boots[0]);
  expect(vmemwarn.stripPrefixes('[    1.000000] x').text).toBe('x');
  const merged = vmemwarn.mergeSummaries([summary, summary]);
  expect(vmemwarn.parseSummary(vmemwarn.renderSummaryJson(merged), 'merged.json')).toEqual(merged);
  expect(vmemwarn.renderSummaryText(merged)).toContain('0');
  expect(vmemwarn.renderSummaryMarkdown(merged)).toContain('# vmemwarn triage');
  expect(vmemwarn.renderSummaryJunit(merged, 'vmemmap')).toContain('<testsuite');
  expect(new vmemwarn.DecompressBudget(1024).maxBytes).toBe(1024);
  expect(new vmemwarn.VmemmapAccumulator('free').splats).toBe(0);
  expect(new vmemwarn.BootFactCollector().boots).toHaveLength(1);
  const splats: Splat[] = [];
  const segmenter = new vmemwarn.Segmenter({ onSplat: (s) => splats.push(s), maxSplatLines: 50 });
  segmenter.finish();
  expect(splats).toEqual([]);
  expect(new vmemwarn.LogAnalyzer({ name: 'x', layout: { kernel: '6.1' } })).toBeInstanceOf(vmemwarn.LogAnalyzer);
});

// Found by a review of the library API: these arguments of the wrong kind had been taken (runTriage's timestamps: 'no'
// put a time in the summary, outDir: 5 wrote no reports and said nothing), or had failed as raw TypeErrors (a number
// for a bigint in the layout evidence), a RangeError (feedLines) or a UsageError naming another export (eraForRelease).
const FOUND_BY_REVIEW: [string, () => unknown, RegExp][] = [
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU], jobs: 1, timestamps: 'no' } as never), /^runTriage: timestamps must be a boolean, not the string 'no'$/],
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU], jobs: 1, followSymlinks: 'no' } as never), /^runTriage: followSymlinks must be a boolean, not the string 'no'$/],
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU], jobs: 1, fileTimes: 1 } as never), /^runTriage: fileTimes must be a boolean, not the number 1$/],
  ['runTriage', () => vmemwarn.runTriage({ inputs: ['-'], jobs: 1, stdin: 'x' } as never), /^runTriage: stdin must be a readable stream .*, not the string 'x'$/],
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU], jobs: 1, outDir: 5 } as never), /^runTriage: outDir must be a path \(a non-empty string\), not the number 5$/],
  ['runTriage', () => vmemwarn.runTriage({ inputs: [AMDGPU], jobs: 1, ignoreFile: 5 } as never), /^runTriage: ignoreFile must be a path \(a non-empty string\), not the number 5$/],
  ['candidateLayouts', () => vmemwarn.candidateLayouts({ largestCall: 5 } as never), /^candidateLayouts: evidence\.largestCall must be a bigint \(0x80000000n\), not the number 5$/],
  ['candidateLayouts', () => vmemwarn.candidateLayouts({ boot: 5 } as never), /^candidateLayouts: evidence\.boot must be a boot's facts .*, not the number 5$/],
  ['candidateLayouts', () => vmemwarn.candidateLayouts({ splatRelease: 6.1 } as never), /^candidateLayouts: evidence\.splatRelease must be a release string .*, not the number 6\.1$/],
  ['analyzeFile', () => vmemwarn.analyzeFile(AMDGPU, { partsEvenly: 'yes' } as never), /^analyzeFile: partsEvenly must be a boolean, not the string 'yes'$/],
  ['feedLines', () => vmemwarn.feedLines(Readable.from([]), new vmemwarn.LogAnalyzer(), { maxLineBytes: 'x' } as never), /^feedLines: maxLineBytes must be a whole number of at least 1, not the string 'x'$/],
];

test.each(FOUND_BY_REVIEW)('Found by a review: %s with an argument of the wrong kind is a UsageError naming the export and the argument', async (_name, call, message) => {
  let thrown: unknown;
  try {
    await call();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(vmemwarn.UsageError);
  expect((thrown as Error).message).toMatch(message);
});
