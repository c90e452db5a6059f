// The PostgreSQL datastore's read cache must never change an answer: two datastores on one schema
// stand for two processes (API and worker, or two API processes), one writing while the other keeps
// answering from its cache. Every write that finished before a query began is seen by that query.
import { transformer } from '@openfga/syntax-transformer';
import { expect } from 'chai';
import pg from 'pg';
import { ulid } from 'ulid';
import { createServiceContext, fgaService, type ServiceContext } from '../../../src/fga-engine/index.js';
import { PostgresDatastore } from '../../../src/fga-engine/storage/postgres.js';
import type { AuthorizationModel, TupleKey } from '../../../src/fga-engine/types.js';
import { DATABASE_URL, dropSchemas, uniqueSchemaName } from './postgres-test-db.js';

const MODEL = `model
  schema 1.1
type user
type group
  relations
    define member: [user, group#member]
type folder
  relations
    define viewer: [user, group#member]
type document
  relations
    define parent: [folder]
    define viewer: [user, user:*] or viewer from parent`;

const t = (user: string, relation: string, object: string): TupleKey => ({ user, relation, object });

describe('PostgresDatastore: read cache across processes', function () {
  this.timeout(60_000);
  const schema = uniqueSchemaName('readcache');
  let reader: PostgresDatastore; // answers queries from its cache
  let writer: PostgresDatastore; // another process's writes
  let readerCtx: ServiceContext;
  let writerCtx: ServiceContext;
  let storeId: string;
  let modelId: string;

  before(async () => {
    reader = await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema, poolSize: 4 });
    writer = await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema, poolSize: 4, readCacheEntries: 0 });
    readerCtx = createServiceContext(reader);
    writerCtx = createServiceContext(writer);
  });
  beforeEach(async () => {
    storeId = (await fgaService.createStore(writerCtx, { name: 'cache test' })).id;
    modelId = ulid();
    await writer.writeAuthorizationModel(storeId, { ...transformer.transformDSLToJSONObject(MODEL), id: modelId } as unknown as AuthorizationModel);
  });
  after(async () => {
    await reader?.close();
    await writer?.close();
    await dropSchemas(schema);
  });

  const write = (writes: TupleKey[], deletes: TupleKey[] = []) => writer.write(storeId, deletes, writes);
  const check = async (user: string, relation: string, object: string) =>
    (await fgaService.check(readerCtx, { store_id: storeId, authorization_model_id: modelId, tuple_key: { user, relation, object } })).allowed;
  const listObjects = async (user: string, relation: string, type: string) =>
    (await fgaService.listObjects(readerCtx, { store_id: storeId, authorization_model_id: modelId, user, relation, type })).objects.sort();

  it('sees another process grant and revoke on the next query, through nested usersets and parents', async () => {
    await write([{ user: 'folder:f', relation: 'parent', object: 'document:d' }, t('group:g#member', 'viewer', 'folder:f'), t('user:anne', 'member', 'group:g')]);
    expect(await check('user:anne', 'viewer', 'document:d')).to.equal(true);
    expect(await listObjects('user:anne', 'viewer', 'document')).to.deep.equal(['document:d']);
    expect(reader.readCacheSize).to.be.greaterThan(0);

    await write([], [t('user:anne', 'member', 'group:g')]);
    expect(await check('user:anne', 'viewer', 'document:d')).to.equal(false);
    expect(await listObjects('user:anne', 'viewer', 'document')).to.deep.equal([]);

    await write([t('user:anne', 'member', 'group:g')]);
    expect(await check('user:anne', 'viewer', 'document:d')).to.equal(true);
    expect(await listObjects('user:anne', 'viewer', 'document')).to.deep.equal(['document:d']);

    // A change on the parent link, and a wildcard reaching everyone.
    await write([], [{ user: 'folder:f', relation: 'parent', object: 'document:d' }]);
    expect(await check('user:anne', 'viewer', 'document:d')).to.equal(false);
    await write([t('user:*', 'viewer', 'document:d')]);
    expect(await check('user:bob', 'viewer', 'document:d')).to.equal(true);
    expect(await listObjects('user:bob', 'viewer', 'document')).to.deep.equal(['document:d']);
  });

  it('stays exact when more changed between two queries than it replays', async () => {
    expect(await check('user:anne', 'viewer', 'document:d0')).to.equal(false);
    expect(await listObjects('user:anne', 'viewer', 'document')).to.deep.equal([]);
    // One statement, 2,500 changes: more than a sync replays, so the store's reads are dropped.
    const many = Array.from({ length: 2500 }, (_, i) => t('user:anne', 'viewer', `document:d${i}`));
    await write(many);
    expect(await check('user:anne', 'viewer', 'document:d0')).to.equal(true);
    expect(await listObjects('user:anne', 'viewer', 'document')).to.have.length(1000); // OpenFGA's list-objects cap
  });

  it('agrees with an uncached datastore under concurrent writes from both sides', async () => {
    // Writes land from two datastores while the reader keeps its cache busy; after every write, the
    // reader's next answer matches the state that write left. Alternating grant/revoke on a few keys
    // makes a stale cached read show up as a wrong answer.
    const users = ['user:u0', 'user:u1', 'user:u2', 'user:u3'];
    await write([{ user: 'folder:f', relation: 'parent', object: 'document:d' }, t('group:g#member', 'viewer', 'folder:f')]);
    const member = new Set<string>();
    let stop = false;
    const background = (async () => {
      while (!stop) await Promise.all(users.map((u) => check(u, 'viewer', 'document:d')));
    })();
    try {
      for (let step = 0; step < 120; step++) {
        const user = users[step % users.length];
        const via = step % 3 === 0 ? reader : writer;
        if (member.has(user)) {
          await via.write(storeId, [t(user, 'member', 'group:g')], []);
          member.delete(user);
        } else {
          await via.write(storeId, [], [t(user, 'member', 'group:g')]);
          member.add(user);
        }
        expect(await check(user, 'viewer', 'document:d'), `step ${step}: ${user}`).to.equal(member.has(user));
        const visible = await Promise.all(users.map((u) => check(u, 'viewer', 'document:d')));
        expect(visible, `step ${step}`).to.deep.equal(users.map((u) => member.has(u)));
      }
    } finally {
      stop = true;
      await background;
    }
  });

  it('does not keep an answer of more than 1,000 tuples', async () => {
    await write(Array.from({ length: 1200 }, (_, i) => t(`user:m${i}`, 'member', 'group:big')));
    const fresh = await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema, poolSize: 2, readCacheEntries: 100 });
    try {
      const ctx = createServiceContext(fresh);
      const expanded = await fgaService.expand(ctx, { store_id: storeId, authorization_model_id: modelId, tuple_key: { object: 'group:big', relation: 'member' } });
      expect(JSON.stringify(expanded)).to.include('user:m1199');
      expect(fresh.readCacheSize).to.equal(0);
      await fgaService.expand(ctx, { store_id: storeId, authorization_model_id: modelId, tuple_key: { object: 'folder:f', relation: 'viewer' } });
      expect(fresh.readCacheSize).to.equal(1); // a small answer is kept
    } finally {
      await fresh.close();
    }
  });

  it('holds at most the configured number of reads', async () => {
    const small = await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema, poolSize: 2, readCacheEntries: 20 });
    try {
      const ctx = createServiceContext(small);
      for (let i = 0; i < 60; i++) {
        await fgaService.check(ctx, { store_id: storeId, authorization_model_id: modelId, tuple_key: { user: `user:x${i}`, relation: 'viewer', object: `document:y${i}` } });
      }
      expect(small.readCacheSize).to.be.at.most(20).and.greaterThan(0);
    } finally {
      await small.close();
    }
  });
});

