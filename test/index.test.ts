import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import * as vmemwarn from '../src/index.js';
import type { Splat } from '../src/index.js';
import { tempDir } from './_temp-dirs.js';
import { CONSUMER_COMPILER_OPTIONS, consumerTypeErrors } from './_consumer-types.js';

const SAMPLES = fileURLToPath(new URL('../samples/logs/', import.meta.url));
const PLAIN = readFileSync(`${SAMPLES}plain-boot-6.6-unrelated-warning.log`, 'utf8');
const AMDGPU = `${SAMPLES}e3-48-4k-amdgpu-populate-storm.log`;

// README "Library": the documented entry points.
test.each([
  'analyzeStream', 'analyzeFile', 'analyzeText', 'LogAnalyzer', 'stripPrefixes', 'Segmenter',
  'computeConstants', 'inferLayout', 'pfnToPage', 'pageToPfn', 'explainValue',
  'buildReport', 'renderText', 'renderMarkdown', 'renderJson', 'renderJsonChunks', 'renderTextChunks', 'runTriage', 'mergeSummaries',
  'renderExplainText', 'renderExplainJson', 'renderLayoutText', 'renderLayoutJson',
  'evidenceFromResult', 'layoutBoot',
])('exports %s', (name) => {
  expect(typeof (vmemwarn as Record<string, unknown>)[name]).toBe('function');
});

// Found by an API audit: 29 of the value exports were named nowhere in the README.
test("every value export is named in the README's Library section", () => {
  const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
  const library = readme.slice(readme.indexOf('\n## Library\n'), readme.indexOf('\n## Design\n'));
  expect(library.length).toBeGreaterThan(1000);
  expect(Object.keys(vmemwarn).filter((name) => !library.includes(`\`${name}\``))).toEqual([]);
});

test('analyzeText → buildReport → renderMarkdown / renderJson', async () => {
  const result = await vmemwarn.analyzeText(PLAIN);
  // plain-boot holds one WARNING at clk_core_disable (line 26 `cut here` .. line 57 `end trace`).
  expect(result.clusters.map((c) => [c.title, c.count, c.firstLine, c.lastLine])).toEqual([['WARNING in clk_core_disable', 1, 26, 57]]);
  const report = vmemwarn.buildReport([result]);
  expect(vmemwarn.renderMarkdown(report)).toContain('| `WARNING in clk_core_disable` |');
  const json = JSON.parse(vmemwarn.renderJson(report)) as { inputs: { clusters: { title: string }[] }[] };
  expect(json.inputs[0]?.clusters[0]?.title).toBe('WARNING in clk_core_disable');
  expect(vmemwarn.validateReport(json)).toEqual({ valid: true, errors: [] });
});

test('analyzeFile with a layout override', async () => {
  const result = await vmemwarn.analyzeFile(AMDGPU, { layout: { kernel: '6.1' } });
  const finding = result.clusters[0]?.vmemmap[0];
  expect(finding?.layout?.release?.value).toBe('6.1');
  expect(finding?.position).toBe('above-window');
});

test('LogAnalyzer is a synchronous line sink', () => {
  const analyzer = new vmemwarn.LogAnalyzer({ name: 'plain' });
  const lines = PLAIN.split('\n');
  lines.forEach((line, i) => analyzer.pushLine(i + 1, line, false));
  const result = analyzer.finish({ lines: lines.length, bytes: Buffer.byteLength(PLAIN), truncatedLines: 0, encoding: 'utf-8' });
  expect(result.clusters.map((c) => c.title)).toEqual(['WARNING in clk_core_disable']);
});

test('stripPrefixes removes the printk time, level and caller id', () => {
  expect(vmemwarn.stripPrefixes('<4>[   12.345678][  T123] WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4')).toMatchObject({
    text: 'WARNING: CPU: 0 PID: 1 at mm/x.c:1 f+0x0/0x4',
    ts: 12.345678,
    level: 4,
  });
});

test('Segmenter turns records into splats', () => {
  const splats: Splat[] = [];
  const segmenter = new vmemwarn.Segmenter({ onSplat: (s) => splats.push(s) });
  PLAIN.split('\n').forEach((line, i) => segmenter.push({ lineNo: i + 1, text: vmemwarn.stripPrefixes(line).text }, 0));
  segmenter.finish();
  expect(splats.map((s) => [s.kind, s.title])).toEqual([['warning', 'WARNING in clk_core_disable']]);
});

