// The whole Touchline API (test/support/test-app.ts: own database, embedded engine on PostgreSQL,
// dev token issuer) in a child process, so the load generator does not share its event loop.
// Answers a few requests over IPC: sign tokens, load the tuples the seeded rows imply, sample memory.
import { PostgresDatastore } from '../../src/fga-engine/index.js';
import { desiredTuples } from '../../src/modules/tuple-sources.js';
import { defaultDevIssuerStateDir } from '../../src/stand-ins/auth0/dev-issuer-settings.js';
import { startTestApp } from '../../test/support/test-app.js';
import { bulkLoadTuples } from './bulk-load.js';

// Rate limits off (a benchmark from one IP with a few hundred users would hit them), logs off. The
// dev issuer's key is the checkout's (as `npm start` uses), so a server started with main.ts on this
// database accepts the tokens signed here (bench/lib/api-processes.ts).
const app = await startTestApp({
  env: { RATE_LIMIT_PER_USER_PER_MINUTE: '0', RATE_LIMIT_PER_IP_PER_MINUTE: '0', LOG_LEVEL: 'silent', FGA_EMBEDDED_DATASTORE: 'postgres' },
  devIssuerStateDir: defaultDevIssuerStateDir(),
});

type Request = { id: number; type: 'tokens'; subs: string[] } | { id: number; type: 'loadTuples' } | { id: number; type: 'memory' };

async function answer(request: Request): Promise<unknown> {
  switch (request.type) {
    case 'tokens':
      return Promise.all(request.subs.map((sub) => app.token(sub, { expiresIn: '6h' })));
    case 'loadTuples': {
      // Exactly what reconcile would want OpenFGA to hold for these rows, written below the API
      // (its 100-tuple writes would make a million tuples take many minutes).
      const tuples = await desiredTuples(app.orm.em.fork());
      const datastore = await PostgresDatastore.connect({ connectionString: app.databaseUrl, schema: 'fga' });
      try {
        return await bulkLoadTuples(datastore, app.fga.storeId, tuples);
      } finally {
        await datastore.close();
      }
    }
    case 'memory': {
      const gc = (globalThis as { gc?: () => void }).gc;
      if (gc) { gc(); gc(); } // twice: the first pass can leave objects only the second frees
      const { heapUsed, rss } = process.memoryUsage();
      return { heapUsed, rss, gc: Boolean(gc) };
    }
  }
}

process.on('message', (request: Request) => {
  answer(request).then(
    (result) => process.send!({ type: 'reply', id: request.id, result }),
    (error: unknown) => process.send!({ type: 'reply', id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
  );
});
let closing = false;
process.on('SIGTERM', () => {
  if (closing) return;
  closing = true;
  // close() drops the benchmark database too.
  app.close().finally(() => process.exit(0));
});
process.send!({ type: 'ready', url: app.url, databaseUrl: app.databaseUrl, storeId: app.fga.storeId });
