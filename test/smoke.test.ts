import type { LogRecord } from '../src/parse/types.js';
test('toolchain', () => { const r: LogRecord = { lineNo: 1, text: 'x' }; expect(r.lineNo).toBe(1); expect(1n << 64n).toBe(18446744073709551616n); });