// Library audit D6: a consumer's editor shows an export's JSDoc, and the audit found 63 of 147 exports without one.
describe('every export of src/index.ts has a doc comment on its declaration', () => {
  /** Each export of `entry` whose declaration carries no JSDoc text, as `name (file:line)`, paths relative to `base`. */
  function undocumentedExports(entry: string, base: string): { exports: number; undocumented: string[] } {
    const program = ts.createProgram([entry], CONSUMER_COMPILER_OPTIONS);
    const checker = program.getTypeChecker();
    const source = program.getSourceFile(entry);
    const module = source && checker.getSymbolAtLocation(source);
    if (!module) throw new Error(`${entry} is no module`);
    const exported = checker.getExportsOfModule(module);
    const undocumented: string[] = [];
    for (const symbol of exported) {
      // `export { x } from`, `export type * from`: the alias resolves to the declaring file's symbol.
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      if (ts.displayPartsToString(target.getDocumentationComment(checker)).trim() !== '') continue;
      const declaration = target.declarations?.[0];
      if (!declaration) {
        undocumented.push(`${symbol.name} (no declaration found)`);
        continue;
      }
      const file = declaration.getSourceFile();
      const line = file.getLineAndCharacterOfPosition(declaration.getStart()).line + 1;
      undocumented.push(`${symbol.name} (${path.relative(base, file.fileName)}:${line})`);
    }
    return { exports: exported.length, undocumented };
  }

  test('src/index.ts', () => {
    const root = fileURLToPath(new URL('../', import.meta.url));
    const { exports, undocumented } = undocumentedExports(path.join(root, 'src/index.ts'), root);
    expect(exports).toBeGreaterThan(140);
    // Each name here lacks a `/** … */` where it is declared (the file and line named), not in src/index.ts.
    expect(undocumented).toEqual([]);
  });

  test('the check names an undocumented export, re-exported or aliased, and its file', () => {
    const dir = tempDir('index-docs');
    writeFileSync(path.join(dir, 'types.ts'), '/** Documented. */\nexport interface A { a: number }\nexport type B = string;\n');
    writeFileSync(
      path.join(dir, 'index.ts'),
      "export type { A, B as C } from './types.js';\nexport const d = 1;\n/** Documented. */\nexport const e = 2;\n",
    );
    expect(undocumentedExports(path.join(dir, 'index.ts'), dir)).toEqual({
      exports: 4,
      undocumented: ['C (types.ts:3)', 'd (index.ts:2)'],
    });
  });
});

describe('layout model: the seed thread (6.1, 48-bit VA, 4K pages, memstart 0x80000000)', () => {
  const params = { era: 'E3', pageShift: 12, vaBits: 48, structPageSize: 64, memstart: 0x8000_0000n, sectionShift: 27 } as const;

  test('computeConstants + pfnToPage / pageToPfn', () => {
    const c = vmemwarn.computeConstants(params);
    // VMEMMAP_START = -(1 << (48 - (12 - 6))); base = START - (0x80000000 >> 12) * 64.
    expect(c.vmemmapStart).toBe(0xffff_fc00_0000_0000n);
    expect(c.vmemmapBase).toBe(0xffff_fbff_fe00_0000n);
    // pfn 0xffec38000: base + pfn * 64 = 0xfffffbfffe000000 + 0x3ffb0e00000.
    expect(vmemwarn.pfnToPage(0xf_fec3_8000n, c, 64)).toBe(0xffff_ffff_aee0_0000n);
    expect(vmemwarn.pageToPfn(0xffff_ffff_aee0_0000n, c, 64)).toEqual({ pfn: 0xf_fec3_8000n, exact: true });
  });

  test('inferLayout from overrides, then explainValue', () => {
    const layout = vmemwarn.inferLayout({}, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: 0x8000_0000n });
    expect(layout.era.value).toBe('E3');
    const [e] = vmemwarn.explainValue('addr', 0xffff_ffff_aee0_0000n, [layout]);
    expect(e).toMatchObject({ pfn: 0xf_fec3_8000n, phys: 0xf_fec3_8000_000n, position: 'above-window', wrapped: false });
  });
});

