import type { RelationTuple } from '../../authz/tuple-change.js';
import { groupObject } from '../groups/tuples.js';
import { memberObject } from '../members/tuples.js';

export const eventObject = (eventId: string) => `event:${eventId}`;

/** An event belongs to its group: the group's coaches and the club's admins manage it (see fga/model.fga). */
export const eventInGroupTuple = (eventId: string, groupId: string): RelationTuple => ({ user: groupObject(groupId), relation: 'group', object: eventObject(eventId) });

/** One per attendance record: the invited child's guardians then see the event. */
export const inviteeTuple = (eventId: string, memberId: string): RelationTuple => ({ user: memberObject(memberId), relation: 'invitee', object: eventObject(eventId) });
