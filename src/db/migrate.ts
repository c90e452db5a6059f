import { createOrm, type DbSettings } from './orm.js';
import { ensureDatabase } from './ensure-database.js';

/** Creates the database if missing and applies pending migrations; returns the names applied. */
export async function runMigrations(settings: DbSettings): Promise<string[]> {
  await ensureDatabase(settings.databaseUrl);
  const orm = await createOrm({ ...settings, poolMax: 2 });
  try {
    const applied = await orm.getMigrator().up();
    return applied.map((m) => m.name);
  } finally {
    await orm.close(true);
  }
}
