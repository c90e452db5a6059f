import { z } from 'zod';
import { COACH_ROLES } from './entities.js';

const id = z.string().min(1).max(64);
export const GroupParams = z.object({ groupId: id });
export const ClubGroupParams = z.object({ clubId: id });
export const GroupCoachParams = z.object({ groupId: id, userId: id });
export const GroupMemberParams = z.object({ groupId: id, memberId: id });

export const CreateGroupBody = z.strictObject({
  name: z.string().trim().min(1).max(200),
  season: z.string().trim().min(1).max(50).optional(),
  ageGroup: z.string().trim().min(1).max(50).optional(),
});
export type CreateGroupBody = z.infer<typeof CreateGroupBody>;
export const AddCoachBody = z.strictObject({ userId: id, role: z.enum(COACH_ROLES) });
export type AddCoachBody = z.infer<typeof AddCoachBody>;
export const AssignMemberBody = z.strictObject({ memberId: id });

export const GroupResponse = z.object({
  id: z.string(),
  clubId: z.string(),
  name: z.string(),
  season: z.string().nullable(),
  ageGroup: z.string().nullable(),
  createdAt: z.string(),
});
export type GroupResponse = z.infer<typeof GroupResponse>;
export const CoachedGroupResponse = GroupResponse.extend({ role: z.enum(COACH_ROLES) });
export const CoachResponse = z.object({ groupId: z.string(), userId: z.string(), role: z.enum(COACH_ROLES), createdAt: z.string() });
export const AssignmentResponse = z.object({ groupId: z.string(), memberId: z.string(), createdAt: z.string() });
export const RosterEntry = z.object({ id: z.string(), firstName: z.string(), lastName: z.string() });
export type RosterEntry = z.infer<typeof RosterEntry>;
