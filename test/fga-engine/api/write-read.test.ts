import { ClientWriteRequestOnDuplicateWrites, ClientWriteRequestOnMissingDeletes } from '@openfga/sdk';
import { expect } from 'chai';
import { DOCS_MODEL, expectApiError, startTestServer, type FgaTestServer } from './support/fga-test-server.js';

const anneViews1 = { user: 'user:anne', relation: 'viewer', object: 'document:1' };

describe('fga-engine API: write and read', () => {
  let t: FgaTestServer;
  before(async () => {
    t = await startTestServer();
  });
  after(() => t.close());

  async function allTuples(fga: ReturnType<FgaTestServer['client']>) {
    return (await fga.read({})).tuples.map((x) => x.key);
  }

  it('writes and deletes in one call, applying deletes first', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({ writes: [anneViews1] });
    await fga.write({ deletes: [anneViews1], writes: [{ user: 'user:bob', relation: 'viewer', object: 'document:1' }] });
    const keys = await allTuples(fga);
    expect(keys.map((k) => k.user)).to.deep.equal(['user:bob']);
    expect(keys[0]).to.deep.equal({ user: 'user:bob', relation: 'viewer', object: 'document:1', condition: null });
  });

  it('rejects a write of an existing tuple with OpenFGA\'s message and changes nothing', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({ writes: [anneViews1] });
    const err = await expectApiError(
      fga.write({ writes: [{ user: 'user:carl', relation: 'viewer', object: 'document:2' }, anneViews1] }),
      400,
      'write_failed_due_to_invalid_input',
    );
    expect(err.apiErrorMessage).to.equal(
      "cannot write a tuple which already exists: user: 'user:anne', relation: 'viewer', object: 'document:1': invalid write input",
    );
    expect(await allTuples(fga)).to.have.length(1);
    const changes = await fga.readChanges({ type: '' });
    expect(changes.changes).to.have.length(1);
  });

  it('rejects deleting a missing tuple, and a rejected delete+write changes nothing', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    const err = await expectApiError(
      fga.write({ deletes: [anneViews1], writes: [{ user: 'user:carl', relation: 'viewer', object: 'document:2' }] }),
      400,
      'write_failed_due_to_invalid_input',
    );
    expect(err.apiErrorMessage).to.match(/^cannot delete a tuple which does not exist: user: 'user:anne', relation: 'viewer', object: 'document:1'/);
    expect(await allTuples(fga)).to.deep.equal([]);
  });

  it('makes duplicates and missing deletes no-ops with on_duplicate / on_missing ignore', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({ writes: [anneViews1] });
    await fga.write(
      { writes: [anneViews1, { user: 'user:dan', relation: 'viewer', object: 'document:1' }] },
      { conflict: { onDuplicateWrites: ClientWriteRequestOnDuplicateWrites.Ignore } },
    );
    await fga.write(
      { deletes: [{ user: 'user:nobody', relation: 'viewer', object: 'document:1' }] },
      { conflict: { onMissingDeletes: ClientWriteRequestOnMissingDeletes.Ignore } },
    );
    expect((await allTuples(fga)).map((k) => k.user)).to.deep.equal(['user:anne', 'user:dan']);
  });

  it('rejects 101 tuple operations with exceeded_entity_limit and writes none of them', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    const writes = Array.from({ length: 101 }, (_, i) => ({ user: `user:u${i}`, relation: 'viewer', object: 'document:big' }));
    const err = await expectApiError(fga.write({ writes }), 400, 'exceeded_entity_limit');
    expect(err.apiErrorMessage).to.equal('The number of write operations exceeds the allowed limit of 100');
    expect(await allTuples(fga)).to.deep.equal([]);
    await fga.write({ writes: writes.slice(0, 100) });
    expect(await allTuples(fga)).to.have.length(50); // first page
  });

  it('rejects the same tuple twice in one request and an empty write', async () => {
    const { fga, storeId } = await t.storeWithModel(DOCS_MODEL);
    const dup = await expectApiError(fga.write({ writes: [anneViews1], deletes: [anneViews1] }), 400, 'cannot_allow_duplicate_tuples_in_one_request');
    expect(dup.apiErrorMessage).to.equal("duplicate tuple in write: user: 'user:anne', relation: 'viewer', object: 'document:1'");
    const empty = await t.raw('POST', `/stores/${storeId}/write`, {});
    expect(empty.status).to.equal(400);
    expect(empty.body.code).to.equal('invalid_write_input');
  });

  it('rejects malformed tuples and tuples the model does not allow with validation_error', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await expectApiError(fga.write({ writes: [{ user: 'anne:x:y', relation: 'viewer', object: 'document:1' }] }), 400, 'validation_error');
    await expectApiError(fga.write({ writes: [{ user: 'user:anne', relation: 'nope', object: 'document:1' }] }), 400, 'validation_error');
    await expectApiError(fga.write({ writes: [{ user: 'folder:1', relation: 'viewer', object: 'document:1' }] }), 400, 'validation_error');
    await expectApiError(fga.write({ deletes: [{ user: 'a:b:c', relation: 'viewer', object: 'document:1' }] }), 400, 'validation_error');
    expect(await allTuples(fga)).to.deep.equal([]);
  });

  it('answers unknown model and unknown store on write like OpenFGA', async () => {
    const { storeId } = await t.storeWithModel(DOCS_MODEL);
    await expectApiError(
      t.client({ storeId, authorizationModelId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).write({ writes: [anneViews1] }),
      400,
      'authorization_model_not_found',
    );
    await expectApiError(t.client({ storeId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }).write({ writes: [anneViews1] }), 400, 'latest_authorization_model_not_found');
  });

  it('reads by object, object type + user, relation, and pages with continuation tokens', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    await fga.write({
      writes: [
        anneViews1,
        { user: 'user:anne', relation: 'owner', object: 'document:1' },
        { user: 'user:anne', relation: 'viewer', object: 'document:2' },
        { user: 'user:bob', relation: 'viewer', object: 'document:2' },
        { user: 'user:anne', relation: 'viewer', object: 'folder:1' },
      ],
    });
    const byObject = await fga.read({ object: 'document:1' });
    expect(byObject.tuples.map((x) => x.key.relation)).to.deep.equal(['viewer', 'owner']);
    const byTypeAndUser = await fga.read({ object: 'document:', user: 'user:anne', relation: 'viewer' });
    expect(byTypeAndUser.tuples.map((x) => x.key.object)).to.deep.equal(['document:1', 'document:2']);
    const exact = await fga.read({ object: 'document:2', relation: 'viewer', user: 'user:bob' });
    expect(exact.tuples).to.have.length(1);

    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await fga.read({}, { pageSize: 2, continuationToken: token });
      seen.push(...page.tuples.map((x) => `${x.key.object}#${x.key.relation}@${x.key.user}`));
      token = page.continuation_token || undefined;
    } while (token);
    expect(seen).to.have.length(5);
    expect(new Set(seen).size).to.equal(5);
  });

  it('rejects a bad read filter, a garbage token and a page size out of range', async () => {
    const { fga } = await t.storeWithModel(DOCS_MODEL);
    const filter = await expectApiError(fga.read({ relation: 'viewer' }), 400, 'validation_error');
    expect(filter.apiErrorMessage).to.equal(
      "the 'tuple_key' field was provided but the object type field is required and both the object id and user cannot be empty",
    );
    const token = await expectApiError(fga.read({}, { continuationToken: 'eyJub3QiOiJvdXJzIn0' }), 400, 'invalid_continuation_token');
    expect(token.apiErrorMessage).to.equal('Invalid continuation token');
    await expectApiError(fga.read({}, { pageSize: 0 }), 400, 'page_size_invalid');
  });
});
