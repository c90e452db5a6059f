// The operations the FGA benchmark measures, each a request factory over @openfga/sdk that also
// checks the answer (a fast wrong answer is not a result): check, batch-check, list-objects,
// list-users, and GET /healthz through the same SDK request pipeline as the baseline.
import type { OpenFgaClient } from '@openfga/sdk';
import type { ClubGraph } from './club-graph.js';
import { randomCheck, randomCoachListObjects, randomMemberListUsers } from './club-queries.js';
import type { Random } from './seeded-random.js';

export const BATCH_CHECK_SIZE = 10;

export interface Operation {
  /** Key in the benchmark's JSON line. */
  key: 'check' | 'batchCheck' | 'listObjects' | 'listUsers' | 'healthz';
  label: string;
  /** One request; increments `wrong.count` when the engine's answer is not the graph's. */
  request(): Promise<void>;
}

export interface WrongAnswers { count: number; example?: string }

function sameSet(got: string[], expected: string[]): boolean {
  if (got.length !== expected.length) return false;
  const wanted = new Set(expected);
  return got.every((item) => wanted.has(item));
}

export function fgaOperations(client: OpenFgaClient, graph: ClubGraph, random: Random, wrong: WrongAnswers): Operation[] {
  const note = (example: string) => { wrong.count += 1; wrong.example ??= example; };
  const groupSizes = new Map<number, number>();
  const membersOfGroup = (g: number) => {
    if (!groupSizes.has(g)) groupSizes.set(g, graph.membersOfGroup(g));
    return groupSizes.get(g)!;
  };
  return [
    {
      key: 'healthz',
      label: 'GET /healthz',
      request: async () => { await client.executeApiRequest({ operationName: 'Healthz', method: 'GET', path: '/healthz' }); },
    },
    {
      key: 'check',
      label: 'check',
      request: async () => {
        const { expected, ...tuple } = randomCheck(graph, random);
        const { allowed } = await client.check(tuple);
        if (allowed !== expected) note(`check ${tuple.user} ${tuple.relation} ${tuple.object}: got ${allowed}`);
      },
    },
    {
      key: 'batchCheck',
      label: `batch-check (${BATCH_CHECK_SIZE})`,
      request: async () => {
        const cases = Array.from({ length: BATCH_CHECK_SIZE }, () => randomCheck(graph, random));
        const { result } = await client.batchCheck({
          checks: cases.map(({ user, relation, object }, index) => ({ user, relation, object, correlationId: `c${index}` })),
        });
        for (const item of result) {
          const expected = cases[Number(item.correlationId.slice(1))]?.expected;
          if (item.allowed !== expected || item.error) note(`batch-check ${JSON.stringify(item.request)}: got ${item.allowed} ${item.error?.message ?? ''}`);
        }
        if (result.length !== cases.length) note(`batch-check: ${result.length} results for ${cases.length} checks`);
      },
    },
    {
      key: 'listObjects',
      label: "list-objects (coach's members)",
      request: async () => {
        const { expectedCount, ...body } = randomCoachListObjects(graph, random, membersOfGroup);
        const { objects } = await client.listObjects(body);
        if (objects.length !== expectedCount) note(`list-objects ${body.user}: ${objects.length} objects, expected ${expectedCount}`);
      },
    },
    {
      key: 'listUsers',
      label: 'list-users (who can view a member)',
      request: async () => {
        const { expected, ...body } = randomMemberListUsers(graph, random);
        const { users } = await client.listUsers({ ...body, user_filters: [{ type: 'user' }] });
        const got = users.map((user) => (user.object ? `${user.object.type}:${user.object.id}` : JSON.stringify(user)));
        if (!sameSet(got, expected)) note(`list-users ${body.object.type}:${body.object.id}: got ${got.length} users, expected ${expected.length}`);
      },
    },
  ];
}
