/**
 * Whether the kernel records of several hosts interleave in one log: a syslog server's file or a journal that
 * gathers machines (`journalctl -m`, a remote journal) with their lines sorted by time. The analysis reads a log as one
 * machine's, one boot after another, so a host's reports are then read in the boot, and with the layout, of whichever
 * host last booted. One host after another (logs concatenated, a host renamed at boot) is one boot after another, as
 * the analysis has it: only a return to a host left before counts.
 */

import { ownCopy } from '../util/own-copy.js';

/** Hosts tracked by name; a log with more is taken as one that mixes them. */
const MAX_HOSTS = 64;

/** What one part of a log showed of its hosts, for the analyzer of the part before it (LogAnalyzer.absorb). */
export interface HostRunsPart {
  first?: string;
  last?: string;
  /** The hosts seen, in the order first seen (at most MAX_HOSTS). */
  hosts: string[];
  /** Hosts whose run of records ended before the part did. */
  left: string[];
  interleaved: boolean;
}

export class HostRuns {
  private first: string | undefined;
  private last: string | undefined;
  private readonly hosts = new Set<string>();
  private readonly left = new Set<string>();
  private interleaved = false;

  /** A kernel record's host (none: a record whose transport names no host). */
  note(host: string | undefined): void {
    if (host === undefined || host === this.last) return;
    // Kept as a copy: a name cut from a line would keep the line's whole batch alive.
    const name = ownCopy(host);
    if (this.last === undefined) this.first = name;
    else this.leave(this.last);
    this.see(name);
    this.last = name;
  }

  /** The hosts, when their records interleave; undefined when the log is one host's after another's. */
  get interleavedHosts(): readonly string[] | undefined {
    return this.interleaved ? [...this.hosts] : undefined;
  }

  part(): HostRunsPart {
    return {
      ...(this.first !== undefined && { first: this.first }),
      ...(this.last !== undefined && { last: this.last }),
      hosts: [...this.hosts],
      left: [...this.left],
      interleaved: this.interleaved,
    };
  }

  /** Takes in the hosts of the part of the log after this one's, as if `note` had been called on for its records. */
  absorb(later: HostRunsPart): void {
    if (later.first === undefined) return;
    if (this.last === undefined) this.first = later.first;
    else if (later.first !== this.last) this.leave(this.last);
    for (const host of later.hosts) this.see(host);
    for (const host of later.left) this.leave(host);
    this.interleaved ||= later.interleaved;
    this.last = later.last;
  }

  private leave(host: string): void {
    if (this.hosts.has(host)) this.left.add(host);
  }

  private see(host: string): void {
    if (this.left.has(host)) this.interleaved = true;
    else if (this.hosts.size < MAX_HOSTS) this.hosts.add(host);
    else if (!this.hosts.has(host)) this.interleaved = true;
  }
}
