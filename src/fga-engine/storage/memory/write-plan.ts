// Validates a whole write against one store's tuples before anything is applied, so a rejected
// write changes nothing. Deletes are checked first, then writes, in request order, like OpenFGA.
import { fgaErrors } from '../../errors.js';
import type { RelationshipCondition, TupleKey } from '../../types.js';
import type { WriteOptions } from '../datastore.js';
import { tupleIdentity, type TupleIndex } from './tuple-index.js';

export interface WritePlan {
  /** Identities of stored tuples to remove. */
  deletes: string[];
  writes: TupleKey[];
}

export function planWrite(index: TupleIndex, deletes: TupleKey[], writes: TupleKey[], opts: WriteOptions = {}): WritePlan {
  // Tracks the outcome of earlier operations in this same request: identity → present afterwards?
  const pending = new Map<string, TupleKey | null>();
  const presentAfterPending = (identity: string): TupleKey | undefined => {
    if (pending.has(identity)) return pending.get(identity) ?? undefined;
    return index.get(identity)?.key;
  };

  const plan: WritePlan = { deletes: [], writes: [] };
  for (const key of deletes) {
    const identity = tupleIdentity(key);
    if (!presentAfterPending(identity)) {
      if (opts.onMissing === 'ignore') continue;
      throw fgaErrors.tupleDoesNotExist(key);
    }
    pending.set(identity, null);
    plan.deletes.push(identity);
  }
  for (const key of writes) {
    const identity = tupleIdentity(key);
    const existing = presentAfterPending(identity);
    if (existing) {
      if (opts.onDuplicate !== 'ignore') throw fgaErrors.tupleAlreadyExists(key);
      if (!sameCondition(existing.condition, key.condition)) throw fgaErrors.tupleConditionConflict(key);
      continue;
    }
    pending.set(identity, key);
    plan.writes.push(key);
  }
  return plan;
}

/** Conditions compare by name and context value (key order irrelevant); an empty context equals none. */
export function sameCondition(a: RelationshipCondition | undefined, b: RelationshipCondition | undefined): boolean {
  const nameA = a?.name ?? '';
  const nameB = b?.name ?? '';
  if (nameA !== nameB) return false;
  return canonicalJson(a?.context ?? {}) === canonicalJson(b?.context ?? {});
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.keys(value as object).sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
