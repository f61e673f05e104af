import { isRepeatable, recallLine } from '../../src/parse/repeated-lines.js';

describe('recallLine', () => {
  test('one entry per text, however the text is asked again', () => {
    const a = recallLine(' a+0x1/0x2');
    expect(recallLine(' a+0x1/0x2')).toBe(a);
    const b = recallLine(' b+0x1/0x2');
    expect(b).not.toBe(a);
    expect(recallLine(` ${'a+0x1/0x2'}`)).toBe(a);
    expect(a.text).toBe(' a+0x1/0x2');
  });

  test('what was found about a text stays with it', () => {
    const line = recallLine(' facts+0x1/0x2');
    line.holdsNeedle = false;
    recallLine(' other+0x1/0x2');
    expect(recallLine(' facts+0x1/0x2').holdsNeedle).toBe(false);
  });

  test('a sequence repeated with one line changed gets each text its own entry', () => {
    const texts = (mid: string) => [' p+0x1/0x2', mid, ' r+0x1/0x2'];
    const first = texts(' q+0x1/0x2').map(recallLine);
    expect(texts(' q+0x1/0x2').map(recallLine)).toEqual(first);
    const changed = texts(' z+0x1/0x2').map(recallLine);
    expect(changed.map((l) => l.text)).toEqual(texts(' z+0x1/0x2'));
    expect(changed[0]).toBe(first[0]);
    expect(changed[2]).toBe(first[2]);
  });

  test('texts stay right after the memo filled and was cleared', () => {
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 10_000; i++) expect(recallLine(` f${i}+0x1/0x2`).text).toBe(` f${i}+0x1/0x2`);
    }
  });
});

describe('isRepeatable', () => {
  test('lines with an offset', () => {
    expect(isRepeatable(' vmemmap_populate+0x30/0x48')).toBe(true);
    expect(isRepeatable('x29: ffff80000830ab60 x28: 0000000000000000')).toBe(false);
  });
});
