// `npm run bench:api`: the Touchline API end to end (token auth, OpenFGA checks and list-objects on
// the embedded engine over PostgreSQL, SQL, decision log) on a seeded 50-club dataset, driven by
// autocannon at 1, 16 and 50 connections, against a bare Express "hello" baseline in its own
// process. Prints a table and the targets, then one JSON line. Exit 1 on any non-2xx/error.
//
// The baseline is sampled throughout the run — before each scenario and once at the end — and its
// figure per concurrency is the sample with the median req/s: on a shared machine whose speed drifts
// by a fifth within minutes, one sample taken after every scenario made the ratios drift with it.
//
//   --duration S     measured seconds per cell (5), after --warmup S (1)
//   --scenario-warmup S  unmeasured seconds of each scenario at 16 connections before its first cell (10):
//                    the figures are the service's steady state. Fresh on a path, the API served 25–50%
//                    fewer requests for its first ~5 s (code not yet optimised by V8, authorisation
//                    reads not yet cached), which one second's warm-up per cell left inside the c16 cell.
//   --scale N        dataset size factor (1 = 50 clubs, 1,000 groups, 20,000 members, ≈ 220k tuples)
//   --scenarios a,b  subset of memberProfile,roster,myChildren,clubMembers,writes
//   --size-check     afterwards seed a 5× larger dataset (clubs 5× bigger) and compare list p99 at c1: with
//                    both datasets served at once, five c1 cells on each, taken in turns (small, large,
//                    small, …), and the median p99 of each side. One cell's p99, a few ms, moves by half
//                    with a single stall (a checkpoint, a GC pause), and this machine's speed drifts
//                    within minutes: cells in turns see the same drift, where three cells on one dataset
//                    and then three on the other compared two moments as much as two sizes.
//   --api-processes N  API processes serving the port (API_PROCESSES, 1: on this 2-vCPU machine a second
//                      process wins at 50 connections but loses at 16, where both vCPUs are already busy)
//
// The server under test is `src/main.ts --role api`, as users run it, on the seeded database.
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runCell, warmUp, type CellResult } from './lib/autocannon-cell.js';
import { SCENARIO_KEYS, type Scenario } from './lib/api-scenarios.js';
import { setUpBench } from './lib/api-bench-setup.js';
import { startApiProcesses, type ApiServer } from './lib/api-processes.js';
import { startChildServer } from './lib/child-server.js';
import { roundTo } from './lib/latency-stats.js';
import { formatTable } from './lib/report-table.js';

const { values } = parseArgs({ options: {
  duration: { type: 'string', default: '5' }, warmup: { type: 'string', default: '1' }, 'scenario-warmup': { type: 'string', default: '10' }, scale: { type: 'string', default: '1' },
  scenarios: { type: 'string', default: SCENARIO_KEYS.join(',') }, 'size-check': { type: 'boolean', default: false },
  'api-processes': { type: 'string', default: '1' },
} });
const apiProcesses = Number(values['api-processes']);
const seconds = Number(values.duration);
const warmupSeconds = Number(values.warmup);
const scenarioWarmupSeconds = Number(values['scenario-warmup']);
const scale = Number(values.scale);
const wanted = values.scenarios.split(',').map((s) => s.trim()).filter(Boolean);
const unknown = wanted.filter((k) => !(SCENARIO_KEYS as readonly string[]).includes(k));
if (unknown.length || !(seconds > 0) || !(scale > 0) || !(scenarioWarmupSeconds >= 0) || !Number.isInteger(apiProcesses) || apiProcesses < 1) throw new Error(`bad options: ${unknown.length ? `unknown scenarios ${unknown}` : '--duration and --scale must be > 0, --api-processes a whole number ≥ 1'}`);
const CONCURRENCIES = [1, 16, 50] as const;
const log = (line: string) => process.stderr.write(`${line}\n`);
type Cells = Map<number, CellResult>;
type SizeCheck = { p99Small: number; p99Large: number; growth: number; pass: boolean };

async function measure(url: string, scenario: Pick<Scenario, 'key' | 'sync'> & { next: () => ReturnType<ReturnType<Scenario['source']>> }, concurrencies: readonly number[]): Promise<Cells> {
  const cells: Cells = new Map();
  if (scenario.key !== 'baseline' && scenarioWarmupSeconds > 0) {
    await scenario.sync?.();
    await warmUp({ url, connections: 16, seconds: scenarioWarmupSeconds, next: scenario.next });
  }
  for (const connections of concurrencies) {
    await scenario.sync?.();
    const result = await runCell({ url, connections, seconds, warmupSeconds, next: scenario.next, afterWarmup: scenario.sync });
    cells.set(connections, result);
    log(`  ${scenario.key} c${connections}: p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms, ${Math.round(result.rps)} req/s${result.non2xx || result.errors ? `, ${result.non2xx} non-2xx (first ${result.firstBadStatus}), ${result.errors} errors` : ''}`);
  }
  return cells;
}

