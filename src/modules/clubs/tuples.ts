import type { RelationTuple } from '../../authz/tuple-change.js';

export const clubObject = (clubId: string) => `club:${clubId}`;

export const clubAdminTuple = (clubId: string, userId: string): RelationTuple => ({ user: `user:${userId}`, relation: 'admin', object: clubObject(clubId) });
export const clubAuditorTuple = (clubId: string, userId: string): RelationTuple => ({ user: `user:${userId}`, relation: 'auditor', object: clubObject(clubId) });
