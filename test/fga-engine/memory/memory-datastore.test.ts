import { expect } from 'chai';
import { MemoryDatastore } from '../../../src/fga-engine/storage/memory.js';
import { FgaError } from '../../../src/fga-engine/errors.js';
import type { TupleKey } from '../../../src/fga-engine/types.js';

const STORE = '01HZZZZZZZZZZZZZZZZZZZZZZZ';
const t = (object: string, relation: string, user: string): TupleKey => ({ object, relation, user });

async function expectFgaError(promise: Promise<unknown>, code: string): Promise<FgaError> {
  try {
    await promise;
  } catch (err) {
    expect(err).to.be.instanceOf(FgaError);
    expect((err as FgaError).code).to.equal(code);
    return err as FgaError;
  }
  throw new Error(`expected ${code}`);
}

describe('MemoryDatastore', () => {
  let ds: MemoryDatastore;
  beforeEach(() => {
    ds = new MemoryDatastore();
  });

  describe('write', () => {
    it('rejects an existing tuple with OpenFGA\'s message and applies nothing of the batch', async () => {
      await ds.write(STORE, [], [t('doc:1', 'viewer', 'user:anne')]);
      const err = await expectFgaError(
        ds.write(STORE, [], [t('doc:2', 'viewer', 'user:bob'), t('doc:1', 'viewer', 'user:anne')]),
        'write_failed_due_to_invalid_input',
      );
      expect(err.status).to.equal(400);
      expect(err.message).to.equal("cannot write a tuple which already exists: user: 'user:anne', relation: 'viewer', object: 'doc:1': invalid write input");
      expect(await ds.readUserTuple(STORE, t('doc:2', 'viewer', 'user:bob'))).to.equal(undefined);
      const changes = await ds.readChanges(STORE, {}, { pageSize: 100 });
      expect(changes.items).to.have.length(1);
    });

    it('rejects deleting a missing tuple unless on_missing is ignore', async () => {
      const err = await expectFgaError(ds.write(STORE, [t('doc:1', 'viewer', 'user:anne')], []), 'write_failed_due_to_invalid_input');
      expect(err.message).to.match(/^cannot delete a tuple which does not exist: user: 'user:anne'/);
      await ds.write(STORE, [t('doc:1', 'viewer', 'user:anne')], [], { onMissing: 'ignore' });
    });

    it('ignores duplicates with on_duplicate ignore but refuses a different condition (409)', async () => {
      await ds.write(STORE, [], [t('doc:1', 'viewer', 'user:anne')]);
      await ds.write(STORE, [], [t('doc:1', 'viewer', 'user:anne')], { onDuplicate: 'ignore' });
      const err = await expectFgaError(
        ds.write(STORE, [], [{ ...t('doc:1', 'viewer', 'user:anne'), condition: { name: 'c' } }], { onDuplicate: 'ignore' }),
        'Aborted',
      );
      expect(err.status).to.equal(409);
    });

    it('applies deletes before writes, so a tuple can be replaced in one call', async () => {
      await ds.write(STORE, [], [t('doc:1', 'viewer', 'user:anne')]);
      await ds.write(STORE, [t('doc:1', 'viewer', 'user:anne')], [{ ...t('doc:1', 'viewer', 'user:anne'), condition: { name: 'c', context: { x: 1 } } }]);
      const stored = await ds.readUserTuple(STORE, t('doc:1', 'viewer', 'user:anne'));
      expect(stored?.condition).to.deep.equal({ name: 'c', context: { x: 1 } });
    });
  });

  describe('indexed reads', () => {
    beforeEach(async () => {
      await ds.write(STORE, [], [
        t('doc:1', 'viewer', 'user:anne'),
        t('doc:1', 'viewer', 'user:*'),
        t('doc:1', 'viewer', 'group:eng#member'),
        t('doc:2', 'viewer', 'user:anne'),
        t('doc:2', 'editor', 'user:bob'),
        t('folder:1', 'viewer', 'user:anne'),
      ]);
    });

    it('reads usersets on object#relation restricted by user shape', async () => {
      const all = await ds.readUsersetTuples(STORE, { object: 'doc:1', relation: 'viewer' });
      expect(all.map((k) => k.user)).to.deep.equal(['user:anne', 'user:*', 'group:eng#member']);
      const usersets = await ds.readUsersetTuples(STORE, { object: 'doc:1', relation: 'viewer', allowedUserTypes: [{ type: 'group', relation: 'member' }] });
      expect(usersets.map((k) => k.user)).to.deep.equal(['group:eng#member']);
      const wildcard = await ds.readUsersetTuples(STORE, { object: 'doc:1', relation: 'viewer', allowedUserTypes: [{ type: 'user', wildcard: true }] });
      expect(wildcard.map((k) => k.user)).to.deep.equal(['user:*']);
    });

    it('reads starting with the user for one object type', async () => {
      const found = await ds.readStartingWithUser(STORE, { objectType: 'doc', relation: 'viewer', users: ['user:anne', 'user:*'] });
      expect(found.map((k) => k.object).sort()).to.deep.equal(['doc:1', 'doc:1', 'doc:2']);
      const restricted = await ds.readStartingWithUser(STORE, { objectType: 'doc', relation: 'viewer', users: ['user:anne'], objectIds: ['doc:2'] });
      expect(restricted.map((k) => k.object)).to.deep.equal(['doc:2']);
    });

    it('pages the Read API with opaque tokens and filters by type, relation and user', async () => {
      const first = await ds.read(STORE, {}, { pageSize: 4 });
      expect(first.items).to.have.length(4);
      expect(first.continuationToken).to.not.equal('');
      const second = await ds.read(STORE, {}, { pageSize: 4, continuationToken: first.continuationToken });
      expect(second.items).to.have.length(2);
      expect(second.continuationToken).to.equal('');
      const byType = await ds.read(STORE, { object: 'doc:', user: 'user:anne' }, { pageSize: 50 });
      expect(byType.items.map((x) => x.key.object)).to.deep.equal(['doc:1', 'doc:2']);
      const byObject = await ds.read(STORE, { object: 'doc:2' }, { pageSize: 50 });
      expect(byObject.items.map((x) => x.key.relation)).to.deep.equal(['viewer', 'editor']);
      await expectFgaError(ds.read(STORE, {}, { pageSize: 4, continuationToken: 'garbage!' }), 'invalid_continuation_token');
      await expectFgaError(ds.read(STORE, {}, { pageSize: 4, continuationToken: 'Zm9v' }), 'invalid_continuation_token');
    });
  });

  describe('changes', () => {
    it('lists changes by type, keeps a pollable token and rejects a token of another type', async () => {
      await ds.write(STORE, [], [t('doc:1', 'viewer', 'user:anne'), t('folder:1', 'viewer', 'user:anne')]);
      await ds.write(STORE, [t('doc:1', 'viewer', 'user:anne')], []);
      const docs = await ds.readChanges(STORE, { objectType: 'doc' }, { pageSize: 1 });
      expect(docs.items.map((c) => c.operation)).to.deep.equal(['TUPLE_OPERATION_WRITE']);
      const next = await ds.readChanges(STORE, { objectType: 'doc' }, { pageSize: 10, continuationToken: docs.continuationToken });
      expect(next.items.map((c) => c.operation)).to.deep.equal(['TUPLE_OPERATION_DELETE']);
      const none = await ds.readChanges(STORE, { objectType: 'doc' }, { pageSize: 10, continuationToken: next.continuationToken });
      expect(none.items).to.have.length(0);
      await expectFgaError(ds.readChanges(STORE, { objectType: 'folder' }, { pageSize: 10, continuationToken: next.continuationToken }), 'query_string_type_continuation_token_mismatch');
      const future = await ds.readChanges(STORE, { startTime: new Date(Date.now() + 60_000) }, { pageSize: 10 });
      expect(future.items).to.have.length(0);
    });
  });

  describe('stores and models', () => {
    it('lists stores in id order with pagination and a name filter', async () => {
      const now = new Date().toISOString();
      for (const id of ['01A00000000000000000000003', '01A00000000000000000000001', '01A00000000000000000000002']) {
        await ds.createStore({ id, name: id.endsWith('2') ? 'two' : 'other', created_at: now, updated_at: now });
      }
      const first = await ds.listStores({ pageSize: 2 });
      expect(first.items.map((s) => s.id.slice(-1))).to.deep.equal(['1', '2']);
      const rest = await ds.listStores({ pageSize: 2, continuationToken: first.continuationToken });
      expect(rest.items.map((s) => s.id.slice(-1))).to.deep.equal(['3']);
      expect(rest.continuationToken).to.equal('');
      expect((await ds.listStores({ pageSize: 50, name: 'two' })).items).to.have.length(1);
      await ds.deleteStore('01A00000000000000000000002');
      expect(await ds.getStore('01A00000000000000000000002')).to.equal(undefined);
    });

    it('returns models newest first and the latest', async () => {
      for (const id of ['01B00000000000000000000001', '01B00000000000000000000002', '01B00000000000000000000003']) {
        await ds.writeAuthorizationModel(STORE, { id, schema_version: '1.1', type_definitions: [{ type: 'user' }] });
      }
      expect((await ds.findLatestAuthorizationModel(STORE))?.id).to.equal('01B00000000000000000000003');
      const page = await ds.readAuthorizationModels(STORE, { pageSize: 2 });
      expect(page.items.map((m) => m.id.slice(-1))).to.deep.equal(['3', '2']);
      const rest = await ds.readAuthorizationModels(STORE, { pageSize: 2, continuationToken: page.continuationToken });
      expect(rest.items.map((m) => m.id.slice(-1))).to.deep.equal(['1']);
    });
  });
});
