// The change log of one store: append-only, ordered by monotonic ULIDs so a continuation token can
// name "the last change you saw" and survive further appends.
import { decodeTime } from 'ulid';
import type { TupleChange, TupleKey, TupleOperation } from '../../types.js';
import type { ChangesFilter, Page } from '../datastore.js';
import { decodeContinuationToken, encodeContinuationToken, hasContinuationToken } from '../tokens.js';
import { objectTypeOf } from './tuple-index.js';
import { fgaErrors } from '../../errors.js';

interface ChangeEntry {
  readonly id: string;
  readonly objectType: string;
  readonly change: TupleChange;
}

export class Changelog {
  private readonly entries: ChangeEntry[] = [];

  constructor(private readonly nextId: (seedTime: number) => string) {}

  append(operation: TupleOperation, key: TupleKey, at: Date): void {
    const change: TupleChange = { tuple_key: key, operation, timestamp: at.toISOString() };
    this.entries.push({ id: this.nextId(at.getTime()), objectType: objectTypeOf(key.object), change });
  }

  /**
   * A page of changes after the token (or from startTime, or from the beginning). The token always
   * points at the last change returned, so a client can keep polling with it; '' when nothing matched.
   * A token issued for another object type is rejected, as OpenFGA does.
   */
  read(filter: ChangesFilter, opts: { pageSize: number; continuationToken?: string }): Page<TupleChange> {
    const objectType = filter.objectType ?? '';
    let start = 0;
    if (hasContinuationToken(opts.continuationToken)) {
      const token = decodeContinuationToken(opts.continuationToken, 'changes', { after: 'string', type: 'string' });
      if (token.type !== objectType) throw fgaErrors.continuationTokenTypeMismatch();
      start = this.firstIndexAfter(token.after);
    } else if (filter.startTime) {
      start = this.firstIndexAtOrAfter(filter.startTime.getTime());
    }
    const items: TupleChange[] = [];
    let lastId = '';
    for (let i = start; i < this.entries.length && items.length < opts.pageSize; i++) {
      const entry = this.entries[i];
      if (objectType && entry.objectType !== objectType) continue;
      items.push(entry.change);
      lastId = entry.id;
    }
    const continuationToken = lastId ? encodeContinuationToken('changes', { after: lastId, type: objectType }) : '';
    return { items, continuationToken };
  }

  private firstIndexAfter(id: string): number {
    return this.lowerBound((entry) => entry.id > id);
  }

  private firstIndexAtOrAfter(epochMs: number): number {
    return this.lowerBound((entry) => decodeTime(entry.id) >= epochMs);
  }

  /** First index whose entry satisfies a predicate that is monotonic over the ULID order. */
  private lowerBound(isAtOrPast: (entry: ChangeEntry) => boolean): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (isAtOrPast(this.entries[mid])) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}
