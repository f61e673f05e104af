/** Types for the plain-ESM floor script, so the TypeScript tests can import it. */
export function countLinesAndWarnings(path: string): { lines: number; warnings: number };
