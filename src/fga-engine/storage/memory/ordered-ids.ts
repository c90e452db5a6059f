// A sorted set of string ids (ULIDs sort by creation time), for stable, token-resumable listings.

export class OrderedIds {
  private readonly ids: string[] = [];

  get size(): number {
    return this.ids.length;
  }

  get last(): string | undefined {
    return this.ids[this.ids.length - 1];
  }

  add(id: string): void {
    const at = this.lowerBound(id);
    if (this.ids[at] !== id) this.ids.splice(at, 0, id);
  }

  remove(id: string): void {
    const at = this.lowerBound(id);
    if (this.ids[at] === id) this.ids.splice(at, 1);
  }

  /** Ids strictly after `after` (or from the start), ascending. */
  *ascendingAfter(after?: string): Iterable<string> {
    const start = after === undefined ? 0 : this.upperBound(after);
    for (let i = start; i < this.ids.length; i++) yield this.ids[i];
  }

  /** Ids strictly before `before` (or from the end), descending. */
  *descendingBefore(before?: string): Iterable<string> {
    const start = before === undefined ? this.ids.length - 1 : this.lowerBound(before) - 1;
    for (let i = start; i >= 0; i--) yield this.ids[i];
  }

  private lowerBound(id: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] < id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private upperBound(id: string): number {
    let lo = 0;
    let hi = this.ids.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.ids[mid] <= id) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Takes up to pageSize items from an iterable and says whether one more exists. */
export function takePage<T>(source: Iterable<T>, pageSize: number): { items: T[]; more: boolean } {
  const items: T[] = [];
  for (const item of source) {
    if (items.length === pageSize) return { items, more: true };
    items.push(item);
  }
  return { items, more: false };
}
