import { ulid } from 'ulid';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Club, ClubAdmin } from '../entities.js';
import type { CreateClubBody } from '../schemas.js';
import { clubAdminTuple } from '../tuples.js';

/** Anyone signed in may found a club; its creator becomes its first admin. */
export async function createClub(deps: ModuleDeps, caller: Caller, body: CreateClubBody): Promise<string> {
  return deps.uow.run({ command: 'create-club', actorId: caller.userId }, async (em, tuples) => {
    const club = em.create(Club, { id: ulid(), name: body.name, timezone: body.timezone ?? 'UTC' });
    em.create(ClubAdmin, { clubId: club.id, userId: caller.userId });
    tuples.write(clubAdminTuple(club.id, caller.userId));
    return club.id;
  });
}
