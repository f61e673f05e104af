/** Types for the plain-ESM profile summary, so the TypeScript tests can import it. */
export interface FunctionTime {
  name: string;
  location: string;
  file: string;
  selfMs: number;
  percent: number;
  totalMs: number;
  totalPercent: number;
}
export interface ProfileSummary {
  totalMs: number;
  functions: FunctionTime[];
  files: { file: string; selfMs: number; percent: number }[];
}
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}
export function summarizeProfile(profile: CpuProfile, root?: string): ProfileSummary;
export function renderProfileSummary(summary: ProfileSummary, top?: number): string;
