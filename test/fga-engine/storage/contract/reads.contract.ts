// Contract: the Read API's filters and continuation tokens, and the three unpaginated reads the
// resolvers use (exact tuple, object#relation by user shape, reverse by user).
import { expect } from 'chai';
import type { ReadFilter } from '../../../../src/fga-engine/storage/datastore.js';
import type { TupleKey } from '../../../../src/fga-engine/types.js';
import type { ContractContext } from './harness.js';
import { allPages, expectFgaError, freshStore, sortedKeys, tk } from './harness.js';

const TUPLES: TupleKey[] = [
  tk('doc:1', 'viewer', 'user:anne'),
  tk('doc:1', 'viewer', 'user:bob'),
  tk('doc:1', 'viewer', 'user:*'),
  tk('doc:1', 'viewer', 'group:eng#member'),
  tk('doc:1', 'viewer', 'group:ops#member', { name: 'in_hours', context: { h: 9 } }),
  tk('doc:1', 'viewer', 'group:eng'),
  tk('doc:1', 'editor', 'user:anne'),
  tk('doc:2', 'viewer', 'user:anne'),
  tk('doc:2', 'parent', 'folder:x'),
  tk('folder:x', 'viewer', 'user:anne'),
  tk('group:eng', 'member', 'user:anne', { name: 'in_hours' }),
];

