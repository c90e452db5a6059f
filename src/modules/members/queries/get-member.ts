import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { YouthMember } from '../entities.js';
import { memberNotFound } from '../errors.js';
import { presentMember } from '../presenters.js';
import type { MemberResponse } from '../schemas.js';
import { memberObject } from '../tuples.js';

/** A youth member's full profile (medical notes included) for those the model lets `can_view` it. */
export async function getMember(deps: ModuleDeps, caller: Caller, memberId: string): Promise<MemberResponse> {
  await deps.authz.requireVisible(caller.userId, 'can_view', memberObject(memberId), memberNotFound(memberId));
  const member = await deps.uow.reader().findOne(YouthMember, { id: memberId });
  if (!member) throw memberNotFound(memberId)();
  return presentMember(member);
}
