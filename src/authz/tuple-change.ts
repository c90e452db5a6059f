/** A relationship fact as OpenFGA stores it. */
export interface RelationTuple {
  user: string;
  relation: string;
  object: string;
}

export type TupleOperation = 'write' | 'delete';

export interface TupleChange extends RelationTuple {
  operation: TupleOperation;
}

export const tupleKeyOf = (t: RelationTuple): string => `${t.object}#${t.relation}@${t.user}`;

/** Collects the tuple changes a command implies, in order; the unit of work persists them. */
export class TupleChanges {
  readonly items: TupleChange[] = [];

  write(...tuples: RelationTuple[]): this {
    for (const t of tuples) this.items.push({ ...t, operation: 'write' });
    return this;
  }

  delete(...tuples: RelationTuple[]): this {
    for (const t of tuples) this.items.push({ ...t, operation: 'delete' });
    return this;
  }
}
