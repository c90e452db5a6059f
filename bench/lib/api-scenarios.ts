// The API benchmark's scenarios. Each spreads its requests over many actors and objects across
// clubs (a single hot key would measure caches, not the service), chosen with a seeded PRNG.
import pg from 'pg';
import type { Call } from './autocannon-cell.js';
import type { Dataset } from './touchline-dataset.js';
import type { Random } from './seeded-random.js';

export type ScenarioKind = 'read' | 'list' | 'write';
export interface Scenario {
  key: string;
  label: string;
  kind: ScenarioKind;
  /** Users the scenario acts as (they need tokens). */
  userIds: string[];
  /** Makes the request source once tokens exist. */
  source(tokens: Map<string, string>): () => Call;
  /** Reads the starting state from SQL (writes; once, before the first run). */
  sync?(): Promise<void>;
}

export const SCENARIO_KEYS = ['memberProfile', 'roster', 'myChildren', 'clubMembers', 'writes'] as const;
const ACTORS = 400;

type Template = { userId: string; method: Call['method']; path: string };
function readScenario(key: string, label: string, kind: ScenarioKind, templates: Template[]): Scenario {
  return {
    key, label, kind, userIds: [...new Set(templates.map((t) => t.userId))],
    source: (tokens) => {
      const calls: Call[] = templates.map((t) => ({ method: t.method, path: t.path, token: tokens.get(t.userId) }));
      let i = 0;
      return () => calls[i++ % calls.length];
    },
  };
}

export function apiScenarios(ds: Dataset, random: Random, databaseUrl: string): Scenario[] {
  const { clubs, groupsPerClub, membersPerGroup } = ds.shape;
  const times = <T>(n: number, f: () => T) => Array.from({ length: n }, f);
  const anyGroup = () => ({ c: random.int(clubs), g: random.int(groupsPerClub) });
  return [
    readScenario('memberProfile', 'coach GET /v1/members/:id', 'read', times(ACTORS, () => {
      const { c, g } = anyGroup();
      const m = g * membersPerGroup + random.int(membersPerGroup); // first group of m is g
      return { userId: ds.coach(c, g, random.int(2) as 0 | 1), method: 'GET', path: `/v1/members/${ds.member(c, m)}` };
    })),
    readScenario('roster', 'coach GET /v1/groups/:id/members', 'list', times(ACTORS, () => {
      const { c, g } = anyGroup();
      return { userId: ds.coach(c, g, random.int(2) as 0 | 1), method: 'GET', path: `/v1/groups/${ds.group(c, g)}/members` };
    })),
    readScenario('myChildren', 'guardian GET /v1/me/members', 'list', times(ACTORS, () =>
      ({ userId: ds.guardian(random.int(clubs), random.int(ds.familiesPerClub), random.int(2) as 0 | 1), method: 'GET', path: '/v1/me/members' }))),
    readScenario('clubMembers', 'admin GET /v1/clubs/:id/members', 'list', times(ACTORS, () => {
      const c = random.int(clubs);
      return { userId: ds.admin(c, random.int(2)), method: 'GET', path: `/v1/clubs/${ds.club(c)}/members` };
    })),
    writeScenario(ds, random, databaseUrl),
  ];
}

/**
 * Admins assign a member to a group of their club it is not in, later take it off again. A pair is
 * used again only once its previous request has been answered (a request still open when a run ends,
 * or answered with an error, retires its pair: its outcome is unknown), so every request is one the
 * API must accept. The pairs' real state is read from SQL once, before the first run.
 */
function writeScenario(ds: Dataset, random: Random, databaseUrl: string): Scenario {
  const { clubs, groupsPerClub } = ds.shape;
  type Pair = { group: string; member: string; admin: string; state: 'assigned' | 'unassigned' | 'in flight' | 'retired' };
  const pairs: Pair[] = [];
  const seen = new Set<string>();
  while (pairs.length < 3000) {
    const c = random.int(clubs);
    const m = random.int(ds.membersPerClub);
    const g = random.int(groupsPerClub);
    const key = `${c}/${m}/${g}`;
    if (ds.groupsOf(m).includes(g) || seen.has(key)) continue;
    seen.add(key);
    pairs.push({ group: ds.group(c, g), member: ds.member(c, m), admin: ds.admin(c, random.int(2)), state: 'unassigned' });
  }
  let cursor = 0;
  const nextReady = (): Pair => {
    for (let tried = 0; tried < pairs.length; tried++) {
      const pair = pairs[cursor++ % pairs.length];
      if (pair.state === 'assigned' || pair.state === 'unassigned') return pair;
    }
    throw new Error('writes: every pair is in flight or retired');
  };
  let synced = false;
  return {
    key: 'writes', label: 'admin assign/unassign member', kind: 'write', userIds: [...new Set(pairs.map((p) => p.admin))],
    source: (tokens) => () => {
      const pair = nextReady();
      const assign = pair.state === 'unassigned';
      pair.state = 'in flight';
      const answered = (status: number) => {
        pair.state = status >= 200 && status < 300 ? (assign ? 'assigned' : 'unassigned') : 'retired';
      };
      return assign
        ? { method: 'POST', path: `/v1/groups/${pair.group}/members`, token: tokens.get(pair.admin), body: { memberId: pair.member }, answered }
        : { method: 'DELETE', path: `/v1/groups/${pair.group}/members/${pair.member}`, token: tokens.get(pair.admin), answered };
    },
    sync: async () => {
      if (synced) return;
      synced = true;
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        const { rows } = await client.query<{ k: string }>(
          `select group_id || '/' || member_id as k from group_members where (group_id, member_id) in (select * from unnest($1::text[], $2::text[]))`,
          [pairs.map((p) => p.group), pairs.map((p) => p.member)]);
        const assigned = new Set(rows.map((r) => r.k));
        for (const pair of pairs) pair.state = assigned.has(`${pair.group}/${pair.member}`) ? 'assigned' : 'unassigned';
      } finally {
        await client.end();
      }
    },
  };
}
