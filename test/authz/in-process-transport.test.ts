// The in-process transport must be indistinguishable from HTTP: the same engine replies (status, body,
// model-id header) for successes, errors, unknown paths and wrong methods, and the SDK above it
// must raise the same error classes.
import { FgaApiNotFoundError, FgaApiValidationError, OpenFgaClient } from '@openfga/sdk';
import { expect } from 'chai';
import { createInProcessDispatch, createServiceContext, type InProcessDispatch } from '../../src/fga-engine/index.js';
import { inProcessTransport } from '../../src/authz/in-process-transport.js';
import { DOCS_MODEL, startTestServer, type FgaTestServer } from '../fga-engine/api/support/fga-test-server.js';

describe('authz: in-process transport to the embedded engine', () => {
  let t: FgaTestServer;
  let dispatch: InProcessDispatch;
  let storeId: string;
  let modelId: string;
  before(async () => {
    t = await startTestServer();
    dispatch = createInProcessDispatch(createServiceContext(t.datastore));
    ({ storeId, modelId } = await t.storeWithModel(DOCS_MODEL));
    await t.client({ storeId, authorizationModelId: modelId }).writeTuples([{ user: 'user:anne', relation: 'viewer', object: 'document:1' }]);
  });
  after(() => t.close());

  const sdkClient = () => new OpenFgaClient({ apiUrl: t.url, storeId, authorizationModelId: modelId, retryParams: { maxRetry: 0 } }, inProcessTransport(dispatch) as never);

  it('answers every kind of request exactly as the HTTP API does', async () => {
    const requests: Array<[string, string, unknown?]> = [
      ['POST', `/stores/${storeId}/check`, { tuple_key: { user: 'user:anne', relation: 'viewer', object: 'document:1' }, authorization_model_id: modelId }],
      ['POST', `/stores/${storeId}/check`, { tuple_key: { user: 'user:bob', relation: 'viewer', object: 'document:1' } }],
      ['POST', `/stores/${storeId}/check`, { tuple_key: { user: 'user:anne', relation: 'no_such_relation', object: 'document:1' } }],
      ['POST', `/stores/${storeId}/check`, '{"tuple_key":'],
      ['POST', `/stores/${storeId}/check`, `{"padding":"${'p'.repeat(4 * 1024 * 1024)}"}`],
      ['POST', `/stores/${storeId}/list-objects`, { user: 'user:anne', relation: 'viewer', type: 'document' }],
      ['GET', `/stores/${storeId}/authorization-models?page_size=1`],
      ['GET', `/stores/${storeId}`],
      ['GET', '/stores/01ARZ3NDEKTSV4RRFFQ69G5FAV'],
      ['GET', `/stores/${storeId}/check`],
      ['GET', '/no/such/endpoint'],
    ];
    for (const [method, path, body] of requests) {
      const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const overHttp = await t.raw(method, path, text);
      const inProcess = await dispatch({ method, path, body: text });
      const label = `${method} ${path} ${(text ?? '').slice(0, 120)}`;
      expect(inProcess.status, label).to.equal(overHttp.status);
      expect(inProcess.body, label).to.equal(overHttp.text);
      const headers = Object.fromEntries(Object.entries(inProcess.headers).map(([k, v]) => [k.toLowerCase(), v]));
      expect(headers['openfga-authorization-model-id'], label).to.equal(overHttp.headers.get('openfga-authorization-model-id') ?? undefined);
    }
  });

  it('gives the SDK the same answers and error classes', async () => {
    const fga = sdkClient();
    expect((await fga.check({ user: 'user:anne', relation: 'viewer', object: 'document:1' })).allowed).to.equal(true);
    expect((await fga.check({ user: 'user:bob', relation: 'viewer', object: 'document:1' })).allowed).to.equal(false);
    expect((await fga.listObjects({ user: 'user:anne', relation: 'viewer', type: 'document' })).objects).to.deep.equal(['document:1']);
    const invalid = await fga.check({ user: 'user:anne', relation: 'no_such_relation', object: 'document:1' }).catch((e: unknown) => e);
    expect(invalid).to.be.instanceOf(FgaApiValidationError);
    expect((invalid as FgaApiValidationError).apiErrorCode).to.equal('validation_error');
    const missing = await new OpenFgaClient({ apiUrl: t.url, storeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', retryParams: { maxRetry: 0 } }, inProcessTransport(dispatch) as never).getStore().catch((e: unknown) => e);
    expect(missing).to.be.instanceOf(FgaApiNotFoundError);
  });
});
