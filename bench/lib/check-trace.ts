// Diagnostic: for each check scenario of club-queries.ts, the datastore reads a Check issues and
// their sequential depth (reads started in the same tick form one wave), on an in-memory club graph.
// Run: npx tsx bench/lib/check-trace.ts
import { transformer } from '@openfga/syntax-transformer';
import { MemoryDatastore } from '../../src/fga-engine/index.js';
import { check } from '../../src/fga-engine/resolve/index.js';
import { typesystemFor } from '../../src/fga-engine/model/index.js';
import type { Datastore } from '../../src/fga-engine/storage/datastore.js';
import { ClubGraph } from './club-graph.js';
import { CLUB_MODEL_DSL } from './club-model.js';
import { randomCheck } from './club-queries.js';
import { seededRandom } from './seeded-random.js';

const graph = new ClubGraph({ clubs: 2, groupsPerClub: 20, membersPerGroup: 30, adminsPerClub: 2, guardiansPerMember: 2 });
const datastore = new MemoryDatastore();
const storeId = '01HSTORE0000000000000000000';
await datastore.createStore({ id: storeId, name: 's', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString() } as never);
const model = { id: '01HMODEL0000000000000000000', ...(transformer.transformDSLToJSONObject(CLUB_MODEL_DSL) as object) } as never;
const tuples = [...graph.tuples()];
for (let i = 0; i < tuples.length; i += 100) await datastore.write(storeId, [], tuples.slice(i, i + 100) as never);
const typesystem = typesystemFor(model);

let wave = 0;
let waveOpen = false;
const log: string[] = [];
const traced = new Proxy(datastore, {
  get(target, prop, receiver) {
    const value = Reflect.get(target, prop, receiver);
    if (typeof value !== 'function' || !String(prop).startsWith('read')) return typeof value === 'function' ? value.bind(target) : value;
    return (...args: unknown[]) => {
      if (!waveOpen) { wave += 1; waveOpen = true; setTimeout(() => { waveOpen = false; }, 1); }
      log.push(`  w${wave} ${String(prop)} ${JSON.stringify(args[1])}`);
      // Answer a little later, as a database would, so that waves are visible.
      const result = (value as (...a: unknown[]) => unknown).apply(target, args);
      return new Promise((resolve) => setTimeout(() => resolve(result), 2));
    };
  },
}) as Datastore;

const random = seededRandom(7);
const seen = new Set<string>();
for (let n = 0; n < 400 && seen.size < 40; n++) {
  const c = randomCheck(graph, random);
  const key = `${c.relation}/${c.expected}/${c.user.replace(/-.*/, '')}/${c.object.split(':')[0]}`;
  if (seen.has(key)) continue;
  seen.add(key);
  wave = 0; log.length = 0;
  const allowed = await check({ datastore: traced, storeId, typesystem }, c);
  await new Promise((r) => setTimeout(r, 30));
  console.log(`${key}: allowed ${allowed} (expected ${c.expected}), waves ${wave}, reads ${log.length}`);
  if (process.env.VERBOSE) console.log(log.join('\n'));
}
