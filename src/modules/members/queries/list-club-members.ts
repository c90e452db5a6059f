import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { decodeCursor, type PageQuery } from '../../shared/pagination.js';
import { nothingVisible, type VisibleIds } from '../../shared/visible-ids.js';
import type { JsonText } from '../../../http/json-text.js';
import { EMPTY_PAGE, pageBody, shownRecords } from '../../shared/sql-page.js';
import { clubMemberPage } from './member-rows.js';
import { readAhead } from '../../shared/read-ahead.js';

/**
 * Youth members of a club the caller can see. Admins (can_view_all_members) and auditors
 * (can_view_all_member_profiles, without medical notes) page straight through the club in SQL, so the
 * cost does not grow with club size; everyone else asks list-objects once.
 */
export async function listClubMembers(deps: ModuleDeps, caller: Caller, clubId: string, page: PageQuery): Promise<JsonText> {
  const club = clubObject(clubId);
  // Club admins are who pages through a club: their page is read while the checks are asked (for
  // anyone else it is dropped unseen and their page read afterwards).
  const after = decodeCursor(page.cursor);
  const adminPage = readAhead(() => clubMemberPage(deps.sql, clubId, 'all', after, page.limit, 'shown'));
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
  const shown = seesAll ? await adminPage.result() : await clubMemberPage(deps.sql, clubId, ids, after, page.limit, full ? 'shown' : 'withheld');
  deps.authz.recordListed(caller.userId, full ? 'can_view' : 'can_view_profile', shownRecords(shown, 'member'));
  return pageBody(shown);
}
