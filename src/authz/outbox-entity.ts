import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One tuple change a command implied, written in the command's transaction. Applied to OpenFGA right
 * after (or, for revocations, before) commit; the relay applies whatever is still pending.
 */
export const FgaOutboxEntry = defineEntity({
  name: 'FgaOutboxEntry',
  tableName: 'fga_outbox',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    tupleKey: p.string(),
    operation: p.enum(['write', 'delete']),
    object: p.string(),
    relation: p.string(),
    subject: p.string(),
    command: p.string(),
    actorId: p.string().nullable(),
    reason: p.text().nullable(),
    status: p.enum(['pending', 'applied', 'superseded']).default('pending'),
    attempts: p.integer().default(0),
    lastError: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    appliedAt: p.datetime().nullable(),
  },
});
export type FgaOutboxEntry = InferEntity<typeof FgaOutboxEntry>;
