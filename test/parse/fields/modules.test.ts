import { parseModulesLine } from '../../../src/parse/fields/modules.js';

describe('parseModulesLine', () => {
  test('names without taint marks or the last-unloaded note', () => {
    expect(parseModulesLine('Modules linked in: mvpp2(E) nf_tables hello(O) [last unloaded: foo]')).toEqual([
      'mvpp2',
      'nf_tables',
      'hello',
    ]);
  });

  test('an empty list and a non-module line', () => {
    expect(parseModulesLine('Modules linked in:')).toEqual([]);
    expect(parseModulesLine('Hardware name: linux,dummy-virt (DT)')).toBeUndefined();
  });
});
