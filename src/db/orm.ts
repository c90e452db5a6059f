import { MikroORM, PostgreSqlDriver, type EntityManager } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import { migrationsList } from '../../migrations/index.js';
import { allEntities } from './entities.js';

export type Orm = MikroORM;
export type Em = EntityManager;

export interface DbSettings {
  databaseUrl: string;
  poolMax?: number;
}

/** One ORM per process; commands and queries work on `orm.em.fork()`. */
export async function createOrm(settings: DbSettings): Promise<Orm> {
  return MikroORM.init({
    driver: PostgreSqlDriver,
    clientUrl: settings.databaseUrl,
    entities: allEntities,
    extensions: [Migrator],
    migrations: { migrationsList, transactional: true, allOrNothing: true, snapshot: false, silent: true },
    pool: { min: 0, max: settings.poolMax ?? 10 },
    allowGlobalContext: false,
    discovery: { warnWhenNoEntities: false },
    debug: false,
  });
}
