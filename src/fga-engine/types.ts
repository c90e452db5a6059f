// Wire types of OpenFGA's HTTP API (JSON, snake_case), shared by every layer of the engine.
// Shapes follow openfga/api openfga/v1/openfga.proto so the unchanged @openfga/sdk can talk to us.

export interface RelationReference {
  type: string;
  relation?: string;
  wildcard?: Record<string, never>;
  condition?: string;
}

export interface ObjectRelation {
  object?: string;
  relation?: string;
}

export interface TupleToUserset {
  tupleset: ObjectRelation;
  computedUserset: ObjectRelation;
}

/** A relation rewrite: exactly one key is set. */
export interface Userset {
  this?: Record<string, never>;
  computedUserset?: ObjectRelation;
  tupleToUserset?: TupleToUserset;
  union?: { child: Userset[] };
  intersection?: { child: Userset[] };
  difference?: { base: Userset; subtract: Userset };
}

export interface RelationMetadata {
  directly_related_user_types?: RelationReference[];
  module?: string;
  source_info?: unknown;
}

export interface TypeDefinition {
  type: string;
  relations?: Record<string, Userset>;
  metadata?: { relations?: Record<string, RelationMetadata>; module?: string; source_info?: unknown } | null;
}

export type ConditionTypeName =
  | 'TYPE_NAME_UNSPECIFIED' | 'TYPE_NAME_ANY' | 'TYPE_NAME_BOOL' | 'TYPE_NAME_STRING' | 'TYPE_NAME_INT'
  | 'TYPE_NAME_UINT' | 'TYPE_NAME_DOUBLE' | 'TYPE_NAME_DURATION' | 'TYPE_NAME_TIMESTAMP' | 'TYPE_NAME_MAP'
  | 'TYPE_NAME_LIST' | 'TYPE_NAME_IPADDRESS';

export interface ConditionParamTypeRef {
  type_name: ConditionTypeName;
  generic_types?: ConditionParamTypeRef[];
}

export interface Condition {
  name: string;
  expression: string;
  parameters?: Record<string, ConditionParamTypeRef>;
  metadata?: unknown;
}

export interface AuthorizationModel {
  id: string;
  schema_version: string;
  type_definitions: TypeDefinition[];
  conditions?: Record<string, Condition>;
}

export interface RelationshipCondition {
  name: string;
  context?: Record<string, unknown>;
}

/** A relationship tuple as written and read: `user` is `type:id`, `type:*` or `type:id#relation`. */
export interface TupleKey {
  user: string;
  relation: string;
  object: string;
  condition?: RelationshipCondition;
}

export interface Tuple {
  key: TupleKey;
  timestamp: string; // RFC 3339
}

export type TupleOperation = 'TUPLE_OPERATION_WRITE' | 'TUPLE_OPERATION_DELETE';

export interface TupleChange {
  tuple_key: TupleKey;
  operation: TupleOperation;
  timestamp: string;
}

export interface Store {
  id: string;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at?: string;
}

export interface Assertion {
  tuple_key: { user: string; relation: string; object: string };
  expectation: boolean;
  contextual_tuples?: TupleKey[];
  context?: Record<string, unknown>;
}
