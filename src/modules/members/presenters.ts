import type { YouthMember } from './entities.js';
import type { MemberResponse } from './schemas.js';

/** An entity (commands) or a row of queries/member-rows.ts (queries). */
type MemberFields = Omit<YouthMember, 'dateOfBirth'> & { dateOfBirth: YouthMember['dateOfBirth'] | string };

/** The full profile; only ever returned to callers the model lets `can_view` the member. */
export const presentMember = (m: MemberFields): MemberResponse => ({
  id: m.id,
  clubId: m.clubId,
  firstName: m.firstName,
  lastName: m.lastName,
  dateOfBirth: typeof m.dateOfBirth === 'string' ? m.dateOfBirth : new Date(m.dateOfBirth).toISOString().slice(0, 10),
  medicalNotes: m.medicalNotes ?? null,
  emergencyContacts: m.emergencyContacts ?? [],
  createdAt: m.createdAt.toISOString(),
  updatedAt: m.updatedAt.toISOString(),
});

/** The profile without medical notes, for those who may review records but not a child's health (auditors). */
export const presentMemberWithoutMedicalNotes = (m: MemberFields): MemberResponse => ({ ...presentMember(m), medicalNotes: null, withheld: ['medicalNotes'] });
