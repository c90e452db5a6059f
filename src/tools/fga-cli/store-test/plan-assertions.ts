// Expands a store test into single assertions (one per relation, and per user × object for check
// entries with `users`/`objects`), each knowing how to ask the engine through @openfga/sdk.
import type { OpenFgaClient, TupleKey, User } from '@openfga/sdk';
import type { LoadedStoreTest } from '../store-file/read-store-file.js';
import type { TupleEntry } from '../store-file/store-file-schema.js';
import { describeError, formatList, sameMembers, type AssertionKind } from './assertion-result.js';

export interface PlannedAssertion {
  kind: AssertionKind;
  request: string;
  expected: string;
  run(client: OpenFgaClient): Promise<{ passed: boolean; got: string }>;
}

/** Store file tuples → SDK tuple keys (dropping YAML nulls the SDK would send as JSON null). */
export function toTupleKeys(tuples: TupleEntry[] | null | undefined): TupleKey[] | undefined {
  if (!tuples?.length) return undefined;
  return tuples.map(({ user, relation, object, condition }) => ({
    user,
    relation,
    object,
    ...(condition ? { condition: { name: condition.name, context: condition.context ?? {} } } : {}),
  }));
}

function describeExtras(context: Record<string, unknown> | null | undefined, contextual: TupleEntry[] | null | undefined): string {
  const parts: string[] = [];
  if (context && Object.keys(context).length > 0) parts.push(`context=${JSON.stringify(context)}`);
  if (contextual?.length) parts.push(`contextual_tuples=${contextual.length}`);
  return parts.length ? ` ${parts.join(' ')}` : '';
}

async function outcome<T>(ask: () => Promise<T>, judge: (answer: T) => { passed: boolean; got: string }) {
  try {
    return judge(await ask());
  } catch (error) {
    return { passed: false, got: describeError(error) };
  }
}

/** `type:id`, `type:id#relation` or `type:*`, as OpenFGA's CLI prints list-users results. */
export function userToString(user: User): string {
  if (user.object) return `${user.object.type}:${user.object.id}`;
  if (user.userset) return `${user.userset.type}:${user.userset.id}#${user.userset.relation}`;
  if (user.wildcard) return `${user.wildcard.type}:*`;
  return JSON.stringify(user);
}

function planChecks(test: LoadedStoreTest): PlannedAssertion[] {
  const planned: PlannedAssertion[] = [];
  for (const entry of test.check) {
    const context = entry.context ?? undefined;
    const contextualTuples = toTupleKeys(entry.contextual_tuples);
    for (const user of entry.users?.length ? entry.users : [entry.user!]) {
      for (const object of entry.objects?.length ? entry.objects : [entry.object!]) {
        for (const [relation, expected] of Object.entries(entry.assertions)) {
          planned.push({
            kind: 'check',
            request: `user=${user} relation=${relation} object=${object}${describeExtras(context, entry.contextual_tuples)}`,
            expected: String(expected),
            run: (client) => outcome(
              () => client.check({ user, relation, object, context, contextualTuples }),
              (answer) => ({ passed: answer.allowed === expected, got: String(answer.allowed) }),
            ),
          });
        }
      }
    }
  }
  return planned;
}

function planListObjects(test: LoadedStoreTest): PlannedAssertion[] {
  return test.listObjects.flatMap((entry) => Object.entries(entry.assertions).map(([relation, expectedList]) => {
    const expected = expectedList ?? [];
    const context = entry.context ?? undefined;
    return {
      kind: 'list_objects' as const,
      request: `user=${entry.user} relation=${relation} type=${entry.type}${describeExtras(context, entry.contextual_tuples)}`,
      expected: formatList(expected),
      run: (client: OpenFgaClient) => outcome(
        () => client.listObjects({ user: entry.user, relation, type: entry.type, context, contextualTuples: toTupleKeys(entry.contextual_tuples) }),
        (answer) => ({ passed: sameMembers(answer.objects ?? [], expected), got: formatList(answer.objects ?? []) }),
      ),
    };
  }));
}

function planListUsers(test: LoadedStoreTest): PlannedAssertion[] {
  return test.listUsers.flatMap((entry) => Object.entries(entry.assertions).map(([relation, expectation]) => {
    const expected = expectation?.users ?? [];
    const context = entry.context ?? undefined;
    const colon = entry.object.indexOf(':');
    const object = { type: entry.object.slice(0, colon), id: entry.object.slice(colon + 1) };
    const userFilters = entry.user_filter.map((filter) => (filter.relation ? { type: filter.type, relation: filter.relation } : { type: filter.type }));
    const filterText = userFilters.map((filter) => (filter.relation ? `${filter.type}#${filter.relation}` : filter.type)).join(',');
    return {
      kind: 'list_users' as const,
      request: `object=${entry.object} relation=${relation} user_filter=${filterText}${describeExtras(context, entry.contextual_tuples)}`,
      expected: formatList(expected),
      run: (client: OpenFgaClient) => outcome(
        () => client.listUsers({ object, relation, user_filters: userFilters, context, contextualTuples: toTupleKeys(entry.contextual_tuples) }),
        (answer) => {
          const got = (answer.users ?? []).map(userToString);
          return { passed: sameMembers(got, expected), got: formatList(got) };
        },
      ),
    };
  }));
}

export function planAssertions(test: LoadedStoreTest): PlannedAssertion[] {
  return [...planChecks(test), ...planListObjects(test), ...planListUsers(test)];
}
