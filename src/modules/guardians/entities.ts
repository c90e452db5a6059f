import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A user who is a guardian of a youth member (a child may have several; a guardian several children). */
export const Guardianship = defineEntity({
  name: 'Guardianship',
  tableName: 'guardianships',
  properties: {
    memberId: p.string().primary(),
    userId: p.string().primary(),
    relationship: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['memberId', 'userId'],
});
export type Guardianship = InferEntity<typeof Guardianship>;

/** Custody record: who removed a guardian, and why. */
export const GuardianRemoval = defineEntity({
  name: 'GuardianRemoval',
  tableName: 'guardian_removals',
  properties: {
    id: p.string().primary(),
    memberId: p.string(),
    userId: p.string(),
    removedBy: p.string(),
    reason: p.text(),
    removedAt: p.datetime().onCreate(() => new Date()),
  },
});
export type GuardianRemoval = InferEntity<typeof GuardianRemoval>;