test('runTriage over two samples, mergeSummaries of the two halves equals the whole', async () => {
  const files = [AMDGPU, `${SAMPLES}plain-boot-6.6-unrelated-warning.log`];
  const whole = await vmemwarn.runTriage({ inputs: files, jobs: 1 });
  const halves = await Promise.all(files.map((f) => vmemwarn.runTriage({ inputs: [f], jobs: 1 })));
  expect(whole.exitCode).toBe(0);
  expect(whole.summary.clusters.map((c) => [c.title, c.count])).toEqual([
    ['WARNING in vmemmap_populate', 40],
    ['WARNING in clk_core_disable', 1],
  ]);
  expect(vmemwarn.mergeSummaries(halves.map((h) => h.summary))).toEqual(whole.summary);
});

// Found by a library audit: the schema versions were type-only exports, so a stored report could not be checked.
test('the schema versions are values, and what the JSON carries', async () => {
  const report = JSON.parse(vmemwarn.renderJson(vmemwarn.buildReport([await vmemwarn.analyzeText(PLAIN)]))) as { schemaVersion: string };
  expect(report.schemaVersion).toBe(vmemwarn.REPORT_SCHEMA_VERSION);
  expect(vmemwarn.REPORT_SCHEMA_VERSION).toMatch(/^\d+\.\d+\.\d+$/);
  expect(Number.isInteger(vmemwarn.SUMMARY_SCHEMA_VERSION)).toBe(true);
});

test('the explain and layout JSON carry their exported versions, which their schemas name', async () => {
  const layouts = vmemwarn.candidateLayouts({}, { kernel: '6.1', vaBits: 48, pageSizeBytes: 4096, memstart: 0x80000000n });
  const layout = JSON.parse(vmemwarn.renderLayoutJson(layouts)) as { schemaVersion: string };
  expect(layout.schemaVersion).toBe(vmemwarn.LAYOUT_SCHEMA_VERSION);
  const explained = vmemwarn.explainValue('pfn', 0x80000n, layouts);
  const explain = JSON.parse(vmemwarn.renderExplainJson('pfn', 0x80000n, explained)) as { schemaVersion: string };
  expect(explain.schemaVersion).toBe(vmemwarn.EXPLAIN_SCHEMA_VERSION);
  const schemaId = (name: string) =>
    (JSON.parse(readFileSync(new URL(`../schema/${name}.schema.json`, import.meta.url), 'utf8')) as { $id: string }).$id;
  expect(schemaId('layout')).toBe(`urn:vmemwarn:layout-schema:${vmemwarn.LAYOUT_SCHEMA_VERSION}`);
  expect(schemaId('explain')).toBe(`urn:vmemwarn:explain-schema:${vmemwarn.EXPLAIN_SCHEMA_VERSION}`);
});

