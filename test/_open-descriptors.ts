import { readdirSync, readlinkSync } from 'node:fs';

/** How many of this process's descriptors are open on `path` (Linux: /proc/self/fd). */
export function descriptorsOpenOn(path: string): number {
  return readdirSync('/proc/self/fd').filter((fd) => targetOf(fd) === path).length;
}

function targetOf(fd: string): string | undefined {
  try {
    return readlinkSync(`/proc/self/fd/${fd}`);
  } catch {
    // Closed since it was listed (the listing's own descriptor is).
    return undefined;
  }
}
