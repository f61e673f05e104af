import { eraSupportsVaBits, shapes } from '../../src/layout/hypotheses.js';

test('52-bit needs E2+ with 64K pages and E4 with 4K/16K', () => {
  expect(eraSupportsVaBits('E1', 16, 52)).toBe(false);
  expect(eraSupportsVaBits('E2', 16, 52)).toBe(true);
  expect(eraSupportsVaBits('E3', 12, 52)).toBe(false);
  expect(eraSupportsVaBits('E4', 14, 52)).toBe(true);
  expect(eraSupportsVaBits('E4', 12, 47)).toBe(false);
});

test('shapes enumerates each valid combination once', () => {
  // E3: 4K {39, 48}, 16K {36, 47, 48}, 64K {42, 48, 52} = 8; E4 adds 52 for 4K and 16K = 10.
  expect(shapes(['E3'])).toHaveLength(8);
  expect(shapes(['E4'])).toHaveLength(10);
});

test('shapeLabel names a shape as reports do, and shapeOf reads one from an inferred layout', async () => {
  const { inferLayout } = await import('../../src/layout/infer.js');
  const { shapeLabel, shapeOf } = await import('../../src/layout/hypotheses.js');
  expect(shapeLabel({ era: 'E3', vaBits: 48, pageShift: 12 })).toBe('E3 48-bit/4K');
  expect(shapeLabel(shapeOf(inferLayout({}, { kernel: '6.10', vaBits: 52, pageSizeBytes: 65536 })))).toBe('E4 52-bit/64K');
});
