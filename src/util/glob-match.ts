/**
 * Whether `text` matches a glob of the whole of it, where `*` is any run of characters and `?` any one character,
 * and every other character stands for itself. A glob turned into a regex (`.*` for each `*`) backtracks in
 * O(n^k) on a crafted text for k stars; this walks text and pattern once, going back only to the last star, so it
 * takes at most O(n·m) (the classic wildcard match). Used on log text, which is untrusted.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  // Where the last `*` was in the pattern, and where in the text its match would next be extended to.
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern[p];
    if (c === '*') {
      star = p++;
      resume = t;
    } else if (c !== undefined && (c === '?' || c === text[t])) {
      p++;
      t++;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (pattern[p] === '*') p++;
  return p === pattern.length;
}
