import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { YouthMember } from '../entities.js';
import { memberNotFound } from '../errors.js';
import type { UpdateMemberBody } from '../schemas.js';
import { memberObject } from '../tuples.js';

export async function updateMember(deps: ModuleDeps, caller: Caller, memberId: string, body: UpdateMemberBody): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_edit', memberObject(memberId), { visibleWith: 'can_view_profile', notFound: memberNotFound(memberId) });
  return deps.uow.run({ command: 'update-member', actorId: caller.userId }, async (em) => {
    const member = await em.findOne(YouthMember, { id: memberId });
    if (!member) throw memberNotFound(memberId)();
    em.assign(member, body);
    return member.id;
  });
}
