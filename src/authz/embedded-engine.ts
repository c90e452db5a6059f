// Starts the embedded OpenFGA-compatible engine on a loopback port of its own (port 0: the OS picks
// one, so it never clashes with PORT or another checkout), for tools and debugging. The app talks to
// it through @openfga/sdk as it would to a real OpenFGA server: over that port, or (the default) over
// the in-process transport, which skips the loopback hop (in-process-transport.ts).
import { createInProcessDispatch, createServiceContext, MemoryDatastore, PostgresDatastore, startFgaServer, type InProcessDispatch } from '../fga-engine/index.js';

export interface EmbeddedEngine {
  url: string;
  datastore: 'postgres' | 'memory';
  /** The same API without a socket, for a client in this process. */
  dispatch: InProcessDispatch;
  close(): Promise<void>;
}

export async function startEmbeddedEngine(opts: { datastore: 'postgres' | 'memory'; databaseUrl: string; schema?: string; readCacheEntries?: number }): Promise<EmbeddedEngine> {
  const datastore =
    opts.datastore === 'memory'
      ? new MemoryDatastore()
      : await PostgresDatastore.connect({ connectionString: opts.databaseUrl, schema: opts.schema ?? 'fga', readCacheEntries: opts.readCacheEntries });
  // One service context (one model cache) behind both the port and the in-process transport.
  const context = createServiceContext(datastore);
  const server = await startFgaServer({ datastore, context, port: 0, host: '127.0.0.1' });
  return {
    url: server.url,
    datastore: opts.datastore,
    dispatch: createInProcessDispatch(context),
    close: async () => {
      await server.close();
      await datastore.close();
    },
  };
}
