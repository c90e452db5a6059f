// Runs one conformance case directly against the engine's functions on a MemoryDatastore: stages
// share one store; each list result is re-checked; optionally every stage tuple is sent as a
// contextual tuple instead of being written (upstream's "_ctxTuples" variant, single-stage only).
import { ulid } from 'ulid';
import { transformer } from '@openfga/syntax-transformer';
import { MemoryDatastore } from '../../../../src/fga-engine/storage/memory.js';
import type { AuthorizationModel, TupleKey } from '../../../../src/fga-engine/types.js';
import { FgaError, ERROR_CODES } from '../../../../src/fga-engine/errors.js';
import { typesystemFor, validateAuthorizationModel, validateTupleForWrite } from '../../../../src/fga-engine/model/index.js';
import { check, listObjects, listUsers, type FgaUser, type ResolveContext } from '../../../../src/fga-engine/resolve/index.js';
import type { ConformanceCase } from './cases.js';

export interface Failure {
  where: string;
  expected: unknown;
  got: unknown;
}

function outcomeOf(e: unknown): string {
  if (e instanceof FgaError) return `error ${ERROR_CODES[e.code as keyof typeof ERROR_CODES] ?? e.code} (${e.message})`;
  return `exception ${(e as Error).stack ?? String(e)}`;
}

function codeOf(e: unknown): number | undefined {
  return e instanceof FgaError ? ERROR_CODES[e.code as keyof typeof ERROR_CODES] : undefined;
}

export function userToString(u: FgaUser): string {
  if (u.object) return `${u.object.type}:${u.object.id}`;
  if (u.wildcard) return `${u.wildcard.type}:*`;
  return `${u.userset!.type}:${u.userset!.id}#${u.userset!.relation}`;
}

function sameSet(a: string[], b: string[]): boolean {
  const sa = [...a].sort();
  const sb = [...b].sort();
  return sa.length === sb.length && sa.every((x, i) => x === sb[i]);
}

// FGA_HARNESS_APIS=check,listObjects,listUsers narrows a debugging run to some APIs.
const apis = new Set((process.env.FGA_HARNESS_APIS ?? 'check,listObjects,listUsers').split(','));

export async function runCase(testCase: ConformanceCase, asContextual: boolean): Promise<{ failures: Failure[]; assertions: number }> {
  const datastore = new MemoryDatastore();
  const storeId = ulid();
  const failures: Failure[] = [];
  let assertions = 0;

  for (const [stageIndex, stage] of testCase.stages.entries()) {
    const where = (kind: string, i: number) => `${testCase.name}${asContextual ? ' (ctx)' : ''} stage ${stageIndex} ${kind} #${i}`;
    const model = { ...transformer.transformDSLToJSONObject(stage.model), id: ulid() } as unknown as AuthorizationModel;
    validateAuthorizationModel(model);
    await datastore.writeAuthorizationModel(storeId, model);
    const typesystem = typesystemFor(model);
    const tuples = stage.tuples ?? [];
    if (!asContextual && tuples.length > 0) {
      for (const tk of tuples) validateTupleForWrite(typesystem, tk);
      for (let i = 0; i < tuples.length; i += 40) await datastore.write(storeId, [], tuples.slice(i, i + 40));
    }
    const ctxFor = (contextual: TupleKey[] | undefined, context: Record<string, unknown> | undefined): ResolveContext => ({
      datastore, storeId, typesystem, context,
      contextualTuples: [...(contextual ?? []), ...(asContextual ? tuples : [])],
    });

    for (const [i, a] of (apis.has('check') ? stage.checkAssertions ?? [] : []).entries()) {
      if (a.temporarilySkipReason) continue;
      assertions++;
      const ctx = ctxFor(a.contextualTuples, a.context);
      try {
        const allowed = await check(ctx, a.tuple);
        if (a.errorCode) failures.push({ where: where('check', i), expected: `error ${a.errorCode}`, got: allowed });
        else if (allowed !== Boolean(a.expectation)) failures.push({ where: where('check', i), expected: Boolean(a.expectation), got: allowed });
      } catch (e) {
        if (!a.errorCode || codeOf(e) !== a.errorCode) failures.push({ where: where('check', i), expected: a.errorCode ? `error ${a.errorCode}` : a.expectation, got: outcomeOf(e) });
      }
    }

    for (const [i, a] of (apis.has('listObjects') ? stage.listObjectsAssertions ?? [] : []).entries()) {
      if (a.temporarilySkipReason) continue;
      assertions++;
      const ctx = ctxFor(a.request.contextualTuples ?? a.contextualTuples, a.request.context ?? a.context);
      try {
        const objects = await listObjects(ctx, a.request);
        const expected = a.expectation ?? [];
        if (a.errorCode) failures.push({ where: where('listObjects', i), expected: `error ${a.errorCode}`, got: objects });
        else if (!sameSet(objects, expected)) failures.push({ where: where('listObjects', i), expected, got: objects });
        else {
          for (const object of objects) {
            const allowed = await check(ctx, { object, relation: a.request.relation, user: a.request.user }).catch((e) => outcomeOf(e));
            if (allowed !== true) failures.push({ where: where('listObjects re-check', i), expected: `${object} allowed`, got: allowed });
          }
        }
      } catch (e) {
        if (!a.errorCode || codeOf(e) !== a.errorCode) failures.push({ where: where('listObjects', i), expected: a.errorCode ? `error ${a.errorCode}` : a.expectation, got: outcomeOf(e) });
      }
    }

    for (const [i, a] of (apis.has('listUsers') ? stage.listUsersAssertions ?? [] : []).entries()) {
      if (a.temporarilySkipReason) continue;
      assertions++;
      const ctx = ctxFor(a.request.contextualTuples ?? a.contextualTuples, a.request.context ?? a.context);
      const userFilters = a.request.filters.map((f) => {
        const [type, relation] = f.split('#');
        return relation ? { type, relation } : { type };
      });
      try {
        const users = (await listUsers(ctx, { object: a.request.object, relation: a.request.relation, userFilters })).map(userToString);
        const expected = a.expectation ?? [];
        if (a.errorCode) failures.push({ where: where('listUsers', i), expected: `error ${a.errorCode}`, got: users });
        else if (!sameSet(users, expected)) failures.push({ where: where('listUsers', i), expected, got: users });
        else {
          for (const user of users) {
            const allowed = await check(ctx, { object: a.request.object, relation: a.request.relation, user }).catch((e) => outcomeOf(e));
            if (allowed !== true) failures.push({ where: where('listUsers re-check', i), expected: `${user} allowed`, got: allowed });
          }
        }
      } catch (e) {
        if (!a.errorCode || codeOf(e) !== a.errorCode) failures.push({ where: where('listUsers', i), expected: a.errorCode ? `error ${a.errorCode}` : a.expectation, got: outcomeOf(e) });
      }
    }
  }
  return { failures, assertions };
}
