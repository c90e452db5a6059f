import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A team within a club, for a season. */
export const Group = defineEntity({
  name: 'Group',
  tableName: 'groups',
  properties: {
    id: p.string().primary(),
    clubId: p.string(),
    name: p.string(),
    season: p.string().nullable(),
    ageGroup: p.string().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
});
export type Group = InferEntity<typeof Group>;

export const COACH_ROLES = ['head', 'assistant'] as const;
export type CoachRole = (typeof COACH_ROLES)[number];

export const GroupCoach = defineEntity({
  name: 'GroupCoach',
  tableName: 'group_coaches',
  properties: {
    groupId: p.string().primary(),
    userId: p.string().primary(),
    role: p.enum(['head', 'assistant']),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['groupId', 'userId'],
});
export type GroupCoach = InferEntity<typeof GroupCoach>;

/** A youth member's assignment to a group (the group's roster). */
export const GroupMember = defineEntity({
  name: 'GroupMember',
  tableName: 'group_members',
  properties: {
    groupId: p.string().primary(),
    memberId: p.string().primary(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  primaryKeys: ['groupId', 'memberId'],
});
export type GroupMember = InferEntity<typeof GroupMember>;
