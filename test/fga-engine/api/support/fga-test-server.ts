// Starts the engine on an OS-assigned port with a fresh in-memory datastore and hands out
// @openfga/sdk clients for it, so every API test drives the real HTTP path like an app would.
import { CredentialsMethod, OpenFgaClient } from '@openfga/sdk';
import { expect } from 'chai';
import { MemoryDatastore, startFgaServer, type RunningFgaServer } from '../../../../src/fga-engine/index.js';
import type { EngineLimits } from '../../../../src/fga-engine/index.js';
import type { AuthorizationModel } from '../../../../src/fga-engine/types.js';

export interface FgaTestServer {
  server: RunningFgaServer;
  datastore: MemoryDatastore;
  url: string;
  client(opts?: { storeId?: string; authorizationModelId?: string; token?: string }): OpenFgaClient;
  /** A new store with `model` written to it, and a client bound to both. */
  storeWithModel(model: Omit<AuthorizationModel, 'id'>): Promise<{ storeId: string; modelId: string; fga: OpenFgaClient }>;
  raw(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; headers: Headers; body: any; text: string }>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { limits?: Partial<EngineLimits>; presharedKeys?: string[] } = {}): Promise<FgaTestServer> {
  const datastore = new MemoryDatastore();
  const server = await startFgaServer({ datastore, port: 0, ...opts });
  const client: FgaTestServer['client'] = ({ storeId, authorizationModelId, token } = {}) =>
    new OpenFgaClient({
      apiUrl: server.url,
      storeId,
      authorizationModelId,
      // Errors must surface at once, not after the SDK's retries of 5xx/429.
      retryParams: { maxRetry: 0 },
      credentials: token ? { method: CredentialsMethod.ApiToken, config: { token } } : undefined,
    });
  return {
    server,
    datastore,
    url: server.url,
    client,
    async storeWithModel(model) {
      const { id: storeId } = await client().createStore({ name: 'test-store' });
      const { authorization_model_id: modelId } = await client({ storeId }).writeAuthorizationModel(model as never);
      return { storeId, modelId, fga: client({ storeId, authorizationModelId: modelId }) };
    },
    async raw(method, path, body, headers = {}) {
      const response = await fetch(server.url + path, {
        method,
        headers: { 'content-type': 'application/json', ...headers },
        body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const text = await response.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.status, headers: response.headers, body: parsed, text };
    },
    close: () => server.close(),
  };
}

/** Awaits a rejected SDK call and checks OpenFGA's status and error code on it. */
export async function expectApiError(promise: Promise<unknown>, status: number, code: string): Promise<any> {
  try {
    await promise;
  } catch (err: any) {
    expect(err.statusCode, `status of ${err.message}`).to.equal(status);
    expect(err.apiErrorCode ?? err.responseData?.code, `code of ${err.message}`).to.equal(code);
    return err;
  }
  throw new Error(`expected a ${status} ${code} error`);
}

/** `user`, `document` with viewer/editor/owner, `group` with members, `folder` parents. */
export const DOCS_MODEL: Omit<AuthorizationModel, 'id'> = {
  schema_version: '1.1',
  type_definitions: [
    { type: 'user' },
    {
      type: 'group',
      relations: { member: { this: {} } },
      metadata: { relations: { member: { directly_related_user_types: [{ type: 'user' }, { type: 'group', relation: 'member' }] } } },
    },
    {
      type: 'folder',
      relations: { viewer: { this: {} } },
      metadata: { relations: { viewer: { directly_related_user_types: [{ type: 'user' }] } } },
    },
    {
      type: 'document',
      relations: {
        parent: { this: {} },
        owner: { this: {} },
        editor: { union: { child: [{ this: {} }, { computedUserset: { relation: 'owner' } }] } },
        viewer: {
          union: {
            child: [
              { this: {} },
              { computedUserset: { relation: 'editor' } },
              { tupleToUserset: { tupleset: { relation: 'parent' }, computedUserset: { relation: 'viewer' } } },
            ],
          },
        },
      },
      metadata: {
        relations: {
          parent: { directly_related_user_types: [{ type: 'folder' }] },
          owner: { directly_related_user_types: [{ type: 'user' }] },
          editor: { directly_related_user_types: [{ type: 'user' }, { type: 'group', relation: 'member' }] },
          viewer: { directly_related_user_types: [{ type: 'user' }, { type: 'user', wildcard: {} }, { type: 'group', relation: 'member' }] },
        },
      },
    },
  ],
};
