-- Initial schema of the PostgreSQL datastore. Runs with search_path set to the datastore's own schema,
-- so names are unqualified. Key columns use the "C" collation: byte-order comparisons are cheaper and
-- make keyset pagination independent of the database's locale.

CREATE TABLE stores (
  id          text COLLATE "C" PRIMARY KEY,
  name        text NOT NULL,
  created_at  timestamptz NOT NULL,
  updated_at  timestamptz NOT NULL,
  -- OpenFGA soft-deletes stores: the row stays, every read treats it as gone.
  deleted_at  timestamptz
);

CREATE TABLE authorization_models (
  store       text COLLATE "C" NOT NULL,
  id          text COLLATE "C" NOT NULL,
  -- Insertion order defines "newest": model ids are ULIDs but may share a millisecond.
  seq         bigserial NOT NULL,
  -- json (not jsonb) keeps the model exactly as written, key order included.
  model       json NOT NULL,
  PRIMARY KEY (store, id)
);
CREATE UNIQUE INDEX authorization_models_newest ON authorization_models (store, seq DESC);

-- A user is split into user_type, user_id ('*' for a wildcard) and user_relation ('' unless a userset),
-- so every resolution read is an equality prefix of one index.
CREATE TABLE tuples (
  store              text COLLATE "C" NOT NULL,
  object_type        text COLLATE "C" NOT NULL,
  object_id          text COLLATE "C" NOT NULL,
  relation           text COLLATE "C" NOT NULL,
  user_type          text COLLATE "C" NOT NULL,
  user_id            text COLLATE "C" NOT NULL,
  user_relation      text COLLATE "C" NOT NULL DEFAULT '',
  condition_name     text,
  condition_context  jsonb,
  ulid               text COLLATE "C" NOT NULL,
  inserted_at        timestamptz NOT NULL,
  -- Exact tuple (unique) and object#relation reads narrowed by user shape: user_relation precedes
  -- user_id so `group#member` usersets and `user:*` wildcards are contiguous ranges.
  PRIMARY KEY (store, object_type, object_id, relation, user_type, user_relation, user_id)
);
-- Reverse lookups (list-objects): objects of a type whose relation holds a given user.
CREATE INDEX tuples_by_object_type_relation_user
  ON tuples (store, object_type, relation, user_type, user_id, user_relation, object_id);
-- Read API filtered by user only (optionally with an object type).
CREATE INDEX tuples_by_user
  ON tuples (store, user_type, user_id, user_relation, object_type, object_id, relation);

CREATE TABLE changelog (
  store              text COLLATE "C" NOT NULL,
  -- Monotonic ULID from the writer: orders changes and encodes their time (start_time filter).
  ulid               text COLLATE "C" NOT NULL,
  object_type        text COLLATE "C" NOT NULL,
  object_id          text COLLATE "C" NOT NULL,
  relation           text COLLATE "C" NOT NULL,
  user_type          text COLLATE "C" NOT NULL,
  user_id            text COLLATE "C" NOT NULL,
  user_relation      text COLLATE "C" NOT NULL DEFAULT '',
  condition_name     text,
  condition_context  jsonb,
  operation          smallint NOT NULL, -- 0 write, 1 delete
  inserted_at        timestamptz NOT NULL,
  PRIMARY KEY (store, ulid)
);
CREATE INDEX changelog_by_type ON changelog (store, object_type, ulid);

CREATE TABLE assertions (
  store       text COLLATE "C" NOT NULL,
  model_id    text COLLATE "C" NOT NULL,
  assertions  json NOT NULL,
  PRIMARY KEY (store, model_id)
);

-- Lets a single write statement abort itself (missing delete, conflicting condition) so a write
-- stays one round-trip and all-or-nothing without an explicit transaction.
CREATE FUNCTION fga_abort(reason text) RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION USING ERRCODE = 'P0001', MESSAGE = reason;
END
$$;
