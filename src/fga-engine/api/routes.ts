// OpenFGA's HTTP API v1 (openfga_service.proto google.api.http bindings): method, path, success
// status and how the request object is assembled (body, then path parameters, which win).
import * as service from '../service/index.js';
import type { ServiceContext } from '../service/index.js';
import { int32Param, stringParam } from './query-params.js';

export interface RouteInput {
  params: Record<string, string>;
  query: Record<string, unknown>;
  body: Record<string, unknown>;
}

export interface RouteSpec {
  method: 'get' | 'post' | 'put' | 'delete';
  path: string;
  /** 200 unless OpenFGA sets x-http-code (201 creations, 204 deletions and assertion writes). */
  status: number;
  readsBody: boolean;
  handle(ctx: ServiceContext, input: RouteInput): Promise<unknown>;
}

/** Body fields overlaid by path parameters, as grpc-gateway does for `body: "*"` bindings. */
function bodyWithPath<T>({ body, params }: RouteInput): T {
  return { ...body, ...params } as T;
}

export const ROUTES: readonly RouteSpec[] = [
  { method: 'post', path: '/stores', status: 201, readsBody: true,
    handle: (ctx, input) => service.createStore(ctx, input.body as unknown as service.CreateStoreRequest) },
  { method: 'get', path: '/stores', status: 200, readsBody: false,
    handle: (ctx, { query }) => service.listStores(ctx, {
      page_size: int32Param(query, 'page_size'),
      continuation_token: stringParam(query, 'continuation_token'),
      name: stringParam(query, 'name'),
    }) },
  { method: 'get', path: '/stores/:store_id', status: 200, readsBody: false,
    handle: (ctx, { params }) => service.getStore(ctx, { store_id: params.store_id }) },
  { method: 'delete', path: '/stores/:store_id', status: 204, readsBody: false,
    handle: (ctx, { params }) => service.deleteStore(ctx, { store_id: params.store_id }) },

  { method: 'post', path: '/stores/:store_id/authorization-models', status: 201, readsBody: true,
    handle: (ctx, input) => service.writeAuthorizationModel(ctx, bodyWithPath(input)) },
  { method: 'get', path: '/stores/:store_id/authorization-models', status: 200, readsBody: false,
    handle: (ctx, { params, query }) => service.readAuthorizationModels(ctx, {
      store_id: params.store_id,
      page_size: int32Param(query, 'page_size'),
      continuation_token: stringParam(query, 'continuation_token'),
    }) },
  { method: 'get', path: '/stores/:store_id/authorization-models/:id', status: 200, readsBody: false,
    handle: (ctx, { params }) => service.readAuthorizationModel(ctx, { store_id: params.store_id, id: params.id }) },

  { method: 'post', path: '/stores/:store_id/write', status: 200, readsBody: true,
    handle: (ctx, input) => service.write(ctx, bodyWithPath(input)) },
  { method: 'post', path: '/stores/:store_id/read', status: 200, readsBody: true,
    handle: (ctx, input) => service.read(ctx, bodyWithPath(input)) },
  { method: 'get', path: '/stores/:store_id/changes', status: 200, readsBody: false,
    handle: (ctx, { params, query }) => service.readChanges(ctx, {
      store_id: params.store_id,
      type: stringParam(query, 'type'),
      page_size: int32Param(query, 'page_size'),
      continuation_token: stringParam(query, 'continuation_token'),
      start_time: stringParam(query, 'start_time'),
    }) },

  { method: 'post', path: '/stores/:store_id/check', status: 200, readsBody: true,
    handle: (ctx, input) => service.check(ctx, bodyWithPath(input)) },
  { method: 'post', path: '/stores/:store_id/batch-check', status: 200, readsBody: true,
    handle: (ctx, input) => service.batchCheck(ctx, bodyWithPath(input)) },
  { method: 'post', path: '/stores/:store_id/expand', status: 200, readsBody: true,
    handle: (ctx, input) => service.expand(ctx, bodyWithPath(input)) },
  { method: 'post', path: '/stores/:store_id/list-objects', status: 200, readsBody: true,
    handle: (ctx, input) => service.listObjects(ctx, bodyWithPath(input)) },
  { method: 'post', path: '/stores/:store_id/list-users', status: 200, readsBody: true,
    handle: (ctx, input) => service.listUsers(ctx, bodyWithPath(input)) },

  { method: 'get', path: '/stores/:store_id/assertions/:authorization_model_id', status: 200, readsBody: false,
    handle: (ctx, { params }) => service.readAssertions(ctx, {
      store_id: params.store_id,
      authorization_model_id: params.authorization_model_id,
    }) },
  { method: 'put', path: '/stores/:store_id/assertions/:authorization_model_id', status: 204, readsBody: true,
    handle: (ctx, input) => service.writeAssertions(ctx, bodyWithPath(input)) },
];
