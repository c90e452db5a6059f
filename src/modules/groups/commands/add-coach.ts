import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { requireUserExists } from '../../users/queries/require-user.js';
import { Group, GroupCoach } from '../entities.js';
import { alreadyCoach, groupNotFound } from '../errors.js';
import type { AddCoachBody } from '../schemas.js';
import { coachTuple, groupObject, manageCoachPermission } from '../tuples.js';

/** Appoints a head or assistant coach; which permission that needs is the model's call (see fga/model.fga). */
export async function addCoach(deps: ModuleDeps, caller: Caller, groupId: string, body: AddCoachBody): Promise<GroupCoach> {
  await deps.authz.authorize(caller.userId, manageCoachPermission(body.role), groupObject(groupId), { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  return deps.uow.run({ command: 'add-coach', actorId: caller.userId }, async (em, tuples) => {
    if (!(await em.count(Group, { id: groupId }))) throw groupNotFound(groupId)();
    await requireUserExists(em, body.userId);
    if (await em.count(GroupCoach, { groupId, userId: body.userId })) throw alreadyCoach(body.userId);
    const coach = em.create(GroupCoach, { groupId, userId: body.userId, role: body.role });
    tuples.write(coachTuple(groupId, body.userId, body.role));
    return coach;
  });
}
