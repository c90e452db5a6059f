// Contract: the changelog (oldest first, type filter, start time, tokens that keep working for
// later changes) and assertions (stored whole per model).
import { expect } from 'chai';
import type { Assertion } from '../../../../src/fga-engine/types.js';
import type { ContractContext } from './harness.js';
import { expectFgaError, freshStore, tk } from './harness.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function changesAndAssertionsContract(ctx: ContractContext): void {
  describe('changes', () => {
    it('lists every applied change oldest first, deletes without their condition', async () => {
      const storeId = await freshStore(ctx.ds());
      const conditioned = tk('doc:1', 'viewer', 'user:anne', { name: 'in_hours', context: { h: 9 } });
      await ctx.ds().write(storeId, [], [conditioned, tk('folder:x', 'viewer', 'user:bob')]);
      await ctx.ds().write(storeId, [tk('doc:1', 'viewer', 'user:anne')], []);
      const { items } = await ctx.ds().readChanges(storeId, {}, { pageSize: 50 });
      expect(items.map((c) => [c.operation, c.tuple_key])).to.deep.equal([
        ['TUPLE_OPERATION_WRITE', conditioned],
        ['TUPLE_OPERATION_WRITE', tk('folder:x', 'viewer', 'user:bob')],
        ['TUPLE_OPERATION_DELETE', tk('doc:1', 'viewer', 'user:anne')],
      ]);
      for (const c of items) expect(Number.isNaN(new Date(c.timestamp).getTime())).to.equal(false);
    });

    it('filters by object type and pages with continuation tokens', async () => {
      const storeId = await freshStore(ctx.ds());
      for (let i = 0; i < 5; i++) await ctx.ds().write(storeId, [], [tk(`doc:${i}`, 'viewer', 'user:anne'), tk(`folder:${i}`, 'viewer', 'user:anne')]);
      // A changes token always points after the last change (so it can poll): page until an empty page.
      const seen: string[] = [];
      let token: string | undefined;
      for (let i = 0; i < 10; i++) {
        const page = await ctx.ds().readChanges(storeId, { objectType: 'doc' }, { pageSize: 2, continuationToken: token });
        seen.push(...page.items.map((c) => c.tuple_key.object));
        if (!page.items.length) break;
        expect(page.continuationToken).to.not.equal('');
        token = page.continuationToken;
      }
      expect(seen).to.deep.equal(['doc:0', 'doc:1', 'doc:2', 'doc:3', 'doc:4']);
    });

    it('returns only later changes for an old token, so clients can poll', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [tk('doc:1', 'viewer', 'user:anne')]);
      const first = await ctx.ds().readChanges(storeId, {}, { pageSize: 50 });
      expect(first.continuationToken).to.not.equal('');
      const none = await ctx.ds().readChanges(storeId, {}, { pageSize: 50, continuationToken: first.continuationToken });
      expect(none.items).to.deep.equal([]);
      await ctx.ds().write(storeId, [], [tk('doc:2', 'viewer', 'user:anne')]);
      const later = await ctx.ds().readChanges(storeId, {}, { pageSize: 50, continuationToken: first.continuationToken });
      expect(later.items.map((c) => c.tuple_key.object)).to.deep.equal(['doc:2']);
    });

    it('starts at a start time, and a token wins over it', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [tk('doc:old', 'viewer', 'user:anne')]);
      await sleep(15);
      const startTime = new Date();
      await sleep(5);
      await ctx.ds().write(storeId, [], [tk('doc:new', 'viewer', 'user:anne')]);
      const fromStart = await ctx.ds().readChanges(storeId, { startTime }, { pageSize: 50 });
      expect(fromStart.items.map((c) => c.tuple_key.object)).to.deep.equal(['doc:new']);
      const all = await ctx.ds().readChanges(storeId, {}, { pageSize: 1 });
      const rest = await ctx.ds().readChanges(storeId, { startTime: new Date(Date.now() + 3_600_000) }, { pageSize: 50, continuationToken: all.continuationToken });
      expect(rest.items.map((c) => c.tuple_key.object)).to.deep.equal(['doc:new']);
    });

    it('rejects garbage tokens and tokens issued for another type', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [tk('doc:1', 'viewer', 'user:anne')]);
      const page = await ctx.ds().readChanges(storeId, { objectType: 'doc' }, { pageSize: 50 });
      await expectFgaError(
        ctx.ds().readChanges(storeId, { objectType: 'folder' }, { pageSize: 50, continuationToken: page.continuationToken }),
        'query_string_type_continuation_token_mismatch',
        400,
      );
      await expectFgaError(ctx.ds().readChanges(storeId, {}, { pageSize: 50, continuationToken: 'x' }), 'invalid_continuation_token', 400);
    });
  });

  describe('assertions', () => {
    const assertions: Assertion[] = [
      { tuple_key: { object: 'doc:1', relation: 'viewer', user: 'user:anne' }, expectation: true },
      {
        tuple_key: { object: 'doc:1', relation: 'viewer', user: 'user:bob' },
        expectation: false,
        contextual_tuples: [tk('doc:1', 'viewer', 'user:carl')],
        context: { h: 9 },
      },
    ];

    it('stores assertions per model, replacing the previous set', async () => {
      const storeId = await freshStore(ctx.ds());
      expect(await ctx.ds().readAssertions(storeId, 'M1')).to.deep.equal([]);
      await ctx.ds().writeAssertions(storeId, 'M1', assertions);
      await ctx.ds().writeAssertions(storeId, 'M2', assertions.slice(0, 1));
      expect(await ctx.ds().readAssertions(storeId, 'M1')).to.deep.equal(assertions);
      await ctx.ds().writeAssertions(storeId, 'M1', []);
      expect(await ctx.ds().readAssertions(storeId, 'M1')).to.deep.equal([]);
      expect(await ctx.ds().readAssertions(storeId, 'M2')).to.deep.equal(assertions.slice(0, 1));
    });
  });
}
