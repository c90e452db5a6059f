import { expect } from 'chai';
import { expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

const ULID = /^[ABCDEFGHJKMNPQRSTVWXYZ0-9]{26}$/;

describe('fga-engine API: stores', () => {
  let t: FgaTestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('creates (201), gets, lists and deletes (204) a store', async () => {
    const created = await t.client().createStore({ name: 'club-store' });
    expect(created.id).to.match(ULID);
    expect(created.name).to.equal('club-store');
    expect(created.$response.status).to.equal(201);

    const fetched = await t.client({ storeId: created.id }).getStore();
    expect(fetched).to.include({ id: created.id, name: 'club-store', deleted_at: null });

    const listed = await t.client().listStores({ pageSize: 100 });
    expect(listed.stores.map((s) => s.id)).to.include(created.id);

    const deleted = await t.client({ storeId: created.id }).deleteStore();
    expect(deleted.$response.status).to.equal(204);
    await expectApiError(t.client({ storeId: created.id }).getStore(), 404, 'store_id_not_found');
  });

  it('paginates stores with continuation tokens and filters by name', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push((await t.client().createStore({ name: `paged-${i}` })).id);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.client().listStores({ pageSize: 2, continuationToken: token });
      expect(page.stores.length).to.be.at.most(2);
      seen.push(...page.stores.map((s) => s.id));
      token = page.continuation_token || undefined;
    } while (token);
    expect(seen).to.include.members(ids);
    expect(new Set(seen).size).to.equal(seen.length);
    const named = await t.client().listStores({ name: 'paged-3' });
    expect(named.stores.map((s) => s.id)).to.deep.equal([ids[3]]);
  });

  it('answers 404 store_id_not_found only for GetStore; deleting a missing store succeeds', async () => {
    const missing = '01ARZ3NDEKTSV4RRFFQ69G5FAV';
    const err = await expectApiError(t.client({ storeId: missing }).getStore(), 404, 'store_id_not_found');
    expect(err.apiErrorMessage).to.equal('Store ID not found');
    const deleted = await t.client({ storeId: missing }).deleteStore();
    expect(deleted.$response.status).to.equal(204);
  });

  it('rejects a bad store name or page size with OpenFGA\'s proto-validation errors', async () => {
    const name = await expectApiError(t.client().createStore({ name: 'x' }), 400, 'validation_error');
    expect(name.apiErrorMessage).to.match(/^invalid CreateStoreRequest.Name: value does not match regex pattern/);
    const size = await t.raw('GET', '/stores?page_size=101');
    expect(size.status).to.equal(400);
    expect(size.body).to.deep.equal({ code: 'page_size_invalid', message: 'invalid ListStoresRequest.PageSize: value must be inside range [1, 100]' });
  });

  it('rejects a garbage continuation token with invalid_continuation_token', async () => {
    await expectApiError(t.client().listStores({ continuationToken: 'not-a-token' }), 400, 'invalid_continuation_token');
  });
});
