// `npm run fga:conformance -- FILE... [--datastore memory|postgres] [--datastore-uri URL] [--concurrency N]`
// Runs OpenFGA's YAML conformance cases against the engine over HTTP through @openfga/sdk, once per
// datastore (default: both), prints one line per failing assertion and ends with `N passed, M failed`.
import { parseArgs } from 'node:util';
import type { DatastoreKind } from '../conformance/engine-target.js';
import { loadCases } from '../conformance/load-cases.js';
import { runConformance } from '../conformance/run-conformance.js';
import { summarize } from '../conformance/summary.js';

const USAGE = 'usage: fga:conformance FILE... [--datastore memory|postgres] [--datastore-uri URL] [--concurrency N]';
const DEFAULT_DATABASE_URL = 'postgres://root@127.0.0.1:5432/test';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        datastore: { type: 'string', multiple: true },
        'datastore-uri': { type: 'string' },
        concurrency: { type: 'string', default: '8' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    fail((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (!positionals.length) fail('no conformance file given');
  const datastores = (values.datastore ?? ['memory', 'postgres']).flatMap((d) => d.split(',')) as DatastoreKind[];
  for (const d of datastores) if (d !== 'memory' && d !== 'postgres') fail(`unknown datastore '${d}'`);
  const concurrency = Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1) fail('--concurrency must be a positive integer');
  const databaseUrl = values['datastore-uri'] ?? process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;

  const cases = await loadCases(positionals).catch((err: Error) => fail(err.message));
  const started = Date.now();
  const result = await runConformance(cases, { datastores, databaseUrl, concurrency });
  const summary = summarize(result, datastores);
  console.error(`${cases.length} cases × ${datastores.join(' + ')} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  for (const line of summary.lines) console.log(line);
  process.exitCode = summary.failed > 0 ? 1 : 0;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(2);
});
