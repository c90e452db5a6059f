// `npm run audit:verify`: checks every hash chain of the relationship-change audit log; exits 1 on a break.
import { loadConfig } from '../../config/index.js';
import { createOrm } from '../../db/orm.js';
import { verifyAuditChains } from './change-log/verify-chain.js';

const config = loadConfig();
const orm = await createOrm({ databaseUrl: config.databaseUrl });
try {
  const report = await verifyAuditChains(orm.em.fork());
  for (const b of report.breaks) console.log(`BROKEN ${b.chain} #${b.seq}: ${b.problem}`);
  console.log(`${report.entries} audit entries in ${report.chains} chains: ${report.breaks.length ? `${report.breaks.length} breaks` : 'intact'}`);
  process.exitCode = report.breaks.length ? 1 : 0;
} catch (error) {
  console.error(`audit:verify could not read the audit log: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
} finally {
  await orm.close();
}
