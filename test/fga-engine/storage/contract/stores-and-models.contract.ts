// Contract: stores (create, get, list with pagination and name filter, delete) and authorization
// models (newest first, pagination, latest, by id).
import { expect } from 'chai';
import { monotonicFactory, ulid } from 'ulid';
import type { AuthorizationModel } from '../../../../src/fga-engine/types.js';
import type { ContractContext } from './harness.js';
import { allPages, expectFgaError, freshStore, newStore } from './harness.js';

// Model ids are ULIDs minted in order, as the service mints them.
const nextModelId = monotonicFactory();

function model(types: string[]): AuthorizationModel {
  return { id: nextModelId(), schema_version: '1.1', type_definitions: types.map((type) => ({ type })) };
}

export function storeAndModelContract(ctx: ContractContext): void {
  describe('stores', () => {
    it('creates a store and gets it back unchanged', async () => {
      const store = newStore('club store');
      await ctx.ds().createStore(store);
      const got = await ctx.ds().getStore(store.id);
      expect(got).to.include({ id: store.id, name: 'club store' });
      expect(new Date(got!.created_at).getTime()).to.equal(new Date(store.created_at).getTime());
      expect(await ctx.ds().getStore(ulid())).to.equal(undefined);
    });

    it('lists stores in id order across pages, filtered by name', async () => {
      const name = `paged-${ulid()}`;
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) ids.push(await freshStore(ctx.ds(), name));
      const { items, pages } = await allPages((token) => ctx.ds().listStores({ pageSize: 2, continuationToken: token, name }));
      expect(items.map((s) => s.id)).to.deep.equal([...ids].sort());
      expect(pages).to.equal(3);
      const unfiltered = await allPages((token) => ctx.ds().listStores({ pageSize: 50, continuationToken: token }));
      expect(unfiltered.items.map((s) => s.id)).to.include.members(ids);
    });

    it('deletes a store: gone from get and list; deleting again or a missing store is a no-op', async () => {
      const name = `deleted-${ulid()}`;
      const id = await freshStore(ctx.ds(), name);
      await ctx.ds().deleteStore(id);
      expect(await ctx.ds().getStore(id)).to.equal(undefined);
      expect((await ctx.ds().listStores({ pageSize: 10, name })).items).to.deep.equal([]);
      await ctx.ds().deleteStore(id);
      await ctx.ds().deleteStore(ulid());
    });

    it('rejects a garbage continuation token', async () => {
      await expectFgaError(ctx.ds().listStores({ pageSize: 2, continuationToken: 'not-a-token' }), 'invalid_continuation_token', 400);
    });
  });

  describe('authorization models', () => {
    it('reads models newest first, across pages, and finds the latest', async () => {
      const storeId = await freshStore(ctx.ds());
      expect(await ctx.ds().findLatestAuthorizationModel(storeId)).to.equal(undefined);
      const written = [model(['user']), model(['user', 'group']), model(['user', 'doc']), model(['team'])];
      for (const m of written) await ctx.ds().writeAuthorizationModel(storeId, m);
      const { items, pages } = await allPages((token) => ctx.ds().readAuthorizationModels(storeId, { pageSize: 3, continuationToken: token }));
      expect(items.map((m) => m.id)).to.deep.equal(written.map((m) => m.id).reverse());
      expect(pages).to.equal(2);
      expect((await ctx.ds().findLatestAuthorizationModel(storeId))?.id).to.equal(written[3].id);
    });

    it('reads one model by id, exactly as written, and nothing from another store', async () => {
      const storeId = await freshStore(ctx.ds());
      const m: AuthorizationModel = {
        ...model(['user']),
        type_definitions: [
          { type: 'user' },
          {
            type: 'doc',
            relations: { viewer: { this: {} } },
            metadata: { relations: { viewer: { directly_related_user_types: [{ type: 'user', condition: 'in_hours' }] } } },
          },
        ],
        conditions: {
          in_hours: { name: 'in_hours', expression: 'h < 18', parameters: { h: { type_name: 'TYPE_NAME_INT' } } },
        },
      };
      await ctx.ds().writeAuthorizationModel(storeId, m);
      expect(await ctx.ds().readAuthorizationModel(storeId, m.id)).to.deep.equal(m);
      expect(await ctx.ds().readAuthorizationModel(await freshStore(ctx.ds()), m.id)).to.equal(undefined);
      expect(await ctx.ds().readAuthorizationModel(storeId, ulid())).to.equal(undefined);
    });

    it('returns an empty page for a store without models and rejects a garbage token', async () => {
      const storeId = await freshStore(ctx.ds());
      expect(await ctx.ds().readAuthorizationModels(storeId, { pageSize: 5 })).to.deep.equal({ items: [], continuationToken: '' });
      await expectFgaError(ctx.ds().readAuthorizationModels(storeId, { pageSize: 5, continuationToken: '%%%' }), 'invalid_continuation_token');
    });
  });
}
