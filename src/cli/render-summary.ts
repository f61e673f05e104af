import type { Summary } from '../triage/summary-types.js';
import { renderSummaryText } from '../triage/summary-render-text.js';
import { renderSummaryJson } from '../triage/summary-render-json.js';
import { renderSummaryMarkdown } from '../triage/summary-render-markdown.js';
import { renderSummaryJunit } from '../triage/junit.js';
import type { FailOn } from './fail-on.js';

export const SUMMARY_FORMATS = ['text', 'json', 'markdown', 'junit'] as const;
export type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

/** A triage or merged summary in the format asked for; JUnit marks logs failed by `failOn` (default any). */
export function renderSummaryAs(format: SummaryFormat, summary: Summary, failOn: FailOn | undefined): string {
  switch (format) {
    case 'json':
      return renderSummaryJson(summary);
    case 'markdown':
      return renderSummaryMarkdown(summary);
    case 'junit':
      return renderSummaryJunit(summary, failOn ?? 'any');
    case 'text':
      return renderSummaryText(summary);
  }
}
