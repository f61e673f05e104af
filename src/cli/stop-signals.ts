import { constants } from 'node:os';
import { STOP_SIGNALS, stopSignalOf, stopWords, type StopSignal } from '../util/stop-cause.js';

// The signals that stop a run the way Ctrl-C does (STOP_SIGNALS): what was read is still reported. SIGTERM is how CI
// timeouts, `timeout` and `docker stop` end a job, SIGHUP a closed terminal or ssh session; without a handler either
// had ended the process at once, writing nothing.

/** The shell's exit code for a process a signal ended: 128 + its number (130 for SIGINT, 143 for SIGTERM). */
export function signalExitCode(signal: StopSignal): number {
  return 128 + constants.signals[signal];
}

/** The stop signal `signal` was aborted with (its reason, as onStopSignals sets it); SIGINT for any other abort. */
export function stoppedBy(signal: AbortSignal): StopSignal {
  return stopSignalOf(signal) ?? 'SIGINT';
}

/** What stopped a run, for its messages: `Ctrl-C` for SIGINT, else the signal's name. */
export function stopCause(signal: AbortSignal): string {
  return stopWords([stoppedBy(signal)]);
}

/**
 * Aborts `controller` on the first stop signal, with the signal's name as its reason; on a second one of any of them,
 * calls `again` with the first (which exits at once). Returns a function that removes the handlers.
 */
export function onStopSignals(controller: AbortController, again: (first: StopSignal) => void): () => void {
  let first: StopSignal | undefined;
  const handlers = STOP_SIGNALS.map((name) => {
    const handler = (): void => {
      if (first !== undefined) {
        again(first);
        return;
      }
      first = name;
      controller.abort(name);
    };
    process.on(name, handler);
    return [name, handler] as const;
  });
  return () => {
    for (const [name, handler] of handlers) process.off(name, handler);
  };
}
