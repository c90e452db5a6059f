import { z } from 'zod';

const timezone = z.string().max(64).refine(isTimeZone, { message: 'must be an IANA time zone such as Europe/Berlin' });

export const ClubParams = z.object({ clubId: z.string().min(1).max(64) });
export const CreateClubBody = z.strictObject({ name: z.string().trim().min(1).max(200), timezone: timezone.optional() });
export type CreateClubBody = z.infer<typeof CreateClubBody>;
export const UpdateClubBody = z
  .strictObject({ name: z.string().trim().min(1).max(200).optional(), timezone: timezone.optional() })
  .refine((b) => Object.keys(b).length > 0, { message: 'must change at least one field' });
export type UpdateClubBody = z.infer<typeof UpdateClubBody>;
export const AddClubAdminBody = z.strictObject({ userId: z.string().min(1).max(64) });

export const ClubResponse = z.object({ id: z.string(), name: z.string(), timezone: z.string(), createdAt: z.string(), updatedAt: z.string() });
export type ClubResponse = z.infer<typeof ClubResponse>;
export const ClubAdminResponse = z.object({ clubId: z.string(), userId: z.string(), createdAt: z.string() });
export const AddClubAuditorBody = z.strictObject({ userId: z.string().min(1).max(64) });
export const ClubAuditorParams = z.object({ clubId: z.string().min(1).max(64), userId: z.string().min(1).max(64) });
export const ClubAuditorResponse = z.object({ clubId: z.string(), userId: z.string(), addedBy: z.string().nullable(), createdAt: z.string() });
export type ClubAuditorResponse = z.infer<typeof ClubAuditorResponse>;

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
