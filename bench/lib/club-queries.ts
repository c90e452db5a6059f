// Random queries over a ClubGraph with their right answers: a mix of allowed and denied checks
// across every path of the model, a coach's visible youth members, and who can view a member.
import type { ClubGraph } from './club-graph.js';
import type { Random } from './seeded-random.js';

export interface CheckCase { user: string; relation: string; object: string; expected: boolean }

type Scenario = (graph: ClubGraph, random: Random, c: number, m: number) => CheckCase;

function otherThan(random: Random, n: number, excluded: number[]): number {
  for (;;) {
    const candidate = random.int(n);
    if (!excluded.includes(candidate)) return candidate;
  }
}

const coachOf = (graph: ClubGraph, random: Random, c: number, g: number) =>
  (random.int(2) === 0 ? graph.headCoach(c, g) : graph.assistantCoach(c, g));

// Half allowed, half denied; each reaches a different branch (direct, `from`, userset, computed).
const SCENARIOS: Scenario[] = [
  (graph, random, c, m) => ({ user: graph.guardian(c, m, random.int(graph.shape.guardiansPerMember)), relation: 'can_view', object: graph.member(c, m), expected: true }),
  (graph, random, c, m) => ({ user: coachOf(graph, random, c, random.pick(graph.groupsOf(m))), relation: 'can_view', object: graph.member(c, m), expected: true }),
  (graph, random, c, m) => ({ user: graph.admin(c, random.int(graph.shape.adminsPerClub)), relation: 'can_view', object: graph.member(c, m), expected: true }),
  (graph, random, c, m) => ({ user: graph.guardian(c, m, 0), relation: 'can_view_roster', object: graph.group(c, random.pick(graph.groupsOf(m))), expected: true }),
  (graph, random, c, m) => ({ user: coachOf(graph, random, c, graph.groupsOf(m)[0]), relation: 'can_view', object: graph.club(c), expected: true }),
  (graph, random, c, m) => ({ user: graph.guardian(c, otherThan(random, graph.membersPerClub, [m]), 0), relation: 'can_view', object: graph.member(c, m), expected: false }),
  (graph, random, c, m) => ({ user: coachOf(graph, random, c, otherThan(random, graph.shape.groupsPerClub, graph.groupsOf(m))), relation: 'can_view', object: graph.member(c, m), expected: false }),
  (graph, random, c, m) => ({ user: graph.admin(otherThan(random, graph.shape.clubs, [c]), 0), relation: 'can_view', object: graph.member(c, m), expected: false }),
  (graph, random, c, m) => {
    const g = graph.groupsOf(m)[0];
    return { user: coachOf(graph, random, c, otherThan(random, graph.shape.groupsPerClub, [g])), relation: 'can_view_roster', object: graph.group(c, g), expected: false };
  },
  (graph, random, c, m) => ({ user: graph.guardian(c, m, 0), relation: 'can_view', object: graph.club(c), expected: false }),
];

export function randomCheck(graph: ClubGraph, random: Random): CheckCase {
  const c = random.int(graph.shape.clubs);
  const m = random.int(graph.membersPerClub);
  return random.pick(SCENARIOS)(graph, random, c, m);
}

export interface CoachListObjectsCase { user: string; relation: 'can_view'; type: 'youth_member'; expectedCount: number }

export function randomCoachListObjects(graph: ClubGraph, random: Random, membersOfGroup: (g: number) => number): CoachListObjectsCase {
  const c = random.int(graph.shape.clubs);
  const g = random.int(graph.shape.groupsPerClub);
  return { user: coachOf(graph, random, c, g), relation: 'can_view', type: 'youth_member', expectedCount: membersOfGroup(g) };
}

export interface MemberListUsersCase { object: { type: string; id: string }; relation: 'can_view'; expected: string[] }

export function randomMemberListUsers(graph: ClubGraph, random: Random): MemberListUsersCase {
  const c = random.int(graph.shape.clubs);
  const m = random.int(graph.membersPerClub);
  const expected = [
    ...Array.from({ length: graph.shape.guardiansPerMember }, (_, n) => graph.guardian(c, m, n)),
    ...graph.groupsOf(m).flatMap((g) => [graph.headCoach(c, g), graph.assistantCoach(c, g)]),
    ...Array.from({ length: graph.shape.adminsPerClub }, (_, a) => graph.admin(c, a)),
  ];
  const [type, id] = graph.member(c, m).split(':');
  return { object: { type, id }, relation: 'can_view', expected };
}
