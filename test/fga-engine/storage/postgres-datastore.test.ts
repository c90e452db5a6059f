// What only the PostgreSQL datastore has to prove: its own schema, migrations that are idempotent
// and safe to run concurrently, durability across connections, and atomic writes under races.
import { expect } from 'chai';
import pg from 'pg';
import { ulid } from 'ulid';
import { FgaError } from '../../../src/fga-engine/errors.js';
import { PostgresDatastore } from '../../../src/fga-engine/storage/postgres.js';
import { freshStore, tk } from './contract/harness.js';
import { DATABASE_URL, uniqueSchemaName } from './postgres-test-db.js';

describe('PostgresDatastore', () => {
  const schemas: string[] = [];
  const open: PostgresDatastore[] = [];
  const admin = new pg.Client({ connectionString: DATABASE_URL });

  async function connect(schema: string): Promise<PostgresDatastore> {
    if (!schemas.includes(schema)) schemas.push(schema);
    const ds = await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema, poolSize: 4 });
    open.push(ds);
    return ds;
  }

  before(() => admin.connect());
  after(async () => {
    await Promise.all(open.map((ds) => ds.close().catch(() => undefined)));
    for (const schema of schemas) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('creates its schema on connect; concurrent and repeated connects migrate exactly once', async () => {
    const schema = uniqueSchemaName('migrate');
    await Promise.all([connect(schema), connect(schema), connect(schema)]);
    await connect(schema);
    const { rows } = await admin.query(`SELECT version FROM "${schema}".schema_migrations ORDER BY version`);
    expect(rows.map((r) => r.version)).to.deep.equal(['0001_initial', '0002_store_revisions']);
    const tables = await admin.query('SELECT table_name FROM information_schema.tables WHERE table_schema = $1 ORDER BY table_name', [schema]);
    expect(tables.rows.map((r) => r.table_name)).to.include.members(['stores', 'authorization_models', 'tuples', 'changelog', 'assertions', 'store_revisions']);
  });

  it('refuses schema names that are not plain identifiers', async () => {
    for (const schema of ['Fga', 'fga-x', 'fga; drop table x', '']) {
      let error: unknown;
      await PostgresDatastore.connect({ connectionString: DATABASE_URL, schema }).catch((err) => (error = err));
      expect(error, schema).to.be.instanceOf(Error);
    }
  });

  it('keeps data per schema and across connections', async () => {
    const schemaA = uniqueSchemaName('durable');
    const a = await connect(schemaA);
    const b = await connect(uniqueSchemaName('other'));
    const storeId = await freshStore(a);
    await a.write(storeId, [], [tk('doc:1', 'viewer', 'user:anne')]);
    await a.close();
    const again = await connect(schemaA);
    expect(await again.readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'user:anne' })).to.deep.equal(
      tk('doc:1', 'viewer', 'user:anne'),
    );
    expect(await b.getStore(storeId)).to.equal(undefined);
  });

  it('lets exactly one of many racing writes of the same tuple succeed', async () => {
    const ds = await connect(uniqueSchemaName('race'));
    const storeId = await freshStore(ds);
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, () => ds.write(storeId, [], [tk('doc:1', 'viewer', 'user:anne'), tk(`doc:${ulid()}`, 'viewer', 'user:bob')])),
    );
    const ok = results.filter((r) => r.status === 'fulfilled');
    expect(ok).to.have.length(1);
    for (const r of results) {
      if (r.status === 'rejected') {
        expect(r.reason).to.be.instanceOf(FgaError);
        expect(['write_failed_due_to_invalid_input', 'Aborted']).to.include((r.reason as FgaError).code);
      }
    }
    const stored = await ds.read(storeId, {}, { pageSize: 100 });
    expect(stored.items).to.have.length(2, 'the winner wrote both its tuples; every loser wrote nothing');
    expect((await ds.readChanges(storeId, {}, { pageSize: 100 })).items).to.have.length(2);
  });

  it('fails only the lookup PostgreSQL refuses, not the others sharing its batch', async () => {
    const ds = await connect(uniqueSchemaName('batch'));
    const storeId = await freshStore(ds);
    await ds.write(storeId, [], [tk('doc:1', 'viewer', 'user:anne')]);
    const [good, bad, alsoGood] = await Promise.allSettled([
      ds.readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'user:anne' }),
      ds.readUserTuple(storeId, { object: 'doc:1', relation: 'viewer', user: 'user:nul\u0000byte' }),
      ds.readUsersetTuples(storeId, { object: 'doc:1', relation: 'viewer' }),
    ]);
    expect(good).to.deep.equal({ status: 'fulfilled', value: tk('doc:1', 'viewer', 'user:anne') });
    expect(bad.status).to.equal('rejected');
    expect(alsoGood).to.deep.equal({ status: 'fulfilled', value: [tk('doc:1', 'viewer', 'user:anne')] });
  });

  it('deletes and rewrites racing on one tuple never lose or duplicate it', async () => {
    const ds = await connect(uniqueSchemaName('churn'));
    const storeId = await freshStore(ds);
    const key = tk('doc:1', 'viewer', 'user:anne');
    await ds.write(storeId, [], [key]);
    await Promise.allSettled(Array.from({ length: 8 }, (_, i) => ds.write(storeId, [key], [{ ...key, condition: { name: 'c', context: { i } } }])));
    const stored = (await ds.read(storeId, { object: 'doc:1' }, { pageSize: 100 })).items;
    expect(stored).to.have.length(1);
  });
});
