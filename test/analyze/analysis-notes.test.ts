import { analyzeText } from '../../src/api.js';
import { BLANK_INPUT_NOTE, EMPTY_INPUT_NOTE, encodingNote, isInformationalNote } from '../../src/analyze/analysis-notes.js';

test('the note that only describes the input, its encoding, is informational', () => {
  expect(isInformationalNote(encodingNote('utf-16le'))).toBe(true);
});

// Found by an audit: a triage of CI logs counted an empty console capture (a failed upload) as a clean log, silently.
test('an input that held nothing is worth a warning', async () => {
  expect((await analyzeText('')).warnings).toEqual([EMPTY_INPUT_NOTE]);
  expect((await analyzeText('  \n\n')).warnings).toEqual([BLANK_INPUT_NOTE]);
  for (const note of [EMPTY_INPUT_NOTE, BLANK_INPUT_NOTE]) expect(isInformationalNote(note)).toBe(false);
});

test('a note that something went unanalyzed is not', () => {
  expect(isInformationalNote('7 splat(s) of kinds first seen after 1000 clusters are counted, not clustered')).toBe(false);
  expect(isInformationalNote('empty input, and more')).toBe(false);
});
