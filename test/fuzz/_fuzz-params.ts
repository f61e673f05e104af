/** fast-check settings shared by the properties: a fixed seed so a failure replays, runs from FUZZ_RUNS (npm run fuzz). */
export const FUZZ_SEED = 20_261_125;

export function fuzzRuns(defaultRuns: number): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? fromEnv : defaultRuns;
}

export function fuzzParams(defaultRuns: number): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns) };
}

/** Per-test timeout that grows with the run count, so `npm run fuzz` is not cut short. */
export function fuzzTimeoutMs(defaultRuns: number, msPerRun: number): number {
  return Math.max(60_000, fuzzRuns(defaultRuns) * msPerRun);
}
