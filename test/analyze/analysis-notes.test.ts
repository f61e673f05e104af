import { analyzeText } from '../../src/api.js';
import { BLANK_INPUT_NOTE, EMPTY_INPUT_NOTE, encodingNote, isInformationalNote } from '../../src/analyze/analysis-notes.js';

test('the notes that only describe the input are informational', async () => {
  expect((await analyzeText('')).warnings).toEqual([EMPTY_INPUT_NOTE]);
  expect((await analyzeText('  \n\n')).warnings).toEqual([BLANK_INPUT_NOTE]);
  for (const note of [EMPTY_INPUT_NOTE, BLANK_INPUT_NOTE, encodingNote('utf-16le')]) expect(isInformationalNote(note)).toBe(true);
});

test('a note that something went unanalyzed is not', () => {
  expect(isInformationalNote('7 splat(s) of kinds first seen after 1000 clusters are counted, not clustered')).toBe(false);
  expect(isInformationalNote('empty input, and more')).toBe(false);
});
