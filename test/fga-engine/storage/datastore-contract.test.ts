// One storage contract, every datastore: the same tests run against the in-memory and the
// PostgreSQL datastore (each PostgreSQL run in its own schema, dropped afterwards).
import pg from 'pg';
import type { Datastore } from '../../../src/fga-engine/storage/datastore.js';
import { MemoryDatastore } from '../../../src/fga-engine/storage/memory.js';
import { PostgresDatastore } from '../../../src/fga-engine/storage/postgres.js';
import { changesAndAssertionsContract } from './contract/changes-and-assertions.contract.js';
import type { ContractContext, DatastoreFactory } from './contract/harness.js';
import { readContract } from './contract/reads.contract.js';
import { storeAndModelContract } from './contract/stores-and-models.contract.js';
import { writeContract } from './contract/writes.contract.js';
import { DATABASE_URL, uniqueSchemaName } from './postgres-test-db.js';

const factories: DatastoreFactory[] = [
  {
    name: 'MemoryDatastore',
    open: async () => new MemoryDatastore(),
    dispose: (ds) => ds.close(),
  },
  {
    name: 'PostgresDatastore',
    open: () => PostgresDatastore.connect({ connectionString: DATABASE_URL, schema: uniqueSchemaName('contract') }),
    dispose: async (ds) => {
      const schema = (ds as PostgresDatastore).schema;
      await ds.close();
      const client = new pg.Client({ connectionString: DATABASE_URL });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  },
];

for (const factory of factories) {
  describe(`datastore contract: ${factory.name}`, () => {
    let ds: Datastore | undefined;
    const ctx: ContractContext = {
      ds: () => {
        if (!ds) throw new Error('datastore not opened');
        return ds;
      },
    };
    before(async () => {
      ds = await factory.open();
    });
    after(async () => {
      if (ds) await factory.dispose(ds);
    });

    storeAndModelContract(ctx);
    writeContract(ctx);
    readContract(ctx);
    changesAndAssertionsContract(ctx);
  });
}
