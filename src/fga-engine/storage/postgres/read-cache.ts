// A bounded LRU of resolution reads (one tuple, an object#relation's tuples, a user's tuples on a
// type), each filed under the keys of the changes that could alter it, so a change removes exactly
// the reads it could make wrong:
//   object key  store · object · relation           — any tuple written or deleted on object#relation
//   user key    store · object type · relation · user — any such tuple naming that user
// Reads of one tuple and of an object#relation are filed under the object key; reads starting with
// users under the user key of each user. Entries are whole answers; nothing is merged or patched.

const SEP = '\u0000';

export const objectKey = (store: string, object: string, relation: string) => `o${SEP}${store}${SEP}${object}${SEP}${relation}`;
export const userKey = (store: string, objectType: string, relation: string, user: string) =>
  `u${SEP}${store}${SEP}${objectType}${SEP}${relation}${SEP}${user}`;

/** The tuple a change touched, as the keys above name it. */
export interface ChangedTuple {
  store: string;
  objectType: string;
  objectId: string;
  relation: string;
  /** `type:id`, `type:*` or `type:id#relation`, as resolution reads name users. */
  user: string;
}

interface Entry {
  value: unknown;
  dependsOn: string[];
}

export class ReadCache {
  // Map iteration order is insertion order: the first entry is the least recently used.
  private readonly entries = new Map<string, Entry>();
  private readonly dependents = new Map<string, Set<string>>();

  constructor(private readonly maxEntries: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The cached answer (`{ value }`, which may hold `undefined`: "no such tuple"), or undefined on a miss. */
  get(key: string): { value: unknown } | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, value: unknown, dependsOn: string[]): void {
    if (this.maxEntries <= 0) return;
    this.remove(key);
    this.entries.set(key, { value, dependsOn });
    for (const dep of dependsOn) {
      let keys = this.dependents.get(dep);
      if (!keys) this.dependents.set(dep, (keys = new Set()));
      keys.add(key);
    }
    if (this.entries.size > this.maxEntries) this.remove(this.entries.keys().next().value!);
  }

  /** Drops every read the change could have altered. */
  invalidate(change: ChangedTuple): void {
    const { store, objectType, objectId, relation, user } = change;
    this.removeDependents(objectKey(store, `${objectType}:${objectId}`, relation));
    this.removeDependents(userKey(store, objectType, relation, user));
  }

  /** Drops every read of a store (when more changed than is worth replaying). */
  clearStore(store: string): void {
    for (const [key, entry] of this.entries) {
      if (entry.dependsOn.some((dep) => dep.startsWith(`o${SEP}${store}${SEP}`) || dep.startsWith(`u${SEP}${store}${SEP}`))) this.remove(key);
    }
  }

  private removeDependents(dep: string): void {
    const keys = this.dependents.get(dep);
    if (!keys) return;
    for (const key of [...keys]) this.remove(key);
  }

  private remove(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    for (const dep of entry.dependsOn) {
      const keys = this.dependents.get(dep);
      keys?.delete(key);
      if (keys?.size === 0) this.dependents.delete(dep);
    }
  }
}
