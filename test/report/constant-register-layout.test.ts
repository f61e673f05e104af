import { buildReport } from '../../src/report/model.js';
import { notTakenNote } from '../../src/report/constant-register-layout.js';
import { armResult, TOOL } from './fixtures.js';

// The fixture's layout is E3 48-bit/4K, and its example names x21 as VMEMMAP_END of `E3 48/4K`.
const vmemmap = () => buildReport([armResult()], { tool: TOOL }).inputs[0]!.clusters[0]!.vmemmap[0]!;

test('a constant of the layout taken needs no note', () => {
  const v = vmemmap();
  expect(notTakenNote(v.example!.constantRegs[0]!, v.layout)).toBeUndefined();
});

test('a constant only of other layouts names the one taken, in the listing\'s short form', () => {
  const v = vmemmap();
  const genmask = { reg: 'x5', constant: 'VMEMMAP_END' as const, form: 'exact' as const, value: '0xffffffff00000000', layouts: ['E3 39/4K'] };
  expect(notTakenNote(genmask, v.layout)).toBe('not the layout taken (E3 48/4K)');
});

test('without a layout there is nothing to compare with', () => {
  const v = vmemmap();
  expect(notTakenNote({ ...v.example!.constantRegs[0]!, layouts: ['E4 48/4K'] }, undefined)).toBeUndefined();
});
