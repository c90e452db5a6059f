// Request and response bodies of OpenFGA's API v1 as they travel in JSON (openfga_service.proto,
// proto-JSON names). Path and query parameters are folded into the request objects so each service
// operation takes one plain object, whether it came over HTTP or from an in-process caller.
import type {
  Assertion, AuthorizationModel, Condition, Store, Tuple, TupleChange, TupleKey, TypeDefinition,
} from '../types.js';
import type { FgaUser, UsersetTree } from '../resolve/index.js';

export type ConsistencyPreference = 'UNSPECIFIED' | 'MINIMIZE_LATENCY' | 'HIGHER_CONSISTENCY';

export interface ContextualTupleKeys { tuple_keys?: TupleKey[] }
export interface TupleKeyWithoutCondition { user: string; relation: string; object: string }

export interface CreateStoreRequest { name: string }
export type CreateStoreResponse = Omit<Store, 'deleted_at'>;
export interface StoreRequest { store_id: string }
export type GetStoreResponse = Omit<Store, 'deleted_at'> & { deleted_at: string | null };
export interface ListStoresRequest { page_size?: number; continuation_token?: string; name?: string }
export interface ListStoresResponse { stores: GetStoreResponse[]; continuation_token: string }

export interface WriteAuthorizationModelRequest {
  store_id: string;
  type_definitions: TypeDefinition[];
  schema_version: string;
  conditions?: Record<string, Condition>;
}
export interface WriteAuthorizationModelResponse { authorization_model_id: string }
export interface ReadAuthorizationModelRequest { store_id: string; id: string }
export interface ReadAuthorizationModelResponse { authorization_model: AuthorizationModel }
export interface ReadAuthorizationModelsRequest { store_id: string; page_size?: number; continuation_token?: string }
export interface ReadAuthorizationModelsResponse { authorization_models: AuthorizationModel[]; continuation_token: string }

export interface WriteRequest {
  store_id: string;
  writes?: { tuple_keys?: TupleKey[]; on_duplicate?: string };
  deletes?: { tuple_keys?: TupleKeyWithoutCondition[]; on_missing?: string };
  authorization_model_id?: string;
}
export type WriteResponse = Record<string, never>;

export interface ReadRequest {
  store_id: string;
  tuple_key?: { user?: string; relation?: string; object?: string };
  page_size?: number;
  continuation_token?: string;
  consistency?: ConsistencyPreference;
}
export interface ReadResponse { tuples: Tuple[]; continuation_token: string }

export interface ReadChangesRequest {
  store_id: string;
  type?: string;
  page_size?: number;
  continuation_token?: string;
  /** RFC 3339 */
  start_time?: string;
}
export interface ReadChangesResponse { changes: TupleChange[]; continuation_token: string }

export interface CheckRequest {
  store_id: string;
  tuple_key: TupleKeyWithoutCondition;
  contextual_tuples?: ContextualTupleKeys;
  authorization_model_id?: string;
  trace?: boolean;
  context?: Record<string, unknown>;
  consistency?: ConsistencyPreference;
}
export interface CheckResponse { allowed: boolean; resolution: string }

export interface BatchCheckItem {
  tuple_key: TupleKeyWithoutCondition;
  contextual_tuples?: ContextualTupleKeys;
  context?: Record<string, unknown>;
  correlation_id: string;
}
export interface BatchCheckRequest {
  store_id: string;
  checks: BatchCheckItem[];
  authorization_model_id?: string;
  consistency?: ConsistencyPreference;
}
export interface CheckError { input_error?: string; internal_error?: string; message: string }
export type BatchCheckSingleResult = { allowed: boolean } | { error: CheckError };
export interface BatchCheckResponse { result: Record<string, BatchCheckSingleResult> }

export interface ExpandRequest {
  store_id: string;
  tuple_key: { relation: string; object: string };
  authorization_model_id?: string;
  consistency?: ConsistencyPreference;
  contextual_tuples?: ContextualTupleKeys;
}
export interface ExpandResponse { tree: UsersetTree }

export interface ListObjectsRequest {
  store_id: string;
  authorization_model_id?: string;
  type: string;
  relation: string;
  user: string;
  contextual_tuples?: ContextualTupleKeys;
  context?: Record<string, unknown>;
  consistency?: ConsistencyPreference;
}
export interface ListObjectsResponse { objects: string[] }

export interface ListUsersRequest {
  store_id: string;
  authorization_model_id?: string;
  object: { type: string; id: string };
  relation: string;
  user_filters: Array<{ type: string; relation?: string }>;
  contextual_tuples?: TupleKey[];
  context?: Record<string, unknown>;
  consistency?: ConsistencyPreference;
}
export interface ListUsersResponse { users: FgaUser[] }

export interface ReadAssertionsRequest { store_id: string; authorization_model_id: string }
export interface ReadAssertionsResponse { authorization_model_id: string; assertions: Assertion[] }
export interface WriteAssertionsRequest { store_id: string; authorization_model_id: string; assertions: Assertion[] }
