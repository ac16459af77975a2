/**
 * The in-process twin of a Redis log: unit timestamps in ascending order (the memory store's
 * clock never goes back, so appending keeps them sorted). Dropped units are skipped by moving
 * `head`, and the array is compacted once the dead prefix is half of it, so trimming is O(1)
 * amortised and counting a window is a binary search.
 */
export class TimestampLog {
  private times: number[] = [];
  private head = 0;
  /** Like PEXPIRE: the log is dead from this time on (every unit has left the longest window). */
  expiresAt = 0;

  /** Units held, live or not yet trimmed. */
  get size(): number {
    return this.times.length - this.head;
  }

  /** Drops every unit stamped at or before `cutoff`. */
  dropThrough(cutoff: number): void {
    this.head = this.firstAfter(cutoff);
    if (this.head > 32 && this.head * 2 > this.times.length) {
      this.times = this.times.slice(this.head);
      this.head = 0;
    }
  }

  /** Units stamped after `cutoff`. */
  countAfter(cutoff: number): number {
    return this.times.length - this.firstAfter(cutoff);
  }

  /** Timestamp of the unit at `rank` among those held (0 = oldest), as ZRANGE rank rank. */
  at(rank: number): number {
    const time = this.times[this.head + rank];
    if (time === undefined) throw new RangeError(`No unit at rank ${rank} (size ${this.size})`);
    return time;
  }

  append(time: number, units: number): void {
    for (let i = 0; i < units; i++) this.times.push(time);
  }

  private firstAfter(cutoff: number): number {
    let low = this.head;
    let high = this.times.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if ((this.times[mid] as number) <= cutoff) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
