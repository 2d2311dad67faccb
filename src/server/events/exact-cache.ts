/**
 * A bounded in-process cache kept exact by the change bus: entries go when a change says so,
 * never after a TTL. Least recently used entries go first once `max` is reached (a Map keeps
 * insertion order, so re-inserting on a hit is enough for LRU).
 *
 * The race it closes: a request reads the database, an invalidation lands, then the request
 * stores what it read, which is now stale. So a reader takes `generation()` before it reads the
 * database, and `set` stores only if no invalidation happened since (every drop bumps it).
 */
export class ExactCache<K, V> {
  private readonly entries = new Map<K, V>();
  private gen = 0;

  constructor(private readonly max: number) {}

  /** Take it before reading the source of truth; hand it to `set`. */
  generation(): number {
    return this.gen;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value === undefined) return undefined;
    this.entries.delete(key);
    this.entries.set(key, value);
    return value;
  }

  /** Stores the value read at `generation`, unless something was invalidated meanwhile. */
  set(key: K, value: V, generation: number): boolean {
    if (generation !== this.gen) return false;
    this.entries.delete(key);
    if (this.entries.size >= this.max) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, value);
    return true;
  }

  /** Forgets one entry this reader found wrong (expired): not an invalidation, no bump. */
  forget(key: K): void {
    this.entries.delete(key);
  }

  /** Drops every entry the predicate picks, and makes reads in flight unstorable. */
  dropWhere(pick: (value: V, key: K) => boolean): void {
    this.gen += 1;
    for (const [key, value] of this.entries) if (pick(value, key)) this.entries.delete(key);
  }

  clear(): void {
    this.gen += 1;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
