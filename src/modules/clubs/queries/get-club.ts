import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Club } from '../entities.js';
import { clubNotFound } from '../errors.js';
import { presentClub } from '../presenters.js';
import type { ClubResponse } from '../schemas.js';
import { clubObject } from '../tuples.js';

export async function getClub(deps: ModuleDeps, caller: Caller, clubId: string): Promise<ClubResponse> {
  await deps.authz.requireVisible(caller.userId, 'can_view', clubObject(clubId), clubNotFound(clubId));
  const club = await deps.uow.reader().findOne(Club, { id: clubId });
  if (!club) throw clubNotFound(clubId)();
  return presentClub(club);
}