async function main(): Promise<void> {
  const started = performance.now();
  log(`api bench: scale ${scale}, ${seconds} s per cell after ${warmupSeconds} s warm-up (and ${scenarioWarmupSeconds} s per scenario first), API_PROCESSES=${apiProcesses}; rate limits disabled (RATE_LIMIT_PER_USER_PER_MINUTE=0, RATE_LIMIT_PER_IP_PER_MINUTE=0), LOG_LEVEL=silent`);
  const hello = await startChildServer(fileURLToPath(new URL('./lib/hello-server-process.ts', import.meta.url)));
  const results = new Map<string, Cells>();
  let facts: Record<string, unknown> = {};
  let sizeCheck: Record<string, SizeCheck> | undefined;
  try {
    const setup = await setUpBench(scale, log);
    facts = { ...setup.facts, apiProcesses, scenarioWarmupSeconds };
    let server: ApiServer | undefined;
    const baselineSamples: Cells[] = [];
    const sampleBaseline = async () => baselineSamples.push(await measure(hello.url, { key: 'baseline', next: () => ({ method: 'GET', path: '/hello' }) }, CONCURRENCIES));
    try {
      server = await startServer(setup.api.databaseUrl, setup.tokens);
      for (const scenario of setup.scenarios.filter((s) => wanted.includes(s.key))) {
        await sampleBaseline();
        results.set(scenario.key, await measure(server.url, { ...scenario, next: scenario.source(setup.tokens) }, CONCURRENCIES));
      }
      await sampleBaseline();
      results.set('baseline', medianCells(baselineSamples));
      log(`  baseline req/s per sample: ${CONCURRENCIES.map((c) => `c${c} ${baselineSamples.map((cells) => Math.round(cells.get(c)!.rps)).join('/')}`).join(', ')}`);
      if (values['size-check']) {
        // A fresh API process, as the larger dataset's will be: both sides start from the same state.
        await server.stop();
        server = await startServer(setup.api.databaseUrl, setup.tokens);
        const checked = await checkSize({ ...setup, server });
        sizeCheck = checked.sizeCheck;
        facts = { ...facts, sizeCheckDataset: checked.facts };
      }
    } finally {
      await server?.stop();
      await setup.api.stop();
    }
  } finally {
    await hello.stop();
  }
  report(results, facts, sizeCheck, (performance.now() - started) / 1000);
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

type Served = { server: ApiServer; scenarios: Scenario[]; tokens: Map<string, string> };
const SIZE_CHECK_CELLS = 5;

/**
 * Seeds a dataset with clubs 5× larger and serves it beside `small` (still up), then per list scenario
 * warms both and takes c1 cells in turns, comparing the median p99 of each side.
 */
async function checkSize(small: Served): Promise<{ sizeCheck: Record<string, SizeCheck>; facts: Record<string, unknown> }> {
  log(`size check: a dataset with clubs 5× larger (scale ${scale * 5}), served beside the first; ${SIZE_CHECK_CELLS} c1 cells on each, in turns`);
  const large = await setUpBench(scale * 5, log);
  const sizeCheck: Record<string, SizeCheck> = {};
  let server: ApiServer | undefined;
  try {
    server = await startServer(large.api.databaseUrl, large.tokens);
    const sides: Served[] = [small, { ...large, server }];
    for (const key of large.scenarios.filter((s) => s.kind === 'list' && wanted.includes(s.key)).map((s) => s.key)) {
      const runs = sides.map((side) => {
        const scenario = side.scenarios.find((s) => s.key === key)!;
        return { url: side.server.url, scenario, next: scenario.source(side.tokens), p99s: [] as number[], p50s: [] as number[] };
      });
      for (const run of runs) await warmUp({ url: run.url, connections: 16, seconds: scenarioWarmupSeconds, next: run.next });
      for (let i = 0; i < SIZE_CHECK_CELLS; i++) {
        for (const run of runs) {
          await run.scenario.sync?.();
          const cell = await runCell({ url: run.url, connections: 1, seconds, warmupSeconds, next: run.next, afterWarmup: run.scenario.sync });
          run.p99s.push(cell.p99);
          run.p50s.push(cell.p50);
        }
      }
      const [p99Small, p99Large] = runs.map((run) => median(run.p99s));
      const cells = (ms: number[]) => ms.map((p) => p.toFixed(2)).join('/');
      log(`  ${key} c1 p99s: ${cells(runs[0].p99s)} ms, 5× clubs ${cells(runs[1].p99s)} ms (p50s ${cells(runs[0].p50s)} and ${cells(runs[1].p50s)} ms)`);
      sizeCheck[key] = { p99Small: roundTo(p99Small, 2), p99Large: roundTo(p99Large, 2), growth: roundTo(p99Large / p99Small, 2), pass: p99Large <= 1.5 * p99Small };
    }
  } finally {
    await server?.stop();
    await large.api.stop();
  }
  return { sizeCheck, facts: large.facts };
}

/** Per concurrency, the sample whose req/s is the median (the lower middle one of an even count). */
function medianCells(samples: Cells[]): Cells {
  return new Map(CONCURRENCIES.map((c) => {
    const sorted = samples.map((cells) => cells.get(c)!).sort((a, b) => a.rps - b.rps);
    return [c, sorted[Math.floor((sorted.length - 1) / 2)]];
  }));
}

/** main.ts on the seeded database; every actor signs in once on it first (the bench measures returning users). */
async function startServer(databaseUrl: string, tokens: Map<string, string>): Promise<ApiServer> {
  const server = await startApiProcesses(databaseUrl, apiProcesses);
  const all = [...tokens.values()];
  for (let i = 0; i < all.length; i += 25) {
    await Promise.all(all.slice(i, i + 25).map(async (token) => {
      const res = await fetch(`${server.url}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
      if (res.status !== 200) throw new Error(`sign-in on the API processes answered ${res.status}`);
    }));
  }
  log(`  ${apiProcesses} API process${apiProcesses > 1 ? 'es' : ''} (src/main.ts --role api) serving ${server.url}`);
  return server;
}

function report(results: Map<string, Cells>, facts: Record<string, unknown>, sizeCheck: Record<string, { growth: number; pass: boolean }> | undefined, totalSeconds: number): void {
  const ratio = (key: string, c: number) => roundTo(results.get(key)!.get(c)!.rps / results.get('baseline')!.get(c)!.rps, 3);
  const rows = [...results].flatMap(([key, cells]) => [...cells].map(([c, r]) => [key, c, r.p50, r.p99, r.max, Math.round(r.rps), ratio(key, c), r.count, r.non2xx, r.errors]));
  console.log(formatTable(['scenario', 'conc', 'p50 ms', 'p99 ms', 'max ms', 'req/s', 'x baseline', 'ok requests', 'non-2xx', 'errors'], rows));
  const targets: Array<[string, boolean]> = [];
  for (const key of ['memberProfile', 'roster', 'myChildren', 'clubMembers'].filter((k) => results.has(k))) {
    targets.push([`${key}: p99 ≤ 15 ms at c1 (${results.get(key)!.get(1)!.p99.toFixed(2)})`, results.get(key)!.get(1)!.p99 <= 15]);
    targets.push([`${key}: ratio ≥ 0.3 at c16 (${ratio(key, 16)})`, ratio(key, 16) >= 0.3]);
  }
  for (const [key, s] of Object.entries(sizeCheck ?? {})) targets.push([`${key}: p99 at c1 grows ≤ 1.5× on 5× clubs (${s.growth}×)`, s.pass]);
  if (!sizeCheck) console.log('size check not run (use --size-check: seeds a second dataset with clubs 5× larger)');
  for (const [label, pass] of targets) console.log(`${pass ? 'PASS' : 'FAIL'}  ${label}`);
  const failures = [...results].flatMap(([key, cells]) => [...cells].filter(([, r]) => r.non2xx + r.errors > 0 || r.count === 0)
    // A cell with no answer at all (every request still pending when it ended) failed too.
    .map(([c, r]) => `${key} c${c}: ${r.non2xx} non-2xx, ${r.errors} errors/timeouts${r.count === 0 ? ', no successful response' : ''}`));
  if (failures.length) console.log(`ERRORS: ${failures.join('; ')}`);
  console.log(`total ${totalSeconds.toFixed(0)} s`);
  const json: Record<string, unknown> = Object.fromEntries([...results].map(([key, cells]) => [key, Object.fromEntries([...cells].map(([c, r]) => [`c${c}`, { p50: roundTo(r.p50, 2), p99: roundTo(r.p99, 2), rps: Math.round(r.rps), ratio: ratio(key, c) }]))]));
  console.log(JSON.stringify({ ...json, dataset: facts, sizeCheck: sizeCheck ?? null, targetsPassed: targets.every(([, p]) => p), errors: failures.length }));
  if (failures.length) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
