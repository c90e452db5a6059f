// Contract: Write is all-or-nothing, deletes before writes, OpenFGA's errors for an existing write or
// a missing delete, and the on_duplicate / on_missing "ignore" options.
import { expect } from 'chai';
import type { ContractContext } from './harness.js';
import { expectFgaError, freshStore, sortedKeys, tk } from './harness.js';

export function writeContract(ctx: ContractContext): void {
  describe('write', () => {
    const anne = tk('doc:1', 'viewer', 'user:anne');
    const bob = tk('doc:1', 'viewer', 'user:bob');
    const eng = tk('doc:1', 'viewer', 'group:eng#member', { name: 'in_hours', context: { h: 9 } });

    async function stored(storeId: string) {
      return sortedKeys((await ctx.ds().read(storeId, {}, { pageSize: 100 })).items.map((t) => t.key));
    }
    async function changeCount(storeId: string) {
      return (await ctx.ds().readChanges(storeId, {}, { pageSize: 100 })).items.length;
    }

    it('writes tuples with and without conditions and reads them back', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [anne, eng]);
      expect(await stored(storeId)).to.deep.equal(sortedKeys([anne, eng]));
    });

    it('rejects writing an existing tuple and applies nothing of that call', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [anne]);
      await expectFgaError(
        ctx.ds().write(storeId, [], [bob, anne]),
        'write_failed_due_to_invalid_input',
        400,
        /^cannot write a tuple which already exists: user: 'user:anne', relation: 'viewer', object: 'doc:1'/,
      );
      expect(await stored(storeId)).to.deep.equal([anne]);
      expect(await changeCount(storeId)).to.equal(1);
    });

    it('rejects deleting a missing tuple and applies nothing of that call', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [anne]);
      await expectFgaError(
        ctx.ds().write(storeId, [anne, bob], [eng]),
        'write_failed_due_to_invalid_input',
        400,
        /^cannot delete a tuple which does not exist: user: 'user:bob', relation: 'viewer', object: 'doc:1'/,
      );
      expect(await stored(storeId)).to.deep.equal([anne]);
      expect(await changeCount(storeId)).to.equal(1);
    });

    it('applies deletes before writes, so one call can replace a tuple (new condition included)', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [eng]);
      const replaced = tk('doc:1', 'viewer', 'group:eng#member', { name: 'in_hours', context: { h: 17 } });
      await ctx.ds().write(storeId, [tk('doc:1', 'viewer', 'group:eng#member')], [replaced, bob]);
      expect(await stored(storeId)).to.deep.equal(sortedKeys([replaced, bob]));
    });

    it('on_duplicate ignore: an identical existing tuple is a no-op, the rest is written', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [anne, eng]);
      await ctx.ds().write(storeId, [], [anne, eng, bob], { onDuplicate: 'ignore' });
      expect(await stored(storeId)).to.deep.equal(sortedKeys([anne, bob, eng]));
      expect(await changeCount(storeId)).to.equal(3);
    });

    it('on_duplicate ignore: an existing tuple with another condition is a conflict (409), nothing applied', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [eng]);
      const other = tk('doc:1', 'viewer', 'group:eng#member', { name: 'in_hours', context: { h: 10 } });
      await expectFgaError(ctx.ds().write(storeId, [], [bob, other], { onDuplicate: 'ignore' }), 'Aborted', 409);
      expect(await stored(storeId)).to.deep.equal([eng]);
    });

    it('on_missing ignore: deleting a missing tuple is a no-op, the rest is applied', async () => {
      const storeId = await freshStore(ctx.ds());
      await ctx.ds().write(storeId, [], [anne]);
      await ctx.ds().write(storeId, [anne, bob], [eng], { onMissing: 'ignore' });
      expect(await stored(storeId)).to.deep.equal([eng]);
      const changes = (await ctx.ds().readChanges(storeId, {}, { pageSize: 100 })).items;
      expect(changes.map((c) => c.operation)).to.deep.equal(['TUPLE_OPERATION_WRITE', 'TUPLE_OPERATION_DELETE', 'TUPLE_OPERATION_WRITE']);
    });

    it('keeps stores apart', async () => {
      const a = await freshStore(ctx.ds());
      const b = await freshStore(ctx.ds());
      await ctx.ds().write(a, [], [anne]);
      await ctx.ds().write(b, [], [anne]);
      await ctx.ds().write(a, [anne], []);
      expect(await stored(a)).to.deep.equal([]);
      expect(await stored(b)).to.deep.equal([anne]);
      expect(await ctx.ds().readUserTuple(b, anne)).to.deep.equal(anne);
    });
  });
}
