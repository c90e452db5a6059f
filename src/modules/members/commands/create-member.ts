import { ulid } from 'ulid';
import { Club } from '../../clubs/entities.js';
import { clubNotFound } from '../../clubs/errors.js';
import { clubObject } from '../../clubs/tuples.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { YouthMember } from '../entities.js';
import type { CreateMemberBody } from '../schemas.js';
import { memberInClubTuples } from '../tuples.js';

export async function createMember(deps: ModuleDeps, caller: Caller, clubId: string, body: CreateMemberBody): Promise<string> {
  await deps.authz.authorize(caller.userId, 'can_manage', clubObject(clubId), { visibleWith: 'can_view', notFound: clubNotFound(clubId) });
  return deps.uow.run({ command: 'create-member', actorId: caller.userId }, async (em, tuples) => {
    if (!(await em.count(Club, { id: clubId }))) throw clubNotFound(clubId)();
    const member = em.create(YouthMember, {
      id: ulid(),
      clubId,
      firstName: body.firstName,
      lastName: body.lastName,
      dateOfBirth: body.dateOfBirth,
      medicalNotes: body.medicalNotes ?? null,
      emergencyContacts: body.emergencyContacts ?? [],
    });
    tuples.write(...memberInClubTuples(member.id, clubId));
    return member.id;
  });
}
