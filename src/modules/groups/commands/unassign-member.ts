import { withdrawFromUpcomingEvents } from '../../events/commands/withdraw-from-upcoming-events.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { GroupMember } from '../entities.js';
import { groupNotFound, notAssigned } from '../errors.js';
import { groupObject, memberInGroupTuples } from '../tuples.js';

/** Takes a member off the roster; the group's coaches lose sight of the profile before this returns. */
export async function unassignMember(deps: ModuleDeps, caller: Caller, groupId: string, memberId: string): Promise<void> {
  await deps.authz.authorize(caller.userId, 'can_manage_members', groupObject(groupId), { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  await deps.uow.run({ command: 'unassign-member', actorId: caller.userId }, async (em, tuples, jobs) => {
    const assignment = await em.findOne(GroupMember, { groupId, memberId });
    if (!assignment) throw notAssigned(memberId);
    em.remove(assignment);
    tuples.delete(...memberInGroupTuples(groupId, memberId));
    // …and the guardians stop seeing (and being reminded of) the group's upcoming events.
    await withdrawFromUpcomingEvents(em, tuples, jobs, groupId, memberId);
  });
}
