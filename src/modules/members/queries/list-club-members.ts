import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, type PageQuery } from '../../shared/pagination.js';
import { nothingVisible, type VisibleIds } from '../../shared/visible-ids.js';
import type { JsonText } from '../../../http/json-text.js';
import { EMPTY_PAGE, pageBody } from '../../shared/sql-page.js';
import { clubMemberPage } from './member-rows.js';

/**
 * Youth members of a club the caller can see. Admins (can_view_all_members) and auditors
 * (can_view_all_member_profiles, without medical notes) page straight through the club in SQL, so the
 * cost does not grow with club size; everyone else asks list-objects once.
 */
export async function listClubMembers(deps: ModuleDeps, caller: Caller, clubId: string, page: PageQuery): Promise<JsonText> {
  const club = clubObject(clubId);
  const after = decodeCursor(page.cursor);
  // Seeing every member of a club entails seeing the club (fga/tests/club-access and auditors assert it), so
  // only the others are asked `can_view`: for an admin that relation would read every guardianship
  // of the club (`guardian from member`), a cost growing with the club.
  // The profiles-only question (auditors) is asked only of those who cannot see every member: most who
  // page through a club are its admins, and one question fewer is one resolution fewer per page.
  const seesAll = await deps.authz.check(caller.userId, 'can_view_all_members', club);
  const seesAllProfiles = !seesAll && (await deps.authz.check(caller.userId, 'can_view_all_member_profiles', club));
  if (!seesAll && !seesAllProfiles) await deps.authz.requireVisible(caller.userId, 'can_view', club, clubNotFound(clubId));
  const ids: VisibleIds = seesAll || seesAllProfiles ? 'all' : await deps.authz.listObjectIds(caller.userId, 'can_view', 'member');
  if (nothingVisible(ids)) return pageBody(EMPTY_PAGE);
  const full = seesAll || !seesAllProfiles;
  // The page is read once the caller's view is known: the statement reading it logs it as shown.
  const shownTo = deps.authz.pageDecision(caller.userId, full ? 'can_view' : 'can_view_profile');
  return pageBody(await clubMemberPage(deps.sql, clubId, ids, after, page.limit, full ? 'shown' : 'withheld', shownTo));
}
