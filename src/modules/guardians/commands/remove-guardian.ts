import { ulid } from 'ulid';
import { memberNotFound } from '../../members/errors.js';
import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { GuardianRemoval, Guardianship } from '../entities.js';
import { guardianNotFound } from '../errors.js';
import { guardianTuple } from '../tuples.js';

/**
 * Custody: only those the model lets `can_manage_guardians` (club admins) remove a guardian, never
 * another guardian, and the reason is recorded. Access ends before this returns.
 */
export async function removeGuardian(deps: ModuleDeps, caller: Caller, memberId: string, userId: string, reason: string): Promise<void> {
  await deps.authz.authorize(caller.userId, 'can_manage_guardians', memberObject(memberId), { visibleWith: 'can_view_profile', notFound: memberNotFound(memberId) });
  await deps.uow.run({ command: 'remove-guardian', actorId: caller.userId, reason }, async (em, tuples) => {
    const guardianship = await em.findOne(Guardianship, { memberId, userId });
    if (!guardianship) throw guardianNotFound(memberId, userId);
    em.remove(guardianship);
    em.create(GuardianRemoval, { id: ulid(), memberId, userId, removedBy: caller.userId, reason });
    tuples.delete(guardianTuple(memberId, userId));
  });
}
