/** Resolves after the event loop has run once: signal handlers and worker messages get their turn. */
export function turnOfEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
