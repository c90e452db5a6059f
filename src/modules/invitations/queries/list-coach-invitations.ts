import { groupNotFound } from '../../groups/errors.js';
import { groupObject } from '../../groups/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { idFilter } from '../../shared/visible-ids.js';
import { JoinInvitation } from '../entities.js';
import { presentInvitation } from '../presenters.js';
import type { InvitationResponse } from '../schemas.js';

/** Invitations to coach a group (every status), for those who may appoint its coaches: one check, one query. */
export async function listCoachInvitations(deps: ModuleDeps, caller: Caller, groupId: string, page: PageQuery): Promise<Page<InvitationResponse>> {
  await deps.authz.authorize(caller.userId, 'can_manage_coach_invitations', groupObject(groupId), { visibleWith: 'can_view', notFound: groupNotFound(groupId) });
  const id = idFilter('all', decodeCursor(page.cursor));
  const rows = await deps.uow.reader().find(JoinInvitation, { groupId, kind: 'coach', ...(id && { id }) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
  const result = toPage(rows, page.limit);
  const now = new Date();
  return { items: result.items.map((i) => presentInvitation(i, now)), nextCursor: result.nextCursor };
}
