import { revive } from '../../util/revive.js';

/**
 * The grid every splat's start lies on: the greatest common divisor of the distances between the starts (bytes of
 * struct page address). A storm of whole sections starts every call on a section, so its grid is a multiple of the
 * call; equal partial-section regions end to end are cut at each section they cross (sparse_add_section works one
 * section at a time), and the cut's start is off their grid. Two numbers, whatever the storm's size.
 */
export class StartGrid {
  private first: bigint | undefined;
  private divisor = 0n;

  add(start: bigint): void {
    if (this.first === undefined) this.first = start;
    else this.divisor = gcd(this.divisor, distance(start, this.first));
  }

  /** Takes in the grid of the splats read after this one's (analyze/parts/): as if this one had read them. */
  absorb(later: StartGrid): void {
    if (later.first === undefined) return;
    if (this.first === undefined) {
      this.first = later.first;
      this.divisor = later.divisor;
      return;
    }
    this.divisor = gcd(gcd(this.divisor, later.divisor), distance(later.first, this.first));
  }

  /** The grid's step: 0n when every start is the same one, undefined before the first start. */
  get step(): bigint | undefined {
    return this.first === undefined ? undefined : this.divisor;
  }

  static revive(cloned: StartGrid): StartGrid {
    return revive(cloned, StartGrid);
  }
}

function distance(a: bigint, b: bigint): bigint {
  return a > b ? a - b : b - a;
}

function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}
