import { interruptedWords, stopSignalOf, stopSignalsUnion, stopWords } from '../../src/util/stop-cause.js';

// Found by a review of the CLI: triage's summary, its JUnit and merge's warning called every stop Ctrl-C.
describe('stop cause', () => {
  const aborted = (reason?: unknown): AbortSignal => {
    const controller = new AbortController();
    controller.abort(reason);
    return controller.signal;
  };

  test('the stop signal a signal was aborted with; none when not aborted or for another reason', () => {
    expect(stopSignalOf(aborted('SIGHUP'))).toBe('SIGHUP');
    expect(stopSignalOf(aborted())).toBeUndefined();
    expect(stopSignalOf(aborted('SIGKILL'))).toBeUndefined();
    expect(stopSignalOf(new AbortController().signal)).toBeUndefined();
    expect(stopSignalOf(undefined)).toBeUndefined();
  });

  test('in words: Ctrl-C for SIGINT, the name otherwise; neutral when not known', () => {
    expect(stopWords(['SIGINT', 'SIGTERM'])).toBe('Ctrl-C and SIGTERM');
    expect(interruptedWords(['SIGHUP'])).toBe('interrupted (SIGHUP)');
    expect(interruptedWords([])).toBe('interrupted');
    expect(interruptedWords(undefined)).toBe('interrupted');
  });

  test('a union names each once, in the order SIGINT, SIGTERM, SIGHUP', () => {
    expect(stopSignalsUnion([['SIGHUP'], undefined, ['SIGTERM', 'SIGHUP'], ['SIGINT']])).toEqual(['SIGINT', 'SIGTERM', 'SIGHUP']);
    expect(stopSignalsUnion([undefined, []])).toEqual([]);
  });
});
