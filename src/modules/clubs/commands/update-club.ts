import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Club } from '../entities.js';
import { clubNotFound } from '../errors.js';
import type { UpdateClubBody } from '../schemas.js';
import { clubObject } from '../tuples.js';

export async function updateClub(deps: ModuleDeps, caller: Caller, clubId: string, body: UpdateClubBody): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  return deps.uow.run({ command: 'update-club', actorId: caller.userId }, async (em) => {
    const club = await em.findOne(Club, { id: clubId });
    if (!club) throw clubNotFound(clubId)();
    em.assign(club, body);
    return club.id;
  });
}
