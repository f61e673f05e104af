import { layoutReport } from '../../src/report/layout-report.js';
import { layout } from './fixtures.js';
import { schemaValidator } from '../cli/_schema.js';

test('each parameter keeps value, provenance and confidence; constants in hex, page counts as numbers', () => {
  const l = layoutReport(layout());
  expect(l.vaBits).toEqual({ value: 48, source: { kind: 'register', lineNo: 70, reg: 'x21', text: 'x21 equals VMEMMAP_END of a 48-bit layout' }, confidence: 'high' });
  expect(l.era).toEqual({ value: 'E3', source: { kind: 'version-default', text: '5.11 <= 6.1 < 6.9' }, confidence: 'high' });
  expect(l.memstart.value).toBe('0x80000000');
  expect(l.structPageSize.source).toEqual({ kind: 'default' });
  expect(l.constants).toEqual({
    pageOffset: '0xffff000000000000',
    pageEnd: '0xffff800000000000',
    vaBitsMin: 48,
    vmemmapStart: '0xfffffc0000000000',
    vmemmapEnd: '0xfffffe0000000000',
    vmemmapSize: '0x20000000000',
    vmemmapBase: '0xfffffbfffe000000',
    pagesPerSection: 32768,
    pagesPerSubsection: 512,
    memmapBytesPerSection: '0x200000',
    memmapBytesPerSubsection: '0x8000',
  });
  expect(l.assumptions).toEqual(['sizeof(struct page) is 64 bytes']);
});

test('a negative memstart_addr (s64) is shown as u64', () => {
  const raw = layout();
  raw.memstart.value = -0x8000_0000n;
  // 2^64 - 0x80000000
  expect(layoutReport(raw).memstart.value).toBe('0xffffffff80000000');
});

// The layout and explain schemas each carry the report schema's layout object, so that each file stands alone: a
// change to layoutReport's shape must reach all three.
describe("the layout and explain schemas describe layoutReport's object as the report schema does", () => {
  const report = schemaValidator('report').schema.$defs;

  test.each(['hex', 'confidence', 'provenance'])('$defs/%s', (name) => {
    expect(schemaValidator('layout').schema.$defs[name]).toEqual(report[name]);
    expect(schemaValidator('explain').schema.$defs[name]).toEqual(report[name]);
  });

  test('explain: $defs/layout; layout: $defs/labelledLayout, the same with a label', () => {
    expect(schemaValidator('explain').schema.$defs['layout']).toEqual(report['layout']);
    const { description: _description, required, properties, ...rest } = schemaValidator('layout').schema.$defs['labelledLayout'] as {
      description: string;
      required: string[];
      properties: Record<string, unknown>;
    };
    const { label: _label, ...unlabelled } = properties;
    expect({ ...rest, required: required.filter((k) => k !== 'label'), properties: unlabelled }).toEqual(report['layout']);
    expect(required).toContain('label');
  });
});
