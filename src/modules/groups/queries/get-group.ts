import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Group } from '../entities.js';
import { groupNotFound } from '../errors.js';
import { presentGroup } from '../presenters.js';
import type { GroupResponse } from '../schemas.js';
import { groupObject } from '../tuples.js';

export async function getGroup(deps: ModuleDeps, caller: Caller, groupId: string): Promise<GroupResponse> {
  await deps.authz.requireVisible(caller.userId, 'can_view', groupObject(groupId), groupNotFound(groupId));
  const group = await deps.uow.reader().findOne(Group, { id: groupId });
  if (!group) throw groupNotFound(groupId)();
  return presentGroup(group);
}
