import type { OpenFgaClient } from '@openfga/sdk';
import type { Config } from '../config/index.js';
import { findOrCreateStore } from './bootstrap.js';
import { startEmbeddedEngine, type EmbeddedEngine } from './embedded-engine.js';
import { createFgaClient } from './fga-client.js';
import { inProcessTransport } from './in-process-transport.js';

export interface OpenFgaConnection {
  client: OpenFgaClient;
  storeId: string;
  /** Where OpenFGA answers (the embedded engine's loopback URL, or OPENFGA_API_URL). */
  apiUrl: string;
  embedded: boolean;
  close(): Promise<void>;
}

/**
 * Reaches the OpenFGA store the app uses — the embedded engine when OPENFGA_API_URL is unset, a remote
 * server otherwise — with the client pointed at the store (found or created by name). The model is
 * the caller's business: the API makes sure of it, the `fga` tools read or deploy it.
 */
export async function connectOpenFga(config: Config, opts: { fromAnotherProcess?: boolean } = {}): Promise<OpenFgaConnection> {
  let engine: EmbeddedEngine | undefined;
  if (!config.openfga.apiUrl) {
    // A tool run beside the API shares the embedded engine's store only through PostgreSQL.
    if (opts.fromAnotherProcess && config.openfga.embeddedDatastore === 'memory') {
      throw new Error('FGA_EMBEDDED_DATASTORE=memory keeps the store inside the API process; set OPENFGA_API_URL or use the postgres datastore');
    }
    engine = await startEmbeddedEngine({ datastore: config.openfga.embeddedDatastore, databaseUrl: config.databaseUrl, readCacheEntries: config.openfga.embeddedReadCacheEntries });
  }
  const apiUrl = config.openfga.apiUrl ?? engine!.url;
  const transport = engine && config.openfga.embeddedTransport === 'in-process' ? inProcessTransport(engine.dispatch) : undefined;
  const client = createFgaClient({ apiUrl, apiToken: config.openfga.apiToken, transport });
  try {
    client.storeId = config.openfga.storeId ?? (await findOrCreateStore(client));
  } catch (error) {
    await engine?.close();
    throw error;
  }
  return { client, storeId: client.storeId, apiUrl, embedded: Boolean(engine), close: async () => engine?.close() };
}
