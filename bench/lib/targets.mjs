/** Performance targets from the benchmark issue, next to which RESULTS.md puts the measured numbers. */
export const TARGETS = {
  /** analyze throughput ÷ `LC_ALL=C grep -c 'WARNING:'` throughput, per mix. */
  grepRatio: { quiet: 0.3, storm: 0.1 },
  /** Peak RSS of analyze at any input size. */
  maxRssMiB: 120,
  /** 100 MiB and 1 GiB peak RSS count as "equal within noise" when this close (the larger of the two bounds). */
  rssNoise: { relative: 0.1, absoluteMiB: 8 },
  /** triage --jobs 2 speed-up over --jobs 1. */
  triageSpeedup: 1.8,
};