describe('PostgresDatastore: a read racing a change', () => {
  // The interleaving matters here, so the SQL read below the cache is a gate the test opens: the read
  // starts, another process's change commits and is synced, and only then does the (now stale) answer
  // arrive. It must serve the request that asked, but never be kept for later ones.
  const schema = uniqueSchemaName('readrace');
  let pool: pg.Pool;
  let writer: PostgresDatastore;
  after(async () => {
    await writer?.close();
    await pool?.end();
    await dropSchemas(schema);
  });

  it('is not cached when a change was synced while it was in flight', async () => {
    writer = await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema, poolSize: 2, readCacheEntries: 0 });
    pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2, options: `-c search_path=${schema}` });
    const storeId = ulid();
    const answers: Array<(value: TupleKey | undefined) => void> = [];
    let reads = 0;
    const gated = {
      readUserTuple: () => { reads++; return new Promise<TupleKey | undefined>((resolve) => answers.push(resolve)); },
      readUsersetTuples: async () => [],
      readStartingWithUser: async () => [],
    };
    const { CachedResolutionReads } = await import('../../../src/fga-engine/storage/postgres/cached-resolution-reads.js');
    const cached = new CachedResolutionReads(gated as never, pool, 100);
    const key = { object: 'document:d', relation: 'viewer', user: 'user:anne' };

    await cached.sync(storeId);
    const stale = cached.readUserTuple(storeId, key); // in flight: "no such tuple" as of before the write
    await writer.write(storeId, [], [t('user:anne', 'viewer', 'document:d')]);
    await cached.sync(storeId); // a later request syncs and sees the write
    answers[0](undefined);
    expect(await stale).to.equal(undefined);

    const fresh = cached.readUserTuple(storeId, key);
    expect(reads, 'the stale answer must not have been kept').to.equal(2);
    answers[1](t('user:anne', 'viewer', 'document:d'));
    expect(await fresh).to.deep.equal(t('user:anne', 'viewer', 'document:d'));
    // Kept now: nothing changed while it was read.
    expect(await cached.readUserTuple(storeId, key)).to.deep.equal(t('user:anne', 'viewer', 'document:d'));
    expect(reads).to.equal(2);
  });
});
