/// <reference types="node" preserve="true" />
/**
 * vmemwarn as a library: the whole pipeline, from bytes to rendered reports. The CLI (src/cli/) is a thin layer
 * over these exports.
 */

// Analysis entry points.
export { analyzeStream, analyzeFile, analyzeText, type StreamAnalyzeOptions, type FileAnalyzeOptions } from './api.js';
export { LogAnalyzer, type AnalyzerPart } from './analyze/analyzer.js';
export type { ClusterAccumulator } from './analyze/cluster-accumulator.js';
export type { HostRunsPart } from './analyze/host-runs.js';
export type { SeverityClass } from './analyze/splat-severity.js';
export type { AnalyzeOptions } from './analyze/analyze-options.js';
export type * from './analyze/types.js';
export { signatureOf, normalizeTitle, type Signature } from './analyze/signature.js';
export { isVmemmapSplat } from './analyze/vmemmap/is-vmemmap-splat.js';
export { readRegisters } from './analyze/vmemmap/read-registers.js';
export { VmemmapAccumulator, type SharedLayoutEvidence } from './analyze/vmemmap/vmemmap-accumulator.js';
export { evidenceFromResult, layoutBoot, type LayoutBoot } from './analyze/layout-evidence.js';

// Ingest and parse stages.
export { openInput, type OpenedInput, type OpenOptions, type Compression } from './ingest/open-input.js';
export type { DecompressOptions } from './ingest/decompress.js';
export { DecompressBudget } from './ingest/size-limit.js';
export { feedLines, PartialReadError, type FeedStats, type FeedOptions } from './ingest/feed-lines.js';
export type { HitSearch } from './ingest/line-feeder.js';
export type { LineSink } from './ingest/line-sink.js';
export { stripPrefixes, type StrippedLine } from './parse/prefix.js';
export { RecordAssembler } from './parse/record-assembler.js';
export { Segmenter, type SegmenterOptions } from './parse/segmenter.js';
export { BootFactCollector, bootByIndex, LISTED_BOOTS, type BootFactsPart } from './parse/boot-facts.js';
export type * from './parse/types.js';

// The arm64 layout model.
export type * from './layout/types.js';
export { computeConstants } from './layout/constants.js';
export { eraForRelease, parseRelease, type KernelVersion } from './layout/eras.js';
export { pfnToPage, pageToPfn, pfnToPhys, physToPfn, classifyPage, type MemstartDependentValue } from './layout/convert.js';
export { inferLayout, candidateLayouts, plausibleLayouts, type LayoutEvidence, type RegisterMemstart } from './layout/infer.js';
export { explainValue, type Explanation, type ValueKind } from './layout/explain.js';
export { layoutTable, type LayoutRow } from './layout/layout-table.js';
export { parseKernelConfig, type KernelConfig, type ConfigFact } from './layout/kconfig.js';
export type { RegisterValue } from './layout/register-match.js';

// Reports.
export { buildReport, type BuildReportOptions } from './report/model.js';
export type * from './report/model-types.js';
export { REPORT_SCHEMA_VERSION } from './report/model-types.js';
export { renderJson, renderJsonChunks } from './report/render-json.js';
export { renderText, renderTextChunks, type TextOptions } from './report/render-text.js';
export { renderMarkdown } from './report/render-markdown.js';
export { renderSummaryLine } from './report/render-summary-line.js';
export { renderExplainText, renderExplainJson, EXPLAIN_SCHEMA_VERSION } from './report/render-explain.js';
export { renderLayoutText, renderLayoutJson, LAYOUT_SCHEMA_VERSION } from './report/render-layout.js';
export { validateReport, type ReportValidation } from './report/validate.js';

// Batch triage.
export { runTriage, type TriageHooks } from './triage/run-triage.js';
export type { TriageOptions, TriageOutcome, TriageProgress } from './triage/triage-options.js';
export { mergeSummaries } from './triage/merge.js';
export type { MergeOptions } from './triage/merge-options.js';
export { parseSummary, summaryProblems } from './triage/validate-summary.js';
export type { FailOn } from './cli/fail-on.js';
export type {
  Summary,
  SummaryCluster,
  SummaryVmemmap,
  SummaryLog,
  SummaryLogCluster,
  SummaryIssue,
  SummaryTotals,
  SummaryRun,
  ClusterHistory,
  IssueSeverity,
  SummaryShards,
  HexRange as SummaryHexRange,
} from './triage/summary-types.js';
export { SUMMARY_SCHEMA_VERSION } from './triage/summary-types.js';
export { renderSummaryText, type SummaryTextOptions } from './triage/summary-render-text.js';
export { renderSummaryJson } from './triage/summary-render-json.js';
export { renderSummaryMarkdown, type SummaryMarkdownCaps } from './triage/summary-render-markdown.js';
export type { RowCap } from './report/markdown-cap.js';
export { renderSummaryJunit } from './triage/junit.js';

// Errors and exit codes.
export { EXIT, VmemwarnError, UsageError, InputError, type ExitCode } from './errors.js';
export { ReadInterrupted } from './until-aborted.js';
