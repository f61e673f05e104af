import type { Summary } from '../triage/summary-types.js';
import type { FailOn } from './fail-on.js';
import type { SummaryTextOptions } from '../triage/summary-render-text.js';

export const SUMMARY_FORMATS = ['text', 'json', 'markdown', 'junit'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/**
 * A triage or merged summary in the format asked for (JSON in pieces); JUnit marks logs failed by `failOn` (default any), text clips
 * its tables to `text.columns`. Each
 * renderer is loaded when asked for, so that the commands that never render a summary do not load them.
 */
export async function renderSummaryAs(
  format: SummaryFormat,
  summary: Summary,
  failOn: FailOn | undefined,
  text: SummaryTextOptions = {},
): Promise<string | Iterable<string>> {
  switch (format) {
    case 'json':
      // In pieces, written as they are made: a summary lists every log (renderSummaryJsonChunks).
      return (await import('../triage/summary-render-json.js')).renderSummaryJsonChunks(summary);
    case 'markdown':
      return (await import('../triage/summary-render-markdown.js')).renderSummaryMarkdown(summary);
    case 'junit':
      return (await import('../triage/junit.js')).renderSummaryJunit(summary, failOn);
    case 'text':
      return (await import('../triage/summary-render-text.js')).renderSummaryText(summary, text);
  }
}
