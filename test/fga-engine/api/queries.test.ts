import { expect } from 'chai';
import { DOCS_MODEL, expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

const MODEL_ID_HEADER = 'openfga-authorization-model-id';

describe('fga-engine API: queries', () => {
  let t: FgaTestServer;
  let fga: ReturnType<FgaTestServer['client']>;
  let storeId: string;
  let modelId: string;
  before(async () => {
    t = await startTestServer();
    ({ fga, storeId, modelId } = await t.storeWithModel(DOCS_MODEL));
    await fga.write({
      writes: [
        { user: 'user:anne', relation: 'owner', object: 'document:1' },
        { user: 'group:eng#member', relation: 'editor', object: 'document:2' },
        { user: 'user:bob', relation: 'member', object: 'group:eng' },
        { user: 'folder:f', relation: 'parent', object: 'document:3' },
        { user: 'user:carl', relation: 'viewer', object: 'folder:f' },
        { user: 'user:*', relation: 'viewer', object: 'document:public' },
      ],
    });
  });
  after(() => t.close());

  it('checks computed, userset, tuple-to-userset and wildcard relations and sends the model id header', async () => {
    const allowed = async (user: string, relation: string, object: string) => (await fga.check({ user, relation, object })).allowed;
    expect(await allowed('user:anne', 'viewer', 'document:1')).to.equal(true);
    expect(await allowed('user:bob', 'viewer', 'document:2')).to.equal(true);
    expect(await allowed('user:carl', 'viewer', 'document:3')).to.equal(true);
    expect(await allowed('user:zoe', 'viewer', 'document:public')).to.equal(true);
    expect(await allowed('user:bob', 'viewer', 'document:1')).to.equal(false);
    const response = await fga.check({ user: 'user:anne', relation: 'owner', object: 'document:1' });
    expect(response.$response.headers[MODEL_ID_HEADER]).to.equal(modelId);
  });

  it('uses contextual tuples in a check', async () => {
    const withContext = await fga.check({
      user: 'user:dora',
      relation: 'viewer',
      object: 'document:9',
      contextualTuples: [{ user: 'user:dora', relation: 'owner', object: 'document:9' }],
    });
    expect(withContext.allowed).to.equal(true);
    await expectApiError(
      fga.check({ user: 'user:dora', relation: 'viewer', object: 'document:9', contextualTuples: [{ user: 'folder:x', relation: 'owner', object: 'document:9' }] }),
      400,
      'invalid_tuple',
    );
  });

  it('rejects a check on an unknown relation or type with validation_error, and an unknown model id', async () => {
    await expectApiError(fga.check({ user: 'user:anne', relation: 'nope', object: 'document:1' }), 400, 'validation_error');
    await expectApiError(fga.check({ user: 'user:anne', relation: 'viewer', object: 'nope:1' }), 400, 'validation_error');
    await expectApiError(
      t.client({ storeId, authorizationModelId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).check({ user: 'user:anne', relation: 'viewer', object: 'document:1' }),
      400,
      'authorization_model_not_found',
    );
  });

  it('batch-checks through the server endpoint, answering each correlation id on its own', async () => {
    const { result } = await fga.batchCheck({
      checks: [
        { user: 'user:anne', relation: 'viewer', object: 'document:1', correlationId: 'anne-1' },
        { user: 'user:bob', relation: 'viewer', object: 'document:1', correlationId: 'bob-1' },
        { user: 'user:bob', relation: 'nope', object: 'document:1', correlationId: 'bad-1' },
      ],
    });
    const byId = Object.fromEntries(result.map((r) => [r.correlationId, r]));
    expect(byId['anne-1'].allowed).to.equal(true);
    expect(byId['bob-1'].allowed).to.equal(false);
    expect(byId['bad-1'].error?.input_error).to.equal('validation_error');
    expect(byId['bad-1'].error?.message).to.be.a('string').and.not.equal('');
  });

  it('rejects more than 50 checks, duplicate correlation ids and bad correlation ids', async () => {
    const checks = Array.from({ length: 51 }, (_, i) => ({ tuple_key: { user: 'user:anne', relation: 'viewer', object: `document:${i}` }, correlation_id: `c${i}` }));
    const tooMany = await t.raw('POST', `/stores/${storeId}/batch-check`, { checks });
    expect(tooMany.status).to.equal(400);
    expect(tooMany.body).to.deep.equal({ code: 'validation_error', message: 'batchCheck received 51 checks, the maximum allowed is 50 ' });
    const duplicate = await t.raw('POST', `/stores/${storeId}/batch-check`, { checks: [checks[0], checks[0]] });
    expect(duplicate.body).to.deep.equal({ code: 'validation_error', message: 'received duplicate correlation id: c0' });
    const badId = await t.raw('POST', `/stores/${storeId}/batch-check`, { checks: [{ ...checks[0], correlation_id: 'not ok!' }] });
    expect(badId.status).to.equal(400);
    expect(badId.body.message).to.match(/^invalid BatchCheckItem.CorrelationId: value does not match regex pattern/);
  });

  it('lists objects, capped by listObjectsMaxResults', async () => {
    const { objects } = await fga.listObjects({ user: 'user:anne', relation: 'viewer', type: 'document' });
    expect(objects.sort()).to.deep.equal(['document:1', 'document:public']);
    const capped = await startTestServer({ limits: { listObjectsMaxResults: 1 } });
    try {
      const other = await capped.storeWithModel(DOCS_MODEL);
      await other.fga.write({ writes: [1, 2, 3].map((i) => ({ user: 'user:anne', relation: 'owner', object: `document:${i}` })) });
      const result = await other.fga.listObjects({ user: 'user:anne', relation: 'viewer', type: 'document' });
      expect(result.objects).to.have.length(1);
    } finally {
      await capped.close();
    }
  });

  it('streams list-objects as newline-delimited JSON, uncapped', async () => {
    const streamed: string[] = [];
    for await (const item of fga.streamedListObjects({ user: 'user:anne', relation: 'viewer', type: 'document' })) streamed.push(item.object);
    expect(streamed.sort()).to.deep.equal(['document:1', 'document:public']);
    const raw = await t.raw('POST', `/stores/${storeId}/streamed-list-objects`, { user: 'user:anne', relation: 'owner', type: 'document' });
    expect(raw.status).to.equal(200);
    expect(raw.text).to.equal('{"result":{"object":"document:1"}}\n');
  });

  it('answers a streamed-list-objects error as a grpc-gateway error chunk', async () => {
    const raw = await t.raw('POST', `/stores/${storeId}/streamed-list-objects`, { user: 'user:anne', relation: 'viewer', type: 'nope' });
    expect(raw.status).to.equal(400);
    expect(raw.body.error.code).to.equal(3);
    expect(raw.body.error.message).to.be.a('string');
  });

  it('rejects list-objects for an unknown type with type_not_found', async () => {
    await expectApiError(fga.listObjects({ user: 'user:anne', relation: 'viewer', type: 'nope' }), 400, 'type_not_found');
  });

  it('lists users by type, by userset filter and with wildcards', async () => {
    const direct = await fga.listUsers({ object: { type: 'document', id: '2' }, relation: 'viewer', user_filters: [{ type: 'user' }] });
    expect(direct.users).to.deep.equal([{ object: { type: 'user', id: 'bob' } }]);
    const usersets = await fga.listUsers({ object: { type: 'document', id: '2' }, relation: 'viewer', user_filters: [{ type: 'group', relation: 'member' }] });
    expect(usersets.users).to.deep.equal([{ userset: { type: 'group', id: 'eng', relation: 'member' } }]);
    const wildcard = await fga.listUsers({ object: { type: 'document', id: 'public' }, relation: 'viewer', user_filters: [{ type: 'user' }] });
    expect(wildcard.users).to.deep.equal([{ wildcard: { type: 'user' } }]);
  });

  it('expands a relation into a userset tree', async () => {
    const { tree } = await fga.expand({ relation: 'owner', object: 'document:1' });
    expect(tree?.root?.name).to.equal('document:1#owner');
    expect(tree?.root?.leaf?.users?.users).to.deep.equal(['user:anne']);
  });
});
