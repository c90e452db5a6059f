import { JsonText } from '../../../http/json-text.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { readAhead } from '../../shared/read-ahead.js';
import { memberNotFound } from '../errors.js';
import { memberObject } from '../tuples.js';
import { memberById } from './member-rows.js';

/**
 * A youth member's profile: in full (medical notes included) for those the model lets `can_view` it;
 * without medical notes for those it lets only `can_view_profile` (auditors); 404 for everyone else.
 * The full profile is read while the check is asked; the other only once it is known to be wanted.
 */
export async function getMember(deps: ModuleDeps, caller: Caller, memberId: string): Promise<JsonText> {
  const object = memberObject(memberId);
  const fullProfile = readAhead(() => memberById(deps.sql, memberId, 'shown'));
  const full = await deps.authz.check(caller.userId, 'can_view', object);
  if (!full) await deps.authz.requireVisible(caller.userId, 'can_view_profile', object, memberNotFound(memberId));
  const member = full ? await fullProfile.result() : await memberById(deps.sql, memberId, 'withheld');
  if (!member) throw memberNotFound(memberId)();
  return new JsonText(member.json);
}
