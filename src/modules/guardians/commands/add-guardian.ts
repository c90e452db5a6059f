import { YouthMember } from '../../members/entities.js';
import { memberNotFound } from '../../members/errors.js';
import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { requireUserExists } from '../../users/queries/require-user.js';
import { Guardianship } from '../entities.js';
import { alreadyGuardian } from '../errors.js';
import type { AddGuardianBody } from '../schemas.js';
import { guardianTuple } from '../tuples.js';

export async function addGuardian(deps: ModuleDeps, caller: Caller, memberId: string, body: AddGuardianBody): Promise<Guardianship> {
  await deps.authz.authorize(caller.userId, 'can_manage_guardians', memberObject(memberId), { visibleWith: 'can_view_profile', notFound: memberNotFound(memberId) });
  return deps.uow.run({ command: 'add-guardian', actorId: caller.userId }, async (em, tuples) => {
    if (!(await em.count(YouthMember, { id: memberId }))) throw memberNotFound(memberId)();
    await requireUserExists(em, body.userId);
    if (await em.count(Guardianship, { memberId, userId: body.userId })) throw alreadyGuardian(body.userId);
    const guardianship = em.create(Guardianship, { memberId, userId: body.userId, relationship: body.relationship });
    tuples.write(guardianTuple(memberId, body.userId));
    return guardianship;
  });
}
