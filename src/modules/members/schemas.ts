import { z } from 'zod';

const id = z.string().min(1).max(64);
export const MemberParams = z.object({ memberId: id });
export const ClubMembersParams = z.object({ clubId: id });

const dateOfBirth = z.iso.date({ message: 'must be a date (YYYY-MM-DD)' }).refine((d) => d >= '1900-01-01' && d <= new Date().toISOString().slice(0, 10), {
  message: 'must be a date in the past (YYYY-MM-DD)',
});
const name = z.string().trim().min(1).max(100);
const EmergencyContact = z.strictObject({ name, phone: z.string().trim().min(3).max(40), relationship: z.string().trim().max(50).optional() });

export const CreateMemberBody = z.strictObject({
  firstName: name,
  lastName: name,
  dateOfBirth,
  medicalNotes: z.string().max(5000).optional(),
  emergencyContacts: z.array(EmergencyContact).max(10).optional(),
});
export type CreateMemberBody = z.infer<typeof CreateMemberBody>;

export const UpdateMemberBody = z
  .strictObject({
    firstName: name.optional(),
    lastName: name.optional(),
    dateOfBirth: dateOfBirth.optional(),
    medicalNotes: z.string().max(5000).nullable().optional(),
    emergencyContacts: z.array(EmergencyContact).max(10).optional(),
  })
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field' });
export type UpdateMemberBody = z.infer<typeof UpdateMemberBody>;

export const MemberResponse = z.object({
  id: z.string(),
  clubId: z.string(),
  firstName: z.string(),
  lastName: z.string(),
  dateOfBirth: z.string(),
  medicalNotes: z.string().nullable(),
  emergencyContacts: z.array(z.object({ name: z.string(), phone: z.string(), relationship: z.string().optional() })),
  /** Fields the model does not let this caller see (e.g. an auditor: medicalNotes). */
  withheld: z.array(z.string()).optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type MemberResponse = z.infer<typeof MemberResponse>;
export const MemberPage = z.object({ items: z.array(MemberResponse), nextCursor: z.string().nullable() });
