/** The leading elements every list shares; none for no lists. */
export function commonPrefix<T>(lists: readonly (readonly T[])[]): T[] {
  let common = lists[0] ?? [];
  for (const list of lists) {
    let n = 0;
    while (n < common.length && n < list.length && common[n] === list[n]) n++;
    common = common.slice(0, n);
  }
  return [...common];
}

/**
 * The deepest directory every name lies in, ending in `/`, as the names spell it (`/srv/logs/a/x.log` and
 * `/srv/logs/b/y.log`: `/srv/logs/`); '' when they share none, or only the file system's root.
 */
export function commonDirectory(names: readonly string[]): string {
  const dir = commonPrefix(names.map((name) => name.split('/').slice(0, -1))).join('/');
  return dir === '' ? '' : `${dir}/`;
}
