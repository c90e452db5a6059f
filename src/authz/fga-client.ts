import { ConsistencyPreference, CredentialsMethod, OpenFgaClient } from '@openfga/sdk';
import type { AxiosInstance } from 'axios';

// Children's data: a revocation must hold on the very next request, so every question asks OpenFGA
// not to answer from a cache.
export const consistency = ConsistencyPreference.HigherConsistency;

export interface FgaClientSettings {
  apiUrl: string;
  storeId?: string;
  modelId?: string;
  apiToken?: string;
  /** The HTTP client the SDK uses (default: its own axios); the embedded engine's in-process transport. */
  transport?: AxiosInstance;
}

/** The only way the app talks to OpenFGA (embedded or remote): the unchanged @openfga/sdk client. */
export function createFgaClient(settings: FgaClientSettings): OpenFgaClient {
  return new OpenFgaClient({
    apiUrl: settings.apiUrl.replace(/\/$/, ''),
    storeId: settings.storeId,
    authorizationModelId: settings.modelId,
    credentials: settings.apiToken
      ? { method: CredentialsMethod.ApiToken, config: { token: settings.apiToken } }
      : undefined,
    retryParams: { maxRetry: 2, minWaitInMs: 50 },
  // The SDK is CommonJS and types axios from its .d.cts: the same instance, declared twice.
  }, settings.transport as unknown as ConstructorParameters<typeof OpenFgaClient>[1]);
}
