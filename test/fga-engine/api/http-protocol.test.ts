import { expect } from 'chai';
import { DOCS_MODEL, expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

describe('fga-engine API: HTTP protocol', () => {
  let t: FgaTestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('answers GET /healthz with SERVING', async () => {
    const res = await t.raw('GET', '/healthz');
    expect(res.status).to.equal(200);
    expect(res.body).to.deep.equal({ status: 'SERVING' });
  });

  it('answers unknown routes with 404 undefined_endpoint and a wrong method with 404 unimplemented', async () => {
    const unknown = await t.raw('GET', '/nowhere');
    expect(unknown.status).to.equal(404);
    expect(unknown.body).to.deep.equal({ code: 'undefined_endpoint', message: 'Not Found' });
    const wrongMethod = await t.raw('GET', '/stores/01ARZ3NDEKTSV4RRFFQ69G5FAV/check');
    expect(wrongMethod.status).to.equal(404);
    expect(wrongMethod.body.code).to.equal('unimplemented');
  });

  it('answers malformed JSON and a non-object body with 400 validation_error', async () => {
    const { storeId } = await t.storeWithModel(DOCS_MODEL);
    const malformed = await t.raw('POST', `/stores/${storeId}/check`, '{"tuple_key": ');
    expect(malformed.status).to.equal(400);
    expect(malformed.body).to.deep.equal({ code: 'validation_error', message: 'malformed JSON' });
    const list = await t.raw('POST', `/stores/${storeId}/check`, '[1]');
    expect(list.status).to.equal(400);
    expect(list.body.code).to.equal('validation_error');
  });

  it('validates ids as ULIDs, like the proto rules (and the SDK\'s own client-side check)', async () => {
    const res = await t.raw('POST', '/stores/not-a-ulid/check', { tuple_key: { user: 'user:anne', relation: 'viewer', object: 'document:1' } });
    expect(res.status).to.equal(400);
    expect(res.body.message).to.match(/^invalid CheckRequest.StoreId: value does not match regex pattern/);
    expect(() => t.client({ storeId: 'not-a-ulid' })).to.throw();
  });

  it('answers a missing tuple key in check with tuple_key_value_not_specified', async () => {
    const { storeId } = await t.storeWithModel(DOCS_MODEL);
    const res = await t.raw('POST', `/stores/${storeId}/check`, {});
    expect(res.status).to.equal(400);
    expect(res.body).to.deep.equal({ code: 'tuple_key_value_not_specified', message: 'invalid CheckRequest.TupleKey: value is required' });
  });

  it('enforces preshared keys like --authn-method preshared, leaving /healthz open', async () => {
    const secured = await startTestServer({ presharedKeys: ['key-1', 'key-2'] });
    try {
      const missing = await secured.raw('GET', '/stores');
      expect(missing.status).to.equal(401);
      expect(missing.body).to.deep.equal({ code: 'bearer_token_missing', message: 'missing bearer token' });
      const wrong = await secured.raw('GET', '/stores', undefined, { authorization: 'Bearer nope' });
      expect(wrong.status).to.equal(401);
      expect(wrong.body).to.deep.equal({ code: 'unauthenticated', message: 'unauthenticated' });
      expect((await secured.raw('GET', '/healthz')).status).to.equal(200);

      await expectApiError(secured.client().listStores(), 401, 'bearer_token_missing');
      const store = await secured.client({ token: 'key-2' }).createStore({ name: 'authed' });
      expect(store.name).to.equal('authed');
    } finally {
      await secured.close();
    }
  });
});
