import type { Ora } from 'ora';

/**
 * An ora spinner on `stream`, not started. ora (and chalk, cli-spinners behind it: 40 ms to load) is imported only
 * here, by a run that will draw one. The caller has decided that it should (progressEnabled): left to itself, ora
 * takes any CI variable, even CI=false, for a CI run and prints one static line instead. stdin is left alone,
 * since analyze may be reading it. `colour: false` (NO_COLOR) draws it without colour.
 */
export async function createSpinner(stream: NodeJS.WritableStream, opts: { colour?: boolean } = {}): Promise<Ora> {
  const { default: ora } = await import('ora');
  return ora({ stream, isEnabled: true, discardStdin: false, ...(opts.colour === false && { color: false }) });
}
