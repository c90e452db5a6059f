// The engine store tests run against: our OpenFGA-compatible engine with an in-memory datastore,
// listening on a loopback port and reached through the unchanged @openfga/sdk, so a store test
// exercises the same HTTP path the app uses.
import { OpenFgaClient } from '@openfga/sdk';
import { MemoryDatastore, startFgaServer } from '../../../fga-engine/index.js';

export interface LocalEngine {
  url: string;
  /** A client without a store; pass storeId/authorizationModelId per call or use clientFor. */
  client: OpenFgaClient;
  clientFor(storeId: string, authorizationModelId: string): OpenFgaClient;
  close(): Promise<void>;
}

export async function startLocalEngine(): Promise<LocalEngine> {
  const datastore = new MemoryDatastore();
  const server = await startFgaServer({ datastore, port: 0, host: '127.0.0.1' });
  // No retries: a test run should report an engine error, not hide it behind a retry.
  const clientFor = (storeId?: string, authorizationModelId?: string) =>
    new OpenFgaClient({ apiUrl: server.url, storeId, authorizationModelId, retryParams: { maxRetry: 0 } });
  return {
    url: server.url,
    client: clientFor(),
    clientFor,
    close: async () => {
      await server.close();
      await datastore.close();
    },
  };
}
