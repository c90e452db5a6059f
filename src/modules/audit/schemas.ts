import { z } from 'zod';

const identifier = z.string().regex(/^[A-Za-z_][A-Za-z0-9_-]{0,49}$/, { message: 'must be a type or relation name of the model (letters, digits, _ and -)' });
const id = z.string().min(1).max(64);
/** `<type>:<id>` with the model's type names, e.g. member:01J…, group:01J…, club:01J… */
const objectRef = z.string().max(120).regex(/^[A-Za-z_][A-Za-z0-9_-]{0,49}:[^\s#:*]{1,64}$/, { message: "must be an object like 'member:ID' (type:id)" });
const timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO 8601 time such as 2026-12-01T00:00:00Z' });
const limit = z.coerce.number().int().min(1).max(500).default(100);
const cursor = z.string().max(200).optional();

export const WhoCanQuery = z.strictObject({ object: objectRef, relation: identifier });
export type WhoCanQuery = z.infer<typeof WhoCanQuery>;
export const WhoCanResponse = z.object({
  object: z.string(),
  relation: z.string(),
  items: z.array(z.object({ userId: z.string(), name: z.string().nullable(), email: z.string().nullable(), paths: z.array(z.string()) })),
});
export type WhoCanResponse = z.infer<typeof WhoCanResponse>;

export const UserAccessParams = z.object({ userId: id });
export const UserAccessQuery = z.strictObject({ type: identifier, relation: identifier, limit, cursor });
export type UserAccessQuery = z.infer<typeof UserAccessQuery>;
export const UserAccessResponse = z.object({
  userId: z.string(),
  type: z.string(),
  relation: z.string(),
  items: z.array(z.object({ object: z.string(), id: z.string() })),
  nextCursor: z.string().nullable(),
});
export type UserAccessResponse = z.infer<typeof UserAccessResponse>;

const clubWindow = { clubId: id, since: timestamp.optional(), until: timestamp.optional(), limit, cursor };

export const ChangesQuery = z.strictObject({ ...clubWindow, object: objectRef.optional(), actorId: id.optional() });
export type ChangesQuery = z.infer<typeof ChangesQuery>;
export const AuditChange = z.object({
  seq: z.number(),
  at: z.string(),
  operation: z.enum(['added', 'removed']),
  tuple: z.object({ user: z.string(), relation: z.string(), object: z.string() }),
  actorId: z.string().nullable(),
  command: z.string(),
  reason: z.string().nullable(),
  prevHash: z.string(),
  hash: z.string(),
});
export type AuditChange = z.infer<typeof AuditChange>;
export const ChangesResponse = z.object({ items: z.array(AuditChange), nextCursor: z.string().nullable() });

export const DecisionsQuery = z.strictObject({
  ...clubWindow,
  userId: id.optional(),
  object: objectRef.optional(),
  allowed: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
});
export type DecisionsQuery = z.infer<typeof DecisionsQuery>;
export const AuthzDecision = z.object({
  id: z.string(),
  at: z.string(),
  userId: z.string(),
  relation: z.string(),
  object: z.string(),
  allowed: z.boolean(),
  source: z.enum(['check', 'list']),
  route: z.string().nullable(),
  requestId: z.string().nullable(),
});
export type AuthzDecision = z.infer<typeof AuthzDecision>;
export const DecisionsResponse = z.object({ items: z.array(AuthzDecision), nextCursor: z.string().nullable() });
