import type { RelationTuple } from '../../authz/tuple-change.js';

export const guardianTuple = (memberId: string, userId: string): RelationTuple => ({ user: `user:${userId}`, relation: 'guardian', object: `member:${memberId}` });
