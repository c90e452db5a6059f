// `npm run fga:reconcile [-- --dry-run]`: compares the database with OpenFGA and repairs drift.
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/index.js';
import { createOrm } from '../db/orm.js';
import { runMigrations } from '../db/migrate.js';
import { logger } from '../observability/logger.js';
import { MANAGED_OBJECT_TYPES, desiredTuples } from '../modules/tuple-sources.js';
import { createAuthz } from './index.js';
import { reconcile } from './reconcile.js';
import { tupleKeyOf } from './tuple-change.js';

const { values } = parseArgs({ options: { 'dry-run': { type: 'boolean', default: false } } });
const config = loadConfig();
await runMigrations({ databaseUrl: config.databaseUrl });
const orm = await createOrm({ databaseUrl: config.databaseUrl });
const runtime = await createAuthz(config, orm, logger);
try {
  const report = await reconcile(orm, runtime.client, { desiredTuples, managedObjectTypes: MANAGED_OBJECT_TYPES }, { dryRun: values['dry-run'] });
  const verb = report.dryRun ? 'would' : '';
  console.log(`Database implies ${report.desired} tuples; OpenFGA held ${report.actual}.`);
  for (const t of report.written) console.log(`  + ${verb ? 'would write' : 'wrote'}   ${tupleKeyOf(t)}`);
  for (const t of report.deleted) console.log(`  - ${verb ? 'would delete' : 'deleted'} ${tupleKeyOf(t)}`);
  console.log(report.written.length + report.deleted.length === 0 ? 'No drift: nothing to repair.' : `Repaired: ${report.written.length} written, ${report.deleted.length} deleted${report.dryRun ? ' (dry run: nothing changed)' : ''}.`);
} finally {
  await runtime.close();
  await orm.close();
}
