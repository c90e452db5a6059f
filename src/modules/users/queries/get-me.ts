import type { Caller } from '../../shared/deps.js';
import type { UserResponse } from '../schemas.js';

/** The signed-in user: nothing to authorise, a caller may always see themselves. */
export async function getMe(caller: Caller): Promise<UserResponse> {
  return { id: caller.userId, email: caller.email, name: caller.name };
}
