import type { RelationTuple } from '../../authz/tuple-change.js';
import type { CoachRole } from './entities.js';

export const groupObject = (groupId: string) => `group:${groupId}`;

/** A group belongs to its club, and the club knows its groups (so club visibility can follow coaches). */
export const groupInClubTuples = (groupId: string, clubId: string): RelationTuple[] => [
  { user: `club:${clubId}`, relation: 'club', object: groupObject(groupId) },
  { user: groupObject(groupId), relation: 'group', object: `club:${clubId}` },
];

export const coachRelation = (role: CoachRole) => (role === 'head' ? 'head_coach' : 'assistant_coach');

export const coachTuple = (groupId: string, userId: string, role: CoachRole): RelationTuple => ({ user: `user:${userId}`, relation: coachRelation(role), object: groupObject(groupId) });

/** Who may appoint or release a coach of this role (a head coach may manage assistants only). */
export const manageCoachPermission = (role: CoachRole) => (role === 'head' ? 'can_manage_head_coaches' : 'can_manage_assistant_coaches');

/** Assignment links both ways: the member's coaches come from its groups, a group's guardians from its members. */
export const memberInGroupTuples = (groupId: string, memberId: string): RelationTuple[] => [
  { user: groupObject(groupId), relation: 'group', object: `member:${memberId}` },
  { user: `member:${memberId}`, relation: 'member', object: groupObject(groupId) },
];
