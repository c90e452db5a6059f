import { explainAccess, formatPath } from '../../../authz/explain-access.js';
import type { Caller, ModuleDeps } from '../../shared/deps.js';
import { auditObjectNotFound } from '../errors.js';
import type { WhoCanQuery, WhoCanResponse } from '../schemas.js';

/**
 * Every user with `relation` on `object` (OpenFGA ListUsers: the truth), each with the paths that grant
 * it, found by walking Expand trees through the model: nothing here is written per type.
 */
export async function whoCan(deps: ModuleDeps, caller: Caller, query: WhoCanQuery): Promise<WhoCanResponse> {
  const { object, relation } = query;
  await deps.authz.requireVisible(caller.userId, 'can_audit', object, auditObjectNotFound(object));
  const [users, paths] = await Promise.all([
    deps.authz.listUsers(object, relation),
    explainAccess((o, r) => deps.authz.expand(o, r), object, relation),
  ]);
  const userIds = users.filter((u) => u.startsWith('user:') && u !== 'user:*').map((u) => u.slice('user:'.length));
  const people = await deps.uow.reader().getConnection().execute<Array<{ id: string; name: string; email: string }>>(
    `select id, name, email from users where id in (select json_array_elements_text(?::json))`,
    [JSON.stringify(userIds)],
  );
  const byId = new Map(people.map((p) => [p.id, p]));
  const items = [...users].sort().map((user) => {
    const userId = user === 'user:*' ? '*' : user.slice(user.indexOf(':') + 1);
    const found = paths.get(user) ?? paths.get('user:*') ?? [];
    return { userId, name: byId.get(userId)?.name ?? null, email: byId.get(userId)?.email ?? null, paths: found.map(formatPath) };
  });
  return { object, relation, items };
}

export const whoCanCsv = {
  filename: 'who-can',
  columns: ['object', 'relation', 'userId', 'name', 'email', 'path'],
  rows: (r: WhoCanResponse) =>
    r.items.flatMap((item) => (item.paths.length ? item.paths : ['']).map((path) => ({ object: r.object, relation: r.relation, userId: item.userId, name: item.name, email: item.email, path }))),
};
