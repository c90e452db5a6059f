import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const Club = defineEntity({
  name: 'Club',
  tableName: 'clubs',
  properties: {
    id: p.string().primary(),
    name: p.string(),
    timezone: p.string(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type Club = InferEntity<typeof Club>;

export const ClubAdmin = defineEntity({
  name: 'ClubAdmin',
  tableName: 'club_admins',
  properties: {
    clubId: p.string().primary(),
    userId: p.string().primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['clubId', 'userId'],
});
export type ClubAdmin = InferEntity<typeof ClubAdmin>;

/** A club's auditor: reads the club and its audit trail (fga/model.fga `auditor`), never writes. */
export const ClubAuditor = defineEntity({
  name: 'ClubAuditor',
  tableName: 'club_auditors',
  properties: {
    clubId: p.string().primary(),
    userId: p.string().primary(),
    addedBy: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['clubId', 'userId'],
});
export type ClubAuditor = InferEntity<typeof ClubAuditor>;
