/** What a SilenceQueue links: the record count when the entry's CPU or task last printed, and its place. */
export interface Silenced<E extends Silenced<E>> {
  heardAt: number;
  prev: E | undefined;
  next: E | undefined;
  queue: SilenceQueue<E> | undefined;
}

/**
 * Entries in the order their CPU or task last printed, the longest silent first: moving one to the back, or
 * dropping it, costs the same however many there are. A linked list, not a Map deleted from and appended to: V8
 * keeps a Map's deleted slots until it rehashes, and a walk from the front passes all of them (4000 tasks printing
 * in turn spent a third of their time there).
 */
export class SilenceQueue<E extends Silenced<E>> {
  private head: E | undefined;
  private tail: E | undefined;

  /** `limit`: records of others after which an entry here has been silent too long. */
  constructor(readonly limit: number) {}

  get first(): E | undefined {
    return this.head;
  }

  isLast(entry: E): boolean {
    return this.tail === entry;
  }

  /** Takes `entry` out of whichever queue holds it and puts it at the back of this one. */
  moveToBack(entry: E): void {
    entry.queue?.remove(entry);
    entry.prev = this.tail;
    entry.next = undefined;
    if (this.tail) this.tail.next = entry;
    else this.head = entry;
    this.tail = entry;
    entry.queue = this;
  }

  remove(entry: E): void {
    if (entry.queue !== this) return;
    if (entry.prev) entry.prev.next = entry.next;
    else this.head = entry.next;
    if (entry.next) entry.next.prev = entry.prev;
    else this.tail = entry.prev;
    entry.prev = undefined;
    entry.next = undefined;
    entry.queue = undefined;
  }

  /** Empties the queue; its entries are dropped with it. */
  clear(): void {
    this.head = undefined;
    this.tail = undefined;
  }
}
