import type { YouthMember } from './entities.js';
import type { MemberResponse } from './schemas.js';

/** An entity (commands) or a row of queries/member-rows.ts (queries: dates already as text). */
type MemberFields = Omit<YouthMember, 'dateOfBirth' | 'createdAt' | 'updatedAt'> & {
  dateOfBirth: YouthMember['dateOfBirth'] | string;
  createdAt: Date | string;
  updatedAt: Date | string;
};

const instant = (value: Date | string) => (typeof value === 'string' ? value : value.toISOString());

/** The full profile; only ever returned to callers the model lets `can_view` the member. */
export const presentMember = (m: MemberFields): MemberResponse => ({
  id: m.id,
  clubId: m.clubId,
  firstName: m.firstName,
  lastName: m.lastName,
  dateOfBirth: typeof m.dateOfBirth === 'string' ? m.dateOfBirth : new Date(m.dateOfBirth).toISOString().slice(0, 10),
  medicalNotes: m.medicalNotes ?? null,
  emergencyContacts: m.emergencyContacts ?? [],
  createdAt: instant(m.createdAt),
  updatedAt: instant(m.updatedAt),
});

/** The profile without medical notes, for those who may review records but not a child's health (auditors). */
export const presentMemberWithoutMedicalNotes = (m: MemberFields): MemberResponse => ({ ...presentMember(m), medicalNotes: null, withheld: ['medicalNotes'] });
