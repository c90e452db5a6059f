import type { RelationTuple } from '../../authz/tuple-change.js';

export const memberObject = (memberId: string) => `member:${memberId}`;

/** A youth member belongs to its club, and the club knows its members (guardians then see the club). */
export const memberInClubTuples = (memberId: string, clubId: string): RelationTuple[] => [
  { user: `club:${clubId}`, relation: 'club', object: memberObject(memberId) },
  { user: memberObject(memberId), relation: 'member', object: `club:${clubId}` },
];
