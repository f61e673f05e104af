/**
 * Answers kept by key, at most `limit` of them: when full, the memo is emptied and fills again. A storm repeats a
 * few keys thousands of times, so a memo that forgets all at once costs little, and it never grows past its bound.
 */
export class BoundedMemo<V> {
  private readonly answers = new Map<string, V>();

  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    return this.answers.get(key);
  }

  set(key: string, value: V): void {
    if (this.answers.size >= this.limit) this.answers.clear();
    this.answers.set(key, value);
  }
}
