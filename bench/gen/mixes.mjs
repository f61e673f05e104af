/**
 * How densely splats appear. `gapLines`: noise lines between events, drawn uniformly; `splatShare`: instead, noise
 * after each event sized so that this share of all lines is inside splats. `burst`: consecutive vmemmap splats per
 * event (a storm arrives in runs). `weights`: which kind an event is. `vmemmapSections`: sections per device-private
 * region, i.e. splats per populate (or free) storm.
 */
export const MIXES = {
  /**
   * One splat per ~2000 lines: a machine that warns now and then. Its regions are 125 sections, the loop count
   * John Hubbard quotes in the seed thread, so a 100 MiB log sees both populate and free storms.
   */
  quiet: {
    gapLines: [1000, 3000],
    burst: [1, 1],
    weights: { vmemmap: 0.6, warning: 0.25, oops: 0.15 },
    vmemmapSections: 125,
  },
  /**
   * A third of all lines inside splats: a driver load/unload loop under a vmemmap WARNING storm, with the seed
   * thread's 79.125 GiB region (633 sections, see VmemmapStorm).
   */
  storm: {
    splatShare: 1 / 3,
    burst: [8, 64],
    weights: { vmemmap: 0.85, warning: 0.1, oops: 0.05 },
    vmemmapSections: 633,
  },
};

/** @returns {(typeof MIXES)[keyof typeof MIXES]} */
export function mixByName(name) {
  if (!Object.hasOwn(MIXES, name)) throw new Error(`unknown mix ${name}: use ${Object.keys(MIXES).join(' or ')}`);
  return MIXES[name];
}
