import { ulid } from 'ulid';
import { Club } from '../../clubs/entities.js';
import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { Group } from '../entities.js';
import type { CreateGroupBody } from '../schemas.js';
import { groupInClubTuples } from '../tuples.js';

export async function createGroup(deps: ModuleDeps, caller: Caller, clubId: string, body: CreateGroupBody): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  return deps.uow.run({ command: 'create-group', actorId: caller.userId }, async (em, tuples) => {
    if (!(await em.count(Club, { id: clubId }))) throw clubNotFound(clubId)();
    const group = em.create(Group, { id: ulid(), clubId, name: body.name, season: body.season ?? null, ageGroup: body.ageGroup ?? null });
    tuples.write(...groupInClubTuples(group.id, clubId));
    return group.id;
  });
}
