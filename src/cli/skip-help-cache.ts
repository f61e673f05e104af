import type { Argv } from 'yargs';

interface UsageInternals {
  cacheHelpMessage?: () => void;
}
interface YargsInternals {
  getInternalMethods?: () => { getUsageInstance?: () => UsageInternals | undefined } | undefined;
}

/**
 * Stops yargs from rendering a command's help text each time it runs the command's handler.
 *
 * yargs renders it in advance in case the handler fails and usage has to be shown; cliui then measures every cell
 * with string-width (Intl.Segmenter and an emoji regex): 25–30 ms of a 0.15 s start-up, on every run. Our `.fail()`
 * throws instead of showing usage, and `--help` renders the text when asked, so the cached copy is never read.
 * This reaches into yargs' internal methods (yargs 18); if they change, yargs keeps its own behaviour and only the
 * time is lost.
 */
export function skipHelpCache(parser: Argv): void {
  const usage = (parser as unknown as YargsInternals).getInternalMethods?.()?.getUsageInstance?.();
  if (usage && typeof usage.cacheHelpMessage === 'function') usage.cacheHelpMessage = () => {};
}
