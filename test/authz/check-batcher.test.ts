// Concurrent requests' checks leave as one BatchCheck, and each caller still gets exactly its own
// answer — or, for a question OpenFGA refuses, the same error class a plain Check would give.
import { FgaApiValidationError, OpenFgaClient } from '@openfga/sdk';
import { expect } from 'chai';
import { CheckBatcher } from '../../src/authz/check-batcher.js';
import { inProcessTransport } from '../../src/authz/in-process-transport.js';
import { createInProcessDispatch, createServiceContext, type InProcessDispatch } from '../../src/fga-engine/index.js';
import { DOCS_MODEL, startTestServer, type FgaTestServer } from '../fga-engine/api/support/fga-test-server.js';

describe('authz: checks of concurrent requests batched', () => {
  let t: FgaTestServer;
  let client: OpenFgaClient;
  const paths: string[] = [];

  before(async () => {
    t = await startTestServer();
    const dispatch = createInProcessDispatch(createServiceContext(t.datastore));
    const counting: InProcessDispatch = (request) => {
      paths.push(request.path.replace(/^\/stores\/[^/]+/, ''));
      return dispatch(request);
    };
    const { storeId, modelId } = await t.storeWithModel(DOCS_MODEL);
    client = new OpenFgaClient({ apiUrl: t.url, storeId, authorizationModelId: modelId, retryParams: { maxRetry: 0 } }, inProcessTransport(counting) as never);
    await client.writeTuples([{ user: 'user:anne', relation: 'viewer', object: 'document:1' }, { user: 'user:bob', relation: 'viewer', object: 'document:2' }]);
  });
  after(() => t.close());
  beforeEach(() => paths.splice(0));

  it('asks the checks started together in one BatchCheck, each answered on its own', async () => {
    const batcher = new CheckBatcher(client);
    const answers = await Promise.all([
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document:1' }),
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document:2' }),
      batcher.check({ user: 'user:bob', relation: 'viewer', object: 'document:2' }),
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document:1' }), // asked twice: one item
    ]);
    expect(answers).to.deep.equal([true, false, true, true]);
    expect(paths).to.deep.equal(['/batch-check']);
  });

  it('asks a lone check as a plain Check', async () => {
    expect(await new CheckBatcher(client).check({ user: 'user:bob', relation: 'viewer', object: 'document:1' })).to.equal(false);
    expect(paths).to.deep.equal(['/check']);
  });

  it('gives a question OpenFGA refuses its own validation error, and the others their answers', async () => {
    const batcher = new CheckBatcher(client);
    const [good, bad, other] = await Promise.allSettled([
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document:1' }),
      batcher.check({ user: 'user:anne', relation: 'no_such_relation', object: 'document:1' }),
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document:2' }),
    ]);
    expect(good).to.deep.equal({ status: 'fulfilled', value: true });
    expect(other).to.deep.equal({ status: 'fulfilled', value: false });
    expect(bad.status).to.equal('rejected');
    expect((bad as PromiseRejectedResult).reason).to.be.instanceOf(FgaApiValidationError);
  });

  it('isolates a malformed question that makes OpenFGA refuse the whole batch', async () => {
    const batcher = new CheckBatcher(client);
    const [good, bad] = await Promise.allSettled([
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document:1' }),
      batcher.check({ user: 'user:anne', relation: 'viewer', object: 'document 1 has spaces' }),
    ]);
    expect(good).to.deep.equal({ status: 'fulfilled', value: true });
    expect((bad as PromiseRejectedResult).reason).to.be.instanceOf(FgaApiValidationError);
  });
});
