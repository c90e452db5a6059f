import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { memberNotFound } from '../errors.js';
import { presentMember, presentMemberWithoutMedicalNotes } from '../presenters.js';
import type { MemberResponse } from '../schemas.js';
import { memberObject } from '../tuples.js';
import { memberById } from './member-rows.js';
import { readAhead } from '../../shared/read-ahead.js';

/**
 * A youth member's profile: in full (medical notes included) for those the model lets `can_view` it;
 * without medical notes for those it lets only `can_view_profile` (auditors); 404 for everyone else.
 */
export async function getMember(deps: ModuleDeps, caller: Caller, memberId: string): Promise<MemberResponse> {
  const object = memberObject(memberId);
  const row = readAhead(() => memberById(deps.sql, memberId));
  const full = await deps.authz.check(caller.userId, 'can_view', object);
  if (!full) await deps.authz.requireVisible(caller.userId, 'can_view_profile', object, memberNotFound(memberId));
  const member = await row.result();
  if (!member) throw memberNotFound(memberId)();
  return full ? presentMember(member) : presentMemberWithoutMedicalNotes(member);
}
