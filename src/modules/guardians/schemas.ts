import { z } from 'zod';

const id = z.string().min(1).max(64);
export const MemberGuardiansParams = z.object({ memberId: id });
export const GuardianParams = z.object({ memberId: id, userId: id });
export const AddGuardianBody = z.strictObject({ userId: id, relationship: z.string().trim().min(1).max(50) });
export type AddGuardianBody = z.infer<typeof AddGuardianBody>;
/** Custody changes are recorded with a reason a person wrote. */
export const RemoveGuardianBody = z.strictObject({ reason: z.string().trim().min(3).max(1000) });

export const GuardianResponse = z.object({ memberId: z.string(), userId: z.string(), relationship: z.string(), createdAt: z.string() });
export type GuardianResponse = z.infer<typeof GuardianResponse>;
