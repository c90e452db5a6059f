// Store operations: CreateStore, GetStore, ListStores, DeleteStore.
import { ulid } from 'ulid';
import { fgaErrors } from '../errors.js';
import type { Store } from '../types.js';
import { checkPagination, checkStoreId } from './common-fields.js';
import { PATTERNS, checkPattern } from './proto-validation.js';
import type {
  CreateStoreRequest, CreateStoreResponse, GetStoreResponse, ListStoresRequest, ListStoresResponse, StoreRequest,
} from './requests.js';
import type { ServiceContext } from './service-context.js';

export async function createStore(ctx: ServiceContext, req: CreateStoreRequest): Promise<CreateStoreResponse> {
  checkPattern('CreateStoreRequest', 'Name', req.name ?? '', PATTERNS.storeName);
  const now = new Date().toISOString();
  const store: Store = { id: ulid(), name: req.name, created_at: now, updated_at: now };
  await ctx.datastore.createStore(store);
  return { id: store.id, name: store.name, created_at: store.created_at, updated_at: store.updated_at };
}

/** The only operation answering 404 for a missing store (OpenFGA's GetStore). */
export async function getStore(ctx: ServiceContext, req: StoreRequest): Promise<GetStoreResponse> {
  checkStoreId('GetStoreRequest', req.store_id);
  const store = await ctx.datastore.getStore(req.store_id);
  if (!store) throw fgaErrors.storeNotFound();
  return storeJson(store);
}

export async function listStores(ctx: ServiceContext, req: ListStoresRequest): Promise<ListStoresResponse> {
  checkPagination('ListStoresRequest', req);
  const page = await ctx.datastore.listStores({
    pageSize: req.page_size ?? ctx.limits.defaultPageSize,
    continuationToken: req.continuation_token,
    name: req.name || undefined,
  });
  return { stores: page.items.map(storeJson), continuation_token: page.continuationToken };
}

/** Deleting a store that does not exist succeeds, as in OpenFGA. */
export async function deleteStore(ctx: ServiceContext, req: StoreRequest): Promise<void> {
  checkStoreId('DeleteStoreRequest', req.store_id);
  await ctx.datastore.deleteStore(req.store_id);
  ctx.models.forgetStore(req.store_id);
}

/** proto-JSON emits unset fields, so a live store carries `deleted_at: null`. */
function storeJson(store: Store): GetStoreResponse {
  return {
    id: store.id,
    name: store.name,
    created_at: store.created_at,
    updated_at: store.updated_at,
    deleted_at: store.deleted_at ?? null,
  };
}
