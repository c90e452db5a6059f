// The store file format of OpenFGA's CLI (`fga model test`, openfga/cli internal/storetest), as
// zod schemas. Unknown keys are ignored like the CLI's YAML decoder does; `contextual_tuples` on a
// query is our addition (the CLI has none), so files written for the CLI still parse unchanged.
import { z } from 'zod';

const context = z.record(z.string(), z.unknown()).nullish();

export const TupleEntry = z.object({
  user: z.string(),
  relation: z.string(),
  object: z.string(),
  condition: z.object({ name: z.string(), context: z.record(z.string(), z.unknown()).nullish() }).nullish(),
});
export type TupleEntry = z.infer<typeof TupleEntry>;

const tupleList = z.array(TupleEntry).nullish();

export const CheckEntry = z.object({
  user: z.string().nullish(),
  users: z.array(z.string()).nullish(),
  object: z.string().nullish(),
  objects: z.array(z.string()).nullish(),
  context,
  contextual_tuples: tupleList,
  assertions: z.record(z.string(), z.boolean()),
});
export type CheckEntry = z.infer<typeof CheckEntry>;

export const ListObjectsEntry = z.object({
  user: z.string(),
  type: z.string(),
  context,
  contextual_tuples: tupleList,
  // `can_view:` with nothing after it is YAML null: no objects expected.
  assertions: z.record(z.string(), z.array(z.string()).nullable()),
});
export type ListObjectsEntry = z.infer<typeof ListObjectsEntry>;

export const ListUsersEntry = z.object({
  object: z.string(),
  user_filter: z.array(z.object({ type: z.string(), relation: z.string().nullish() })).min(1),
  context,
  contextual_tuples: tupleList,
  assertions: z.record(z.string(), z.object({ users: z.array(z.string()).nullish() }).nullable()),
});
export type ListUsersEntry = z.infer<typeof ListUsersEntry>;

export const StoreTest = z.object({
  name: z.string().nullish(),
  description: z.string().nullish(),
  tuples: tupleList,
  tuple_file: z.string().nullish(),
  check: z.array(CheckEntry).nullish(),
  list_objects: z.array(ListObjectsEntry).nullish(),
  list_users: z.array(ListUsersEntry).nullish(),
});
export type StoreTest = z.infer<typeof StoreTest>;

export const StoreFile = z.object({
  name: z.string().nullish(),
  model: z.string().nullish(),
  model_file: z.string().nullish(),
  tuples: tupleList,
  tuple_file: z.string().nullish(),
  tuple_files: z.array(z.string()).nullish(),
  tests: z.array(StoreTest).nullish(),
});
export type StoreFile = z.infer<typeof StoreFile>;
