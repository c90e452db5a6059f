// A club-shaped dataset for the API benchmarks, written straight into the domain tables with SQL
// (creating 20k members through the commands would take far longer than the benchmark itself).
// Every fact is a formula of its indexes — like club-graph.ts — so scenarios can name a coach and a
// child of their group without keeping rows in memory. The tuples are NOT written here: the API
// process derives them from these rows with desiredTuples() (see api-server-process.ts), so OpenFGA
// holds exactly what the commands would have written.
import pg from 'pg';

export interface DatasetShape {
  clubs: number;
  groupsPerClub: number;
  /** Each group has this many members whose first group it is (every third member has a second one). */
  membersPerGroup: number;
  eventsPerGroup: number;
}

/** Scale 1: 50 clubs, 1,000 groups, 20,000 members, 30,000 guardians, 2,000 coaches, ≈ 220k tuples. */
export function datasetShape(scale: number): DatasetShape {
  // Scaling grows the clubs (more groups, members, families per club), not their number: the list
  // scenarios must show that a bigger club does not make its pages slower.
  return { clubs: 50, groupsPerClub: Math.round(20 * scale), membersPerGroup: 20, eventsPerGroup: 3 };
}

const pad = (kind: string, n: number) => `01JB${kind}${String(n).padStart(21, '0')}`; // 26 chars of [0-9A-Z], like a ULID

export class Dataset {
  constructor(readonly shape: DatasetShape) {}
  get membersPerClub(): number { return this.shape.groupsPerClub * this.shape.membersPerGroup; }
  /** Half the children are sibling pairs: families = members/4 (pairs) + members/2 (only children). */
  get familiesPerClub(): number { return Math.floor(this.membersPerClub / 4) + Math.ceil(this.membersPerClub / 2); }

  club(c: number): string { return pad('C', c); }
  group(c: number, g: number): string { return pad('G', c * this.shape.groupsPerClub + g); }
  member(c: number, m: number): string { return pad('M', c * this.membersPerClub + m); }
  event(c: number, g: number, e: number): string { return pad('E', (c * this.shape.groupsPerClub + g) * this.shape.eventsPerGroup + e); }
  admin(c: number, a: number): string { return pad('A', c * 2 + a); }
  /** role 0 head, 1 assistant. */
  coach(c: number, g: number, role: 0 | 1): string { return pad(role === 0 ? 'H' : 'S', c * this.shape.groupsPerClub + g); }
  guardian(c: number, family: number, k: 0 | 1): string { return pad('P', (c * this.familiesPerClub + family) * 2 + k); }
  static subjectOf(userId: string): string { return `bench|${userId}`; }

  familyOf(m: number): number {
    const half = Math.floor(this.membersPerClub / 2);
    return m < half ? Math.floor(m / 2) : Math.floor(half / 2) + (m - half);
  }

  groupsOf(m: number): number[] {
    const { groupsPerClub, membersPerGroup } = this.shape;
    const primary = Math.floor(m / membersPerGroup);
    if (m % 3 !== 0 || groupsPerClub < 2) return [primary];
    return [primary, (primary + 1 + (m % (groupsPerClub - 1))) % groupsPerClub];
  }

  counts() {
    const { clubs, groupsPerClub, eventsPerGroup } = this.shape;
    let groupMembers = 0;
    for (let m = 0; m < this.membersPerClub; m++) groupMembers += this.groupsOf(m).length;
    return {
      clubs, groups: clubs * groupsPerClub, members: clubs * this.membersPerClub, guardians: clubs * this.familiesPerClub * 2,
      coaches: clubs * groupsPerClub * 2, admins: clubs * 2, events: clubs * groupsPerClub * eventsPerGroup,
      groupMemberships: clubs * groupMembers, guardianships: clubs * this.membersPerClub * 2, attendance: clubs * groupMembers * eventsPerGroup,
    };
  }
}

type Value = string | number | null;
/** Inserts rows in batches of one `unnest` statement each (fast, and one round trip per batch). */
async function insertRows(client: pg.Client, table: string, columns: Array<[name: string, type: string]>, rows: Iterable<Value[]>): Promise<number> {
  const sql = `insert into ${table} (${columns.map(([n]) => n).join(', ')}) select * from unnest(${columns.map(([, t], i) => `$${i + 1}::${t}[]`).join(', ')})`;
  let batch: Value[][] = columns.map(() => []);
  let size = 0;
  let total = 0;
  const flush = async () => {
    if (size === 0) return;
    await client.query(sql, batch);
    total += size;
    batch = columns.map(() => []);
    size = 0;
  };
  for (const row of rows) {
    row.forEach((value, i) => batch[i].push(value));
    if (++size >= 20_000) await flush();
  }
  await flush();
  return total;
}

