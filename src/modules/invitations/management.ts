import { groupNotFound } from '../groups/errors.js';
import { groupObject, manageCoachPermission } from '../groups/tuples.js';
import { memberNotFound } from '../members/errors.js';
import { memberObject } from '../members/tuples.js';
import type { JoinInvitation } from './entities.js';

/**
 * Which permission governs an invitation: the one that grants the same relation directly (appointing a
 * head or an assistant coach, adding a guardian), on the group or member it is for. `visibleWith` is who
 * sees the invitations at all (others get a 404).
 */
export function managementRule(i: Pick<JoinInvitation, 'kind' | 'groupId' | 'memberId' | 'role'>) {
  return i.kind === 'coach'
    ? { permission: manageCoachPermission(i.role ?? 'assistant'), object: groupObject(i.groupId!), visibleWith: 'can_manage_coach_invitations', notFound: groupNotFound(i.groupId!) }
    : { permission: 'can_manage_guardians', object: memberObject(i.memberId!), visibleWith: 'can_manage_guardians', notFound: memberNotFound(i.memberId!) };
}
