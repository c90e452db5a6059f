import { inviteToUpcomingEvents } from '../../events/commands/invite-to-upcoming-events.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { YouthMember } from '../../members/entities.js';
import { Group, GroupMember } from '../entities.js';
import { alreadyAssigned, groupNotFound, memberNotInClub } from '../errors.js';
import { groupObject, memberInGroupTuples } from '../tuples.js';

/** Puts a youth member of the group's club on the group's roster; the group's coaches then see the profile. */
export async function assignMember(deps: ModuleDeps, caller: Caller, groupId: string, memberId: string): Promise<GroupMember> {
  await deps.authz.authorize(caller.userId, 'can_manage_members', groupObject(groupId), { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  await deps.authz.requireVisible(caller.userId, 'can_view', `member:${memberId}`, () => memberNotInClub(memberId));
  return deps.uow.run({ command: 'assign-member', actorId: caller.userId }, async (em, tuples, jobs) => {
    const group = await em.findOne(Group, { id: groupId });
    if (!group) throw groupNotFound(groupId)();
    if (!(await em.count(YouthMember, { id: memberId, clubId: group.clubId }))) throw memberNotInClub(memberId);
    if (await em.count(GroupMember, { groupId, memberId })) throw alreadyAssigned(memberId);
    const assignment = em.create(GroupMember, { groupId, memberId });
    tuples.write(...memberInGroupTuples(groupId, memberId));
    // Members added later are invited to the group's upcoming events too.
    await inviteToUpcomingEvents(em, tuples, jobs, groupId, memberId);
    return assignment;
  });
}
