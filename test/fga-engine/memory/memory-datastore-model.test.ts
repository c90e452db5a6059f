// Property test: after any sequence of writes and deletes (some rejected), every indexed read of
// the MemoryDatastore agrees with a naive list of tuples, and paging visits each tuple exactly once.
import { expect } from 'chai';
import fc from 'fast-check';
import { MemoryDatastore } from '../../../src/fga-engine/storage/memory.js';
import type { TupleKey } from '../../../src/fga-engine/types.js';

const STORE = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
const identity = (k: TupleKey) => `${k.object}#${k.relation}@${k.user}`;

const tupleArb = fc.record({
  object: fc.constantFrom('doc:1', 'doc:2', 'folder:1'),
  relation: fc.constantFrom('viewer', 'editor'),
  user: fc.constantFrom('user:anne', 'user:bob', 'user:*', 'group:eng#member'),
});
const opArb = fc.record({ deletes: fc.array(tupleArb, { maxLength: 3 }), writes: fc.array(tupleArb, { maxLength: 3 }) });

async function readAll(ds: MemoryDatastore, filter: { object?: string; relation?: string; user?: string }, pageSize: number) {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await ds.read(STORE, filter, { pageSize, continuationToken: token });
    out.push(...page.items.map((t) => identity(t.key)));
    token = page.continuationToken || undefined;
  } while (token);
  return out;
}

describe('MemoryDatastore against a naive model', () => {
  it('keeps every index consistent with the applied writes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { maxLength: 12 }), fc.integer({ min: 1, max: 4 }), async (ops, pageSize) => {
        const ds = new MemoryDatastore();
        let naive = new Map<string, TupleKey>();
        for (const op of ops) {
          const next = new Map(naive);
          let ok = true;
          for (const d of op.deletes) if (!next.delete(identity(d))) ok = false;
          for (const w of op.writes) {
            if (next.has(identity(w))) ok = false;
            next.set(identity(w), w);
          }
          try {
            await ds.write(STORE, op.deletes, op.writes);
            expect(ok, 'datastore accepted an invalid write').to.equal(true);
            naive = next;
          } catch {
            expect(ok, 'datastore rejected a valid write').to.equal(false);
          }
        }
        const all = [...naive.values()];
        expect((await readAll(ds, {}, pageSize)).sort()).to.deep.equal(all.map(identity).sort());
        for (const object of ['doc:1', 'doc:', 'folder:1']) {
          const expected = all.filter((t) => (object.endsWith(':') ? t.object.startsWith(object) : t.object === object));
          const filter = object.endsWith(':') ? { object, user: 'user:anne' } : { object };
          const want = object.endsWith(':') ? expected.filter((t) => t.user === 'user:anne') : expected;
          expect((await readAll(ds, filter, pageSize)).sort()).to.deep.equal(want.map(identity).sort());
        }
        const usersets = await ds.readUsersetTuples(STORE, { object: 'doc:1', relation: 'viewer' });
        expect(usersets.map(identity).sort()).to.deep.equal(all.filter((t) => t.object === 'doc:1' && t.relation === 'viewer').map(identity).sort());
        const reverse = await ds.readStartingWithUser(STORE, { objectType: 'doc', relation: 'editor', users: ['user:bob', 'user:*'] });
        expect(reverse.map(identity).sort()).to.deep.equal(
          all.filter((t) => t.object.startsWith('doc:') && t.relation === 'editor' && ['user:bob', 'user:*'].includes(t.user)).map(identity).sort(),
        );
        for (const t of all) expect(await ds.readUserTuple(STORE, t)).to.deep.equal({ object: t.object, relation: t.relation, user: t.user });
      }),
      { numRuns: 150 },
    );
  });
});
