import { provenanceText } from '../../src/layout/provenance-text.js';

test.each([
  [{ kind: 'user', text: '--va-bits 48' }, 'user: --va-bits 48'],
  [{ kind: 'log', lineNo: 14, text: 'Linux version 6.1.0' }, 'log (line 14): Linux version 6.1.0'],
  [{ kind: 'register', reg: 'x4', lineNo: 40 }, 'register (x4, line 40)'],
  [{ kind: 'version-default' }, 'kernel-version default'],
] as const)('%j', (p, text) => {
  expect(provenanceText(p)).toBe(text);
});
