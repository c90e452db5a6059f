// `npm run fga:server`: the engine as a standalone OpenFGA-compatible HTTP server (see SERVER_USAGE
// for flags and OPENFGA_* variables). Stops gracefully on SIGINT/SIGTERM; a second signal forces it.
import { startFgaServer } from '../api/index.js';
import type { Datastore } from '../storage/datastore.js';
import { MemoryDatastore } from '../storage/memory.js';
import { PostgresDatastore } from '../storage/postgres.js';
import type { ServerOptions } from './server-options.js';
import { parseServerOptions, SERVER_USAGE, UsageError } from './server-options.js';

/** How long in-flight requests get to finish before the process exits anyway. */
const SHUTDOWN_GRACE_MS = 10_000;

async function openDatastore(options: ServerOptions['datastore']): Promise<Datastore> {
  if (options.engine === 'memory') return new MemoryDatastore();
  return PostgresDatastore.connect({ connectionString: options.uri, schema: options.schema, poolSize: options.maxOpenConns });
}

function describeDatastore(options: ServerOptions['datastore']): string {
  if (options.engine === 'memory') return 'memory';
  // Never print credentials from the URI.
  const { hostname, port, pathname } = new URL(options.uri);
  return `postgres ${hostname}${port ? `:${port}` : ''}${pathname}, schema ${options.schema}`;
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(SERVER_USAGE);
    return;
  }
  let options: ServerOptions;
  try {
    options = parseServerOptions(argv, process.env);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    console.error(`${err.message}\n${SERVER_USAGE}`);
    process.exit(2);
  }

  const datastore = await openDatastore(options.datastore);
  const server = await startFgaServer({
    datastore,
    host: options.host,
    port: options.port,
    limits: options.limits,
    presharedKeys: options.presharedKeys,
    logger: { error: (message, details) => console.error(message, details ?? '') },
  }).catch(async (err) => {
    await datastore.close();
    throw err;
  });
  const authn = options.presharedKeys.length ? `preshared (${options.presharedKeys.length} keys)` : 'none';
  console.log(`fga-engine listening on ${server.url} (datastore: ${describeDatastore(options.datastore)}; authn: ${authn})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`${signal}: shutting down`);
    setTimeout(() => {
      console.error('shutdown took too long: exiting');
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    server
      .close()
      .then(() => datastore.close())
      .then(() => process.exit(0))
      .catch((err) => {
        console.error('shutdown failed:', err);
        process.exit(1);
      });
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.stack ?? err.message : err);
  process.exit(1);
});
