import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { GroupCoach } from '../entities.js';
import { coachNotFound, groupNotFound } from '../errors.js';
import { coachTuple, groupObject, manageCoachPermission } from '../tuples.js';

/** Releases a coach; their access ends before this returns (the revocation reaches OpenFGA before commit). */
export async function removeCoach(deps: ModuleDeps, caller: Caller, groupId: string, userId: string): Promise<void> {
  const object = groupObject(groupId);
  await deps.authz.requireVisible(caller.userId, 'can_view', object, groupNotFound(groupId));
  const existing = await deps.uow.reader().findOne(GroupCoach, { groupId, userId });
  // Without a coach to remove, ask for the weaker permission so the answer (403 or 404) leaks nothing.
  await deps.authz.authorize(caller.userId, manageCoachPermission(existing?.role ?? 'assistant'), object, { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  if (!existing) throw coachNotFound(groupId, userId);
  await deps.uow.run({ command: 'remove-coach', actorId: caller.userId }, async (em, tuples) => {
    const coach = await em.findOne(GroupCoach, { groupId, userId });
    if (!coach) throw coachNotFound(groupId, userId);
    em.remove(coach);
    tuples.delete(coachTuple(groupId, userId, coach.role));
  });
}