export function readContract(ctx: ContractContext): void {
  describe('reads', () => {
    let storeId: string;
    before(async () => {
      storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], TUPLES);
    });

    const expected = (pred: (k: TupleKey) => boolean) => sortedKeys(TUPLES.filter(pred));

    const cases: Array<[string, ReadFilter, (k: TupleKey) => boolean]> = [
      ['no filter', {}, () => true],
      ['an exact object', { object: 'doc:1' }, (k) => k.object === 'doc:1'],
      ['an object and relation', { object: 'doc:1', relation: 'viewer' }, (k) => k.object === 'doc:1' && k.relation === 'viewer'],
      ['an exact tuple', { object: 'doc:1', relation: 'viewer', user: 'user:anne' }, (k) => k.object === 'doc:1' && k.relation === 'viewer' && k.user === 'user:anne'],
      ['an object and user', { object: 'doc:1', user: 'user:anne' }, (k) => k.object === 'doc:1' && k.user === 'user:anne'],
      ['an object type and user', { object: 'doc:', user: 'user:anne' }, (k) => k.object.startsWith('doc:') && k.user === 'user:anne'],
      ['an object type, relation and user', { object: 'doc:', relation: 'viewer', user: 'user:anne' }, (k) => k.object.startsWith('doc:') && k.relation === 'viewer' && k.user === 'user:anne'],
      ['an object type and relation', { object: 'doc:', relation: 'viewer' }, (k) => k.object.startsWith('doc:') && k.relation === 'viewer'],
      ['a userset user', { object: 'doc:', user: 'group:eng#member' }, (k) => k.object.startsWith('doc:') && k.user === 'group:eng#member'],
      ['a wildcard user', { object: 'doc:', user: 'user:*' }, (k) => k.object.startsWith('doc:') && k.user === 'user:*'],
    ];

    for (const [label, filter, pred] of cases) {
      it(`reads by ${label}, one page or many`, async () => {
        const want = expected(pred);
        const whole = await ctx.ds().read(storeId, filter, { pageSize: 100 });
        expect(sortedKeys(whole.items.map((t) => t.key))).to.deep.equal(want);
        expect(whole.continuationToken).to.equal('');
        const paged = await allPages((token) => ctx.ds().read(storeId, filter, { pageSize: 2, continuationToken: token }));
        expect(sortedKeys(paged.items.map((t) => t.key))).to.deep.equal(want);
        expect(paged.pages).to.equal(Math.max(1, Math.ceil(want.length / 2)));
      });
    }

    it('stamps each tuple with its write time', async () => {
      const { items } = await ctx.ds().read(storeId, { object: 'doc:2' }, { pageSize: 10 });
      for (const t of items) expect(Date.now() - new Date(t.timestamp).getTime()).to.be.within(0, 60_000);
    });

    it('rejects a garbage continuation token', async () => {
      await expectFgaError(ctx.ds().read(storeId, {}, { pageSize: 2, continuationToken: 'garbage!' }), 'invalid_continuation_token', 400);
    });

    it('reads an exact tuple with its condition, and nothing for a near miss', async () => {
      expect(await ctx.ds().readUserTuple(storeId, { object: 'group:eng', relation: 'member', user: 'user:anne' })).to.deep.equal(
        tk('group:eng', 'member', 'user:anne', { name: 'in_hours' }),
      );
      expect(await ctx.ds().readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'group:eng#member' })).to.deep.equal(
        tk('doc:1', 'viewer', 'group:eng#member'),
      );
      expect(await ctx.ds().readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'user:carl' })).to.equal(undefined);
      expect(await ctx.ds().readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'group:eng#owner' })).to.equal(undefined);
    });

    it('reads object#relation tuples restricted by user shape', async () => {
      const read = async (allowedUserTypes?: Array<{ type: string; relation?: string; wildcard?: boolean }>) =>
        sortedKeys(await ctx.ds().readUsersetTuples(storeId, { object: 'doc:1', relation: 'viewer', allowedUserTypes }));
      const onDoc1Viewer = (k: TupleKey) => k.object === 'doc:1' && k.relation === 'viewer';
      expect(await read()).to.deep.equal(expected(onDoc1Viewer));
      expect(await read([{ type: 'group', relation: 'member' }])).to.deep.equal(
        expected((k) => onDoc1Viewer(k) && k.user.endsWith('#member')),
      );
      expect(await read([{ type: 'user' }])).to.deep.equal(expected((k) => onDoc1Viewer(k) && k.user.startsWith('user:')));
      expect(await read([{ type: 'user', wildcard: true }])).to.deep.equal([tk('doc:1', 'viewer', 'user:*')]);
      expect(await read([{ type: 'group' }])).to.deep.equal([tk('doc:1', 'viewer', 'group:eng')]);
      expect(await read([{ type: 'user', wildcard: true }, { type: 'group', relation: 'member' }])).to.deep.equal(
        expected((k) => onDoc1Viewer(k) && (k.user === 'user:*' || k.user.endsWith('#member'))),
      );
      expect(await read([{ type: 'team', relation: 'member' }])).to.deep.equal([]);
      expect(await ctx.ds().readUsersetTuples(storeId, { object: 'doc:9', relation: 'viewer' })).to.deep.equal([]);
    });

    it('reads tuples starting with users (reverse lookup), optionally restricted to objects', async () => {
      const read = async (users: string[], objectIds?: string[]) =>
        sortedKeys(await ctx.ds().readStartingWithUser(storeId, { objectType: 'doc', relation: 'viewer', users, objectIds }));
      expect(await read(['user:anne'])).to.deep.equal(sortedKeys([tk('doc:1', 'viewer', 'user:anne'), tk('doc:2', 'viewer', 'user:anne')]));
      expect(await read(['user:anne', 'user:*'])).to.deep.equal(
        sortedKeys([tk('doc:1', 'viewer', 'user:anne'), tk('doc:2', 'viewer', 'user:anne'), tk('doc:1', 'viewer', 'user:*')]),
      );
      expect(await read(['group:ops#member'])).to.deep.equal([TUPLES[4]]);
      expect(await read(['user:anne'], ['doc:2'])).to.deep.equal([tk('doc:2', 'viewer', 'user:anne')]);
      expect(await read(['user:carl'])).to.deep.equal([]);
      expect(
        await ctx.ds().readStartingWithUser(storeId, { objectType: 'folder', relation: 'viewer', users: ['user:anne'] }),
      ).to.deep.equal([tk('folder:x', 'viewer', 'user:anne')]);
    });

    it('answers many concurrent resolution reads exactly as it answers them one by one', async () => {
      const other = await freshStore(ctx.ds());
      await ctx.ds().write(other, [], [tk('doc:1', 'viewer', 'user:anne', { name: 'elsewhere' })]);
      const reads: Array<() => Promise<unknown>> = [
        () => ctx.ds().readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'user:anne' }),
        () => ctx.ds().readUserTuple(other, { object: 'doc:1', relation: 'viewer', user: 'user:anne' }),
        () => ctx.ds().readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'user:nobody' }),
        () => ctx.ds().readUserTuple(storeId, { object: 'group:eng', relation: 'member', user: 'user:anne' }),
        () => ctx.ds().readUsersetTuples(storeId, { object: 'doc:1', relation: 'viewer' }),
        () => ctx.ds().readUsersetTuples(storeId, { object: 'doc:1', relation: 'viewer', allowedUserTypes: [{ type: 'group', relation: 'member' }] }),
        () => ctx.ds().readUsersetTuples(storeId, { object: 'doc:1', relation: 'viewer', allowedUserTypes: [{ type: 'user', wildcard: true }, { type: 'user' }] }),
        () => ctx.ds().readUsersetTuples(other, { object: 'doc:1', relation: 'viewer' }),
        () => ctx.ds().readUsersetTuples(storeId, { object: 'doc:2', relation: 'parent', allowedUserTypes: [] }),
        () => ctx.ds().readStartingWithUser(storeId, { objectType: 'doc', relation: 'viewer', users: ['user:anne', 'user:*'] }),
        () => ctx.ds().readStartingWithUser(storeId, { objectType: 'doc', relation: 'viewer', users: ['user:anne'], objectIds: ['doc:2', 'folder:x'] }),
        () => ctx.ds().readStartingWithUser(storeId, { objectType: 'doc', relation: 'viewer', users: ['user:anne'], objectIds: [] }),
        () => ctx.ds().readStartingWithUser(other, { objectType: 'doc', relation: 'viewer', users: ['user:anne'] }),
      ];
      const normal = (v: unknown) => (Array.isArray(v) ? sortedKeys(v as TupleKey[]) : v);
      const oneByOne: unknown[] = [];
      for (const read of reads) oneByOne.push(normal(await read()));
      const together = (await Promise.all(reads.map((read) => read()))).map(normal);
      expect(together).to.deep.equal(oneByOne);
      expect(oneByOne[1]).to.deep.equal(tk('doc:1', 'viewer', 'user:anne', { name: 'elsewhere' }));
      expect(oneByOne[10]).to.deep.equal([tk('doc:2', 'viewer', 'user:anne')]);
      expect(oneByOne[11]).to.deep.equal([]);
    });
  });
}
