import { memberNotFound } from '../../members/errors.js';
import { memberObject } from '../../members/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, toPage, type Page, type PageQuery } from '../../shared/pagination.js';
import { idFilter } from '../../shared/visible-ids.js';
import { JoinInvitation } from '../entities.js';
import { presentInvitation } from '../presenters.js';
import type { InvitationResponse } from '../schemas.js';

/** Invitations to become a child's guardian (every status), for those who may add guardians: one check, one query. */
export async function listGuardianInvitations(deps: ModuleDeps, caller: Caller, memberId: string, page: PageQuery): Promise<Page<InvitationResponse>> {
  await deps.authz.authorize(caller.userId, 'can_manage_guardians', memberObject(memberId), { visibleWith: 'can_view_profile', notFound: memberNotFound(memberId) });
  const id = idFilter('all', decodeCursor(page.cursor));
  const rows = await deps.uow.reader().find(JoinInvitation, { memberId, kind: 'guardian', ...(id && { id }) }, { orderBy: { id: 'asc' }, limit: page.limit + 1 });
  const result = toPage(rows, page.limit);
  const now = new Date();
  return { items: result.items.map((i) => presentInvitation(i, now)), nextCursor: result.nextCursor };
}