export async function seedDataset(databaseUrl: string, data: Dataset): Promise<void> {
  const { clubs, groupsPerClub, eventsPerGroup } = data.shape;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const each = function* <T>(n: number, f: (i: number) => Iterable<T>) { for (let i = 0; i < n; i++) yield* f(i); };
  try {
    await client.query('begin');
    const user = (id: string, name: string): Value[] => [id, Dataset.subjectOf(id), `${id.toLowerCase()}@bench.test`, name];
    await insertRows(client, 'users', [['id', 'text'], ['auth_subject', 'text'], ['email', 'text'], ['name', 'text']], each(clubs, function* (c) {
      for (let a = 0; a < 2; a++) yield user(data.admin(c, a), `Admin ${c}-${a}`);
      for (let g = 0; g < groupsPerClub; g++) for (const r of [0, 1] as const) yield user(data.coach(c, g, r), `Coach ${c}-${g}-${r}`);
      for (let f = 0; f < data.familiesPerClub; f++) for (const k of [0, 1] as const) yield user(data.guardian(c, f, k), `Parent ${c}-${f}-${k}`);
    }));
    await insertRows(client, 'clubs', [['id', 'text'], ['name', 'text'], ['timezone', 'text']], each(clubs, (c) => [[data.club(c), `Bench Club ${c}`, 'Europe/Berlin']]));
    await insertRows(client, 'club_admins', [['club_id', 'text'], ['user_id', 'text']], each(clubs, (c) => [[data.club(c), data.admin(c, 0)], [data.club(c), data.admin(c, 1)]]));
    await insertRows(client, 'groups', [['id', 'text'], ['club_id', 'text'], ['name', 'text'], ['season', 'text']], each(clubs, function* (c) {
      for (let g = 0; g < groupsPerClub; g++) yield [data.group(c, g), data.club(c), `Team ${g}`, '2026/27'];
    }));
    await insertRows(client, 'group_coaches', [['group_id', 'text'], ['user_id', 'text'], ['role', 'text']], each(clubs, function* (c) {
      for (let g = 0; g < groupsPerClub; g++) { yield [data.group(c, g), data.coach(c, g, 0), 'head']; yield [data.group(c, g), data.coach(c, g, 1), 'assistant']; }
    }));
    await insertRows(client, 'youth_members', [['id', 'text'], ['club_id', 'text'], ['first_name', 'text'], ['last_name', 'text'], ['date_of_birth', 'date'], ['medical_notes', 'text']], each(clubs, function* (c) {
      for (let m = 0; m < data.membersPerClub; m++) yield [data.member(c, m), data.club(c), `Kid${m}`, `Family${data.familyOf(m)}`, `${2012 + (m % 8)}-0${1 + (m % 9)}-15`, m % 2 ? 'asthma' : null];
    }));
    await insertRows(client, 'group_members', [['group_id', 'text'], ['member_id', 'text']], each(clubs, function* (c) {
      for (let m = 0; m < data.membersPerClub; m++) for (const g of data.groupsOf(m)) yield [data.group(c, g), data.member(c, m)];
    }));
    await insertRows(client, 'guardianships', [['member_id', 'text'], ['user_id', 'text'], ['relationship', 'text']], each(clubs, function* (c) {
      for (let m = 0; m < data.membersPerClub; m++) { const f = data.familyOf(m); yield [data.member(c, m), data.guardian(c, f, 0), 'mother']; yield [data.member(c, m), data.guardian(c, f, 1), 'father']; }
    }));
    // Past practices: real clubs carry history, and it adds the event and invitee tuples a store holds.
    // (In the past, so unassigning a member in the write scenario has no upcoming events to withdraw from.)
    const day = 86_400_000;
    const base = Date.now() - 120 * day;
    await insertRows(client, 'events', [['id', 'text'], ['club_id', 'text'], ['group_id', 'text'], ['type', 'text'], ['title', 'text'], ['starts_at', 'timestamptz'], ['ends_at', 'timestamptz'], ['created_by', 'text']], each(clubs, function* (c) {
      for (let g = 0; g < groupsPerClub; g++) for (let e = 0; e < eventsPerGroup; e++) {
        const start = base + e * 7 * day;
        yield [data.event(c, g, e), data.club(c), data.group(c, g), 'practice', `Practice ${e + 1}`, new Date(start).toISOString(), new Date(start + 90 * 60_000).toISOString(), data.coach(c, g, 0)];
      }
    }));
    await insertRows(client, 'event_attendance', [['event_id', 'text'], ['member_id', 'text']], each(clubs, function* (c) {
      for (let m = 0; m < data.membersPerClub; m++) for (const g of data.groupsOf(m)) for (let e = 0; e < eventsPerGroup; e++) yield [data.event(c, g, e), data.member(c, m)];
    }));
    await client.query('commit');
  } finally {
    await client.end();
  }
}
