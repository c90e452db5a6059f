// A listUsersAssertions entry: ListUsers must return the expected users (order-free) or fail with
// the expected code, and every user returned must pass a Check (counted inside this assertion).
import type { User } from '@openfga/sdk';
import type { ListUsersAssertionSpec } from './case-spec.js';
import { recheck } from './check-assertion.js';
import { describeFailure, errorCodeName, formatFailure, matchesErrorCode } from './sdk-failure.js';
import type { AssertionResult, StageRun } from './stage-run.js';
import { contextualTuplesFor, formatList, sameElements } from './stage-run.js';

/** `type:id`, `type:id#relation` or `type:*`, as the YAML expectations spell users. */
export function userToString(user: User): string {
  if (user.object) return `${user.object.type}:${user.object.id}`;
  if (user.userset) return `${user.userset.type}:${user.userset.id}#${user.userset.relation}`;
  if (user.wildcard) return `${user.wildcard.type}:*`;
  return JSON.stringify(user);
}

function splitAt(value: string, separator: string): [string, string | undefined] {
  const i = value.indexOf(separator);
  return i < 0 ? [value, undefined] : [value.slice(0, i), value.slice(i + 1)];
}

export async function runListUsersAssertion(run: StageRun, a: ListUsersAssertionSpec): Promise<AssertionResult> {
  const { object, relation, filters } = a.request;
  const assertion = `list-users ${object}#${relation} for ${filters.join(', ')}`;
  const [type, id] = splitAt(object, ':');
  const userFilters = filters.map((f) => {
    const [filterType, filterRelation] = splitAt(f, '#');
    return filterRelation === undefined ? { type: filterType } : { type: filterType, relation: filterRelation };
  });
  let users: string[];
  try {
    const response = await run.client.listUsers(
      {
        object: { type, id: id ?? '' },
        relation,
        user_filters: userFilters,
        contextualTuples: contextualTuplesFor(run, a.contextualTuples),
        context: a.context,
      },
      run.options,
    );
    users = response.users.map(userToString);
  } catch (err) {
    const failure = describeFailure(err);
    const expected = a.errorCode ? `error 400 ${errorCodeName(a.errorCode)}` : formatList(a.expectation);
    return { assertion, expected, got: formatFailure(failure), passed: !!a.errorCode && matchesErrorCode(failure, a.errorCode) };
  }
  if (a.errorCode) return { assertion, expected: `error 400 ${errorCodeName(a.errorCode)}`, got: formatList(users), passed: false };

  const expected = formatList(a.expectation);
  const problems: string[] = [];
  if (!sameElements(users, a.expectation)) problems.push(formatList(users));
  const rechecks = await Promise.all(users.map((user) => recheck(run, { object, relation, user }, a.contextualTuples, a.context)));
  problems.push(...rechecks.filter((p): p is string => p !== undefined));
  return { assertion, expected, passed: problems.length === 0, got: problems.length ? problems.join('; ') : expected };
}