// Found by a review of the library API: types the exports take or give were not exported (SummaryShards,
// SeverityClass, MemstartDependentValue, SummaryTextOptions, renderSummaryMarkdown's caps, ClusterAccumulator), nor was
// PartialReadError, which feedLines throws: a consumer could not name them, nor catch the error by its class.
describe('Found by a review: what the exports take, give and throw is exported', () => {
  test('a consumer names each type, and catches PartialReadError', () => {
    const source = `import { feedLines, LogAnalyzer, PartialReadError, renderSummaryMarkdown, mergeSummaries } from 'vmemwarn';
import type { SummaryShards, SeverityClass, MemstartDependentValue, SummaryTextOptions, SummaryMarkdownCaps, ClusterAccumulator, AnalyzerPart, Summary } from 'vmemwarn';
const shards: SummaryShards | undefined = mergeSummaries([]).shards;
const worst: SeverityClass = 'crash';
const dependent: MemstartDependentValue[] = ['pfn'];
const text: SummaryTextOptions = { columns: 80 };
const caps: SummaryMarkdownCaps = { clusters: { rows: 1, chars: 100 }, vmemmap: { rows: 1, chars: 100 }, known: { rows: 1, chars: 100 }, issues: { rows: 1, chars: 100 } };
const clusters: ClusterAccumulator[] = new LogAnalyzer().part().clusters satisfies AnalyzerPart['clusters'];
const md: string = renderSummaryMarkdown({} as Summary, caps);
try {
  await feedLines([], new LogAnalyzer());
} catch (err) {
  if (err instanceof PartialReadError) console.log(err.stats.lines);
}
void [shards, worst, dependent, text, clusters, md];
`;
    expect(consumerTypeErrors(source)).toEqual([]);
  });

  test('PartialReadError is the class feedLines throws, with the stats of what was read', async () => {
    async function* failing() {
      yield Buffer.from('one\ntwo\n');
      throw new Error('EIO');
    }
    const err = await vmemwarn.feedLines(failing(), new vmemwarn.LogAnalyzer()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(vmemwarn.PartialReadError);
    expect(err).toBeInstanceOf(vmemwarn.InputError);
    expect((err as vmemwarn.PartialReadError).stats.lines).toBe('one\ntwo\n'.split('\n').length - 1);
  });

  test('no named type of the package that an export reaches is left unexported', () => {
    const entry = fileURLToPath(new URL('../dist/index.d.ts', import.meta.url));
    expect(unexportedTypes(entry)).toEqual([]);
  });
});

/**
 * Named types declared in the package (dist/) that the exports of `entry` reach, through their signatures, members and
 * type arguments, but that `entry` does not export, as `Name (via export.path)`. Type parameters are no such names.
 */
function unexportedTypes(entry: string): string[] {
  const dist = path.dirname(entry);
  const program = ts.createProgram([entry], { ...CONSUMER_COMPILER_OPTIONS, types: ['node'] });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(entry);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`${entry} is no module`);
  const resolve = (s: ts.Symbol): ts.Symbol => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s);
  const exports = checker.getExportsOfModule(module);
  const exported = new Set(exports.map(resolve));
  const inPackage = (node: ts.Node | undefined): boolean => node !== undefined && node.getSourceFile().fileName.startsWith(dist);
  const NAMED = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Class | ts.SymbolFlags.Enum;
  const missing = new Map<string, string>();
  const seen = new Set<ts.Type>();
  const note = (symbol: ts.Symbol | undefined, via: string): void => {
    if (symbol && symbol.flags & NAMED && inPackage(symbol.declarations?.[0]) && !exported.has(symbol) && !missing.has(symbol.name)) {
      missing.set(symbol.name, via);
    }
  };
  const visitSignature = (signature: ts.Signature, via: string, depth: number): void => {
    for (const p of signature.parameters) visit(checker.getTypeOfSymbol(p), `${via}(${p.name})`, depth + 1);
    visit(signature.getReturnType(), `${via}()`, depth + 1);
  };
  const visit = (type: ts.Type, via: string, depth: number): void => {
    if (depth > 8 || seen.has(type)) return;
    seen.add(type);
    note(type.aliasSymbol, via);
    note(type.getSymbol(), via);
    for (const argument of [...(type.aliasTypeArguments ?? []), ...(isReference(type) ? checker.getTypeArguments(type) : [])]) visit(argument, via, depth + 1);
    if (type.isUnionOrIntersection()) for (const member of type.types) visit(member, via, depth);
    // Node's and the standard library's types are theirs to name.
    const own = type.getSymbol();
    if (own && own.flags & NAMED && !inPackage(own.declarations?.[0])) return;
    for (const property of type.getProperties()) {
      const declaration = property.valueDeclaration ?? property.declarations?.[0];
      if (!inPackage(declaration) || ts.getCombinedModifierFlags(declaration as ts.Declaration) & ts.ModifierFlags.Private) continue;
      visit(checker.getTypeOfSymbol(property), `${via}.${property.name}`, depth + 1);
    }
    for (const signature of [...type.getCallSignatures(), ...type.getConstructSignatures()]) visitSignature(signature, via, depth);
  };
  for (const symbol of exports) {
    const target = resolve(symbol);
    if (target.flags & NAMED) visit(checker.getDeclaredTypeOfSymbol(target), symbol.name, 0);
    if (target.flags & ts.SymbolFlags.Value) visit(checker.getTypeOfSymbol(target), symbol.name, 0);
  }
  return [...missing].map(([name, via]) => `${name} (via ${via})`);
}

function isReference(type: ts.Type): type is ts.TypeReference {
  return (type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0;
}
