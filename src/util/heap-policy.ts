import v8 from 'node:v8';

/**
 * Young generation (both semi-spaces) at which its growth stops: V8's default lets it grow to 32 MiB. V8 also sets
 * the next full GC's trigger above the live old generation by the young generation's size, so a smaller one keeps
 * both down. 4 MiB against 8 MiB (by hand, `--threads 1`): storm 100 MiB 1.07 s against 1.06 s (median of 10),
 * peak RSS 66 MiB against 70; storm 1 GiB 75–77 MiB against 80–83; 300 tasks printing reports in turn (caller ids,
 * 46 MiB) 91 MiB against 136–141. At 2 MiB the storm logs took 5–10 % longer for no lower peak.
 */
export const YOUNG_GENERATION_CAP_BYTES = 4 * 1024 * 1024;
/** How far above the live old generation V8 may let it grow before the next full GC. */
const OLD_GENERATION_GROWTH_PERCENT = 20;
const POLL_MS = 5;

export interface HeapControls {
  newSpaceBytes(): number;
  setFlags(flags: string): void;
}

const V8_CONTROLS: HeapControls = {
  newSpaceBytes: () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space')?.space_size ?? 0,
  setFlags: (flags) => v8.setFlagsFromString(flags),
};

/**
 * Keeps V8's heap near what the analysis needs. Over a long log V8 doubles the young generation up to 32 MiB and
 * lets the old one grow well past its live size, which put the peak RSS of a 1 GiB log 20–45 MiB above that of a
 * 100 MiB one while the live heap after a full GC stayed at 7 MiB for both (bench/RESULTS.md). The
 * `--max-semi-space-size` and `--max-old-space-size` flags would be the tidy way, but V8 reads them only when the
 * heap is set up; the two flags set here are read each time V8 resizes. Measured on the bench logs: same speed
 * within noise, peak RSS 77–86 MiB at 100 MiB and 1 GiB alike. Only the CLI applies this, to its own process.
 * Returns a function that stops watching the young generation.
 */
export function applyHeapPolicy(controls: HeapControls = V8_CONTROLS, capBytes = YOUNG_GENERATION_CAP_BYTES): () => void {
  limitOldGenerationGrowth(controls);
  return capYoungGeneration(controls, capBytes);
}

/**
 * The old-generation half of the policy, for every isolate of the process (the flag is process-wide). `triage`
 * applies it besides capping each thread's young generation (runTriage's `youngGenerationCapBytes`): without it V8
 * let the old generation reach four times its live size, which grows with the inputs (a task and a summary row
 * each), so 20,000 logs of 16 KB peaked at 180 MiB and 5,000 at 112–116 (`--jobs 1`); with it, and the young
 * generation capped from the start, 102 and 83–84 MiB, for 5–10 % more CPU time (README, "Triage keeps a live heap").
 */
export function limitOldGenerationGrowth(controls: HeapControls = V8_CONTROLS): void {
  controls.setFlags(`--heap-growing-percent=${OLD_GENERATION_GROWTH_PERCENT}`);
}

/**
 * The young-generation half of the policy alone, which `triage` applies on every thread (the CLI adds the
 * old-generation half, `limitOldGenerationGrowth`, which costs it 5–10 % of CPU time on small logs). This half left
 * the speed as it was and cut peak RSS on 500 logs of 1 MiB from
 * 150–164 MiB to 110–120 MiB with `--jobs 1` and from 187–213 MiB to 157–165 MiB with `--jobs 2` (by hand, 5 runs
 * each, at a cap of 8 MiB; at 4 MiB, 3 runs each on a later build: 92–93 MiB and 113–115 MiB). Each isolate watches its own young generation; the flag that stops the growth is process-wide.
 * Returns a function that stops watching.
 */
export function capYoungGeneration(controls: HeapControls = V8_CONTROLS, capBytes = YOUNG_GENERATION_CAP_BYTES): () => void {
  const capped = (): boolean => {
    if (controls.newSpaceBytes() < capBytes) return false;
    // At factor 1 a growth step keeps the current size.
    controls.setFlags('--semi-space-growth-factor=1');
    return true;
  };
  if (capped()) return () => undefined;
  const timer = setInterval(() => {
    if (capped()) clearInterval(timer);
  }, POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
