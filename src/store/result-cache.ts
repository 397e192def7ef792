/**
 * Results of read queries kept until the data changes. The caller supplies
 * the data's version (for SQLite: this connection's write counter and the
 * file's data_version, which another process's commit changes), so a hit is
 * always what the query would return now; a dashboard or API with many
 * viewers asking the same question runs the query once per change.
 *
 * Bounded by entries: when full it starts over (simpler than LRU, and a
 * burst of distinct queries is the case where keeping old ones helps least).
 */
export class ResultCache {
  private readonly entries = new Map<string, { version: string; value: unknown }>();

  constructor(private readonly size: number) {}

  get<T>(key: string, version: string, compute: () => T): T {
    if (this.size <= 0) return compute();
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value as T;
    const value = compute();
    if (this.entries.size >= this.size) this.entries.clear();
    this.entries.set(key, { version, value });
    return value;
  }
}
