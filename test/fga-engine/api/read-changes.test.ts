import { expect } from 'chai';
import { DOCS_MODEL, expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

describe('fga-engine API: read changes', () => {
  let t: FgaTestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  it('lists writes and deletes oldest first, by type, and hands back the token when nothing is new', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({ writes: [{ user: 'user:anne', relation: 'viewer', object: 'document:1' }, { user: 'user:anne', relation: 'viewer', object: 'folder:1' }] });
    await fga.write({ deletes: [{ user: 'user:anne', relation: 'viewer', object: 'document:1' }] });

    const all = await fga.readChanges({ type: '' });
    expect(all.changes.map((c) => c.operation)).to.deep.equal(['TUPLE_OPERATION_WRITE', 'TUPLE_OPERATION_WRITE', 'TUPLE_OPERATION_DELETE']);
    expect(all.changes[2].tuple_key).to.deep.equal({ user: 'user:anne', relation: 'viewer', object: 'document:1', condition: null });

    const docs = await fga.readChanges({ type: 'document' }, { pageSize: 1 });
    expect(docs.changes.map((c) => c.operation)).to.deep.equal(['TUPLE_OPERATION_WRITE']);
    const next = await fga.readChanges({ type: 'document' }, { pageSize: 1, continuationToken: docs.continuation_token });
    expect(next.changes.map((c) => c.operation)).to.deep.equal(['TUPLE_OPERATION_DELETE']);
    const idle = await fga.readChanges({ type: 'document' }, { continuationToken: next.continuation_token });
    expect(idle.changes).to.deep.equal([]);
    expect(idle.continuation_token).to.equal(next.continuation_token);

    await fga.write({ writes: [{ user: 'user:bob', relation: 'viewer', object: 'document:3' }] });
    const polled = await fga.readChanges({ type: 'document' }, { continuationToken: idle.continuation_token });
    expect(polled.changes.map((c) => c.tuple_key.user)).to.deep.equal(['user:bob']);
  });

  it('starts at start_time and rejects a malformed one with invalid_start_time', async () => {
    const { fga, storeId } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({ writes: [{ user: 'user:anne', relation: 'viewer', object: 'document:1' }] });
    const future = await fga.readChanges({ type: '', startTime: new Date(Date.now() + 3_600_000).toISOString() });
    expect(future.changes).to.deep.equal([]);
    const past = await fga.readChanges({ type: '', startTime: '2000-01-01T00:00:00Z' });
    expect(past.changes).to.have.length(1);
    const bad = await t.raw('GET', `/stores/${storeId}/changes?start_time=yesterday`);
    expect(bad.status).to.equal(400);
    expect(bad.body).to.deep.equal({ code: 'invalid_start_time', message: 'Invalid start time' });
  });

  it('rejects a page size over 100, a garbage token and a token issued for another type', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({ writes: [{ user: 'user:anne', relation: 'viewer', object: 'document:1' }] });
    await expectApiError(fga.readChanges({ type: '' }, { pageSize: 101 }), 400, 'page_size_invalid');
    await expectApiError(fga.readChanges({ type: '' }, { continuationToken: '%%%' }), 400, 'invalid_continuation_token');
    const docs = await fga.readChanges({ type: 'document' });
    await expectApiError(fga.readChanges({ type: 'folder' }, { continuationToken: docs.continuation_token }), 400, 'query_string_type_continuation_token_mismatch');
  });
});
