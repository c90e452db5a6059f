import { expect } from 'chai';
import { DOCS_MODEL, expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

describe('fga-engine API: assertions', () => {
  let t: FgaTestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('writes (204) and reads back the assertions of a model', async () => {
    const { fga, modelId } = await t.storeWithModel(DOCS_MODEL);
    const empty = await fga.readAssertions();
    expect(empty.authorization_model_id).to.equal(modelId);
    expect(empty.assertions).to.deep.equal([]);

    const written = await fga.writeAssertions([
      { user: 'user:anne', relation: 'viewer', object: 'document:1', expectation: true },
      { user: 'user:bob', relation: 'viewer', object: 'document:1', expectation: false },
    ]);
    expect(written.$response.status).to.equal(204);
    const read = await fga.readAssertions();
    expect(read.assertions?.map((a) => [a.tuple_key.user, a.expectation])).to.deep.equal([['user:anne', true], ['user:bob', false]]);
  });

  it('keeps contextual tuples and context of an assertion (the SDK does not send them, so raw HTTP)', async () => {
    const { storeId, modelId, fga } = await t.storeWithModel(DOCS_MODEL);
    const put = await t.raw('PUT', `/stores/${storeId}/assertions/${modelId}`, {
      assertions: [{
        tuple_key: { object: 'document:1', relation: 'viewer', user: 'user:bob' },
        expectation: true,
        contextual_tuples: [{ user: 'user:bob', relation: 'owner', object: 'document:1' }],
      }],
    });
    expect(put.status).to.equal(204);
    expect(put.text).to.equal('');
    const read = await fga.readAssertions();
    expect(read.assertions?.[0].contextual_tuples?.[0]).to.include({ user: 'user:bob', relation: 'owner', object: 'document:1' });
    const invalid = await t.raw('PUT', `/stores/${storeId}/assertions/${modelId}`, {
      assertions: [{ tuple_key: { object: 'document:1', relation: 'viewer', user: 'user:bob' }, expectation: true,
        contextual_tuples: [{ user: 'folder:1', relation: 'owner', object: 'document:1' }] }],
    });
    expect(invalid.status).to.equal(400);
    expect(invalid.body.code).to.equal('validation_error');
  });

  it('rejects assertions for an unknown model or with an unknown relation', async () => {
    const { storeId, fga } = await t.storeWithModel(DOCS_MODEL);
    await expectApiError(
      t.client({ storeId, authorizationModelId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })
        .writeAssertions([{ user: 'user:anne', relation: 'viewer', object: 'document:1', expectation: true }]),
      400,
      'authorization_model_not_found',
    );
    await expectApiError(fga.writeAssertions([{ user: 'user:anne', relation: 'nope', object: 'document:1', expectation: true }]), 400, 'validation_error');
  });

  it('rejects more than 100 assertions with assertions_too_many_items', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    const many = Array.from({ length: 101 }, (_, i) => ({ user: `user:u${i}`, relation: 'viewer', object: 'document:1', expectation: true }));
    await expectApiError(fga.writeAssertions(many), 400, 'assertions_too_many_items');
  });
});
