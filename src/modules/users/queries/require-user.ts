import type { Em } from '../../../db/orm.js';
import { User } from '../entities.js';
import { userNotFound } from '../errors.js';

/** Other modules name users by id (to make them coaches, admins, guardians): they must exist. */
export async function requireUserExists(em: Em, userId: string): Promise<void> {
  const count = await em.count(User, { id: userId });
  if (!count) throw userNotFound(userId);
}
