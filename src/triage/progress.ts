import type { TriageProgress } from './triage-options.js';
import { sanitizeTerminal } from '../report/terminal-sanitize.js';
import { createSpinner } from '../cli/spinner.js';

export interface ProgressReporter {
  update(p: TriageProgress): void;
  /** Clears the spinner line (the summary follows on stdout). */
  stop(): void;
}

/** `12/40 files · 3.1/9.8 MiB · 2.4 MiB/s · ETA 3s · logs/boot.txt` */
export function formatProgress(p: TriageProgress): string {
  const seconds = p.elapsedMs / 1000;
  const rate = seconds > 0 ? p.bytesDone / seconds : 0;
  const parts = [`${p.filesDone}/${p.filesTotal} files`, `${mib(p.bytesDone)}/${mib(p.bytesTotal)} MiB`];
  if (rate > 0) {
    parts.push(`${mib(rate)} MiB/s`);
    parts.push(`ETA ${formatDuration(Math.max(0, p.bytesTotal - p.bytesDone) / rate)}`);
  }
  if (p.current !== undefined) parts.push(sanitizeTerminal(p.current));
  return parts.join(' · ');
}

export async function createProgressReporter(stream: NodeJS.WritableStream, opts: { enabled: boolean; colour?: boolean }): Promise<ProgressReporter> {
  if (!opts.enabled) return { update: () => undefined, stop: () => undefined };
  const spinner = await createSpinner(stream, opts.colour === undefined ? {} : { colour: opts.colour });
  return {
    update(p) {
      spinner.text = formatProgress(p);
      if (!spinner.isSpinning) spinner.start();
    },
    stop() {
      spinner.stop();
    },
  };
}

function mib(bytes: number): string {
  return (bytes / (1024 * 1024)).toFixed(1);
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)}s`;
  const minutes = Math.floor(seconds / 60);
  return minutes < 60 ? `${minutes}m${Math.round(seconds % 60)}s` : `${Math.floor(minutes / 60)}h${minutes % 60}m`;
}
