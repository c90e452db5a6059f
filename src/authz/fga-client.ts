import { CredentialsMethod, OpenFgaClient } from '@openfga/sdk';

export interface FgaClientSettings {
  apiUrl: string;
  storeId?: string;
  modelId?: string;
  apiToken?: string;
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
  });
}
