/**
 * fast-check settings shared by the properties: a fixed seed so a failure replays, runs from FUZZ_RUNS (npm run fuzz).
 * FUZZ_SEED=N explores other inputs; a failure prints its seed, which replays it.
 */
export const FUZZ_SEED = seedFrom(process.env.FUZZ_SEED) ?? 20_261_125;

function seedFrom(text: string | undefined): number | undefined {
  const seed = Number(text);
  return text !== undefined && text !== '' && Number.isSafeInteger(seed) ? seed : undefined;
}

/**
 * `defaultRuns` in the normal suite; under FUZZ_RUNS, that many times `share` (a property that costs ~20× the others
 * takes a share of 1/20, so `npm run fuzz` stays within minutes).
 */
export function fuzzRuns(defaultRuns: number, share = 1): number {
  const fromEnv = Number(process.env.FUZZ_RUNS);
  return Number.isInteger(fromEnv) && fromEnv > 0 ? Math.max(1, Math.round(fromEnv * share)) : defaultRuns;
}

export function fuzzParams(defaultRuns: number, share = 1): { seed: number; numRuns: number } {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(defaultRuns, share) };
}

/** Per-test timeout that grows with the run count, so `npm run fuzz` is not cut short. */
export function fuzzTimeoutMs(defaultRuns: number, msPerRun: number, share = 1): number {
  return Math.max(60_000, fuzzRuns(defaultRuns, share) * msPerRun);
}
