// A deterministic club-shaped relationship graph: clubs with admins, groups with a head and an
// assistant coach, youth members (a third of them in a second group) with two guardians each.
// Every fact is a formula of its indexes, so queries can name related and unrelated users and know
// the right answer without keeping 200k tuples in memory.
import type { TupleKey } from '../../src/fga-engine/types.js';

export interface ClubGraphShape {
  clubs: number;
  groupsPerClub: number;
  membersPerGroup: number;
  adminsPerClub: number;
  guardiansPerMember: number;
}

/** ≈ 204,000 tuples with 50 clubs. */
export const DEFAULT_CLUB_GRAPH: ClubGraphShape = { clubs: 50, groupsPerClub: 20, membersPerGroup: 30, adminsPerClub: 2, guardiansPerMember: 2 };

export class ClubGraph {
  constructor(readonly shape: ClubGraphShape) {}

  get membersPerClub(): number { return this.shape.groupsPerClub * this.shape.membersPerGroup; }

  club(c: number): string { return `club:c${c}`; }
  group(c: number, g: number): string { return `group:c${c}-g${g}`; }
  member(c: number, m: number): string { return `youth_member:c${c}-m${m}`; }
  admin(c: number, a: number): string { return `user:admin-c${c}-${a}`; }
  headCoach(c: number, g: number): string { return `user:head-c${c}-g${g}`; }
  assistantCoach(c: number, g: number): string { return `user:asst-c${c}-g${g}`; }
  guardian(c: number, m: number, n: number): string { return `user:guardian-c${c}-m${m}-${n}`; }

  /** Group indexes of member m: its own group, plus a second one for every third member. */
  groupsOf(m: number): number[] {
    const primary = Math.floor(m / this.shape.membersPerGroup);
    if (m % 3 !== 0) return [primary];
    return [primary, (primary + 1 + (m % (this.shape.groupsPerClub - 1))) % this.shape.groupsPerClub];
  }

  /** How many members list group g of a club (as first or second group). */
  membersOfGroup(g: number): number {
    let count = 0;
    for (let m = 0; m < this.membersPerClub; m++) if (this.groupsOf(m).includes(g)) count++;
    return count;
  }

  get tupleCount(): number {
    const { clubs, groupsPerClub, adminsPerClub, guardiansPerMember } = this.shape;
    let perClub = adminsPerClub + groupsPerClub * 4;
    for (let m = 0; m < this.membersPerClub; m++) perClub += 2 + guardiansPerMember + 2 * this.groupsOf(m).length;
    return clubs * perClub;
  }

  *tuples(): Generator<TupleKey> {
    const { clubs, groupsPerClub, adminsPerClub, guardiansPerMember } = this.shape;
    for (let c = 0; c < clubs; c++) {
      const club = this.club(c);
      for (let a = 0; a < adminsPerClub; a++) yield { user: this.admin(c, a), relation: 'admin', object: club };
      for (let g = 0; g < groupsPerClub; g++) {
        const group = this.group(c, g);
        yield { user: club, relation: 'club', object: group };
        yield { user: this.headCoach(c, g), relation: 'head_coach', object: group };
        yield { user: this.assistantCoach(c, g), relation: 'assistant_coach', object: group };
        yield { user: `${group}#coach`, relation: 'coach', object: club };
      }
      for (let m = 0; m < this.membersPerClub; m++) {
        const member = this.member(c, m);
        yield { user: club, relation: 'club', object: member };
        yield { user: member, relation: 'member', object: club };
        for (const g of this.groupsOf(m)) {
          yield { user: this.group(c, g), relation: 'group', object: member };
          yield { user: member, relation: 'member', object: this.group(c, g) };
        }
        for (let n = 0; n < guardiansPerMember; n++) yield { user: this.guardian(c, m, n), relation: 'guardian', object: member };
      }
    }
  }
}
