// `npm run soak -- --minutes 10`: a mixed workload (coach profile and roster reads, guardian and admin
// lists, a few admin writes) against the API for the given time, sampling the API process's heap
// after a full GC (the child runs with --expose-gc) and its RSS every --sample seconds after a
// warm-up. Fails (exit 1) when heap-after-GC grows more than 5% from the mean of the first third of
// the samples to the mean of the last third, or on any non-2xx. Writes bench/out/soak.svg.
//
//   --minutes M (10)  --scale N (1: the bench:api dataset)  --connections C (8)  --sample S (10)
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { callRequest, type Call } from './lib/autocannon-cell.js';
import { setUpBench } from './lib/api-bench-setup.js';
import { formatTable } from './lib/report-table.js';
import { seededRandom } from './lib/seeded-random.js';
import { lineChartSvg } from './lib/svg-plot.js';

const { values } = parseArgs({ options: {
  minutes: { type: 'string', default: '10' }, scale: { type: 'string', default: '1' },
  connections: { type: 'string', default: '8' }, sample: { type: 'string', default: '10' },
} });
const minutes = Number(values.minutes);
const sampleSeconds = Number(values.sample);
const connections = Number(values.connections);
if (!(minutes > 0) || !(sampleSeconds > 0) || !(connections > 0)) throw new Error('--minutes, --sample and --connections must be > 0');
const log = (line: string) => process.stderr.write(`${line}\n`);
// Requests per scenario in each round of the mix: mostly reads, as a club's traffic is.
const MIX: Record<string, number> = { memberProfile: 30, roster: 25, myChildren: 25, clubMembers: 10, writes: 10 };
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const durationS = Math.round(minutes * 60);
  const warmupS = Math.min(60, Math.max(sampleSeconds, durationS / 6));
  log(`soak: ${minutes} min, ${connections} connections, samples every ${sampleSeconds} s after ${warmupS} s warm-up; rate limits disabled, LOG_LEVEL=silent`);
  const setup = await setUpBench(Number(values.scale), log, ['--expose-gc']);
  const samples: Array<{ t: number; heapMB: number; rssMB: number; rps: number }> = [];
  let ok = 0;
  let non2xx = 0;
  let lastStatus: number | undefined;
  let errors = 0;
  try {
    const random = seededRandom(42);
    for (const s of setup.scenarios) await s.sync?.();
    const sources = setup.scenarios.map((s) => ({ weight: MIX[s.key] ?? 0, next: s.source(setup.tokens) }));
    const total = sources.reduce((sum, s) => sum + s.weight, 0);
    const next = (): Call => {
      let pick = random.int(total);
      for (const s of sources) { if (pick < s.weight) return s.next(); pick -= s.weight; }
      return sources[0].next();
    };
    const first = await setup.api.memory();
    if (!first.gc) throw new Error('the API process has no global.gc (it must run with --expose-gc)');
    const started = performance.now();
    let windowOk = 0;
    const run = new Promise<void>((resolve, reject) => {
      const instance = (autocannon as unknown as (o: object, cb: (err: Error | null, r: { errors: number; timeouts: number }) => void) => NodeJS.EventEmitter)({
        url: setup.api.url, connections, duration: durationS, timeout: 10,
        requests: [callRequest(next)],
      }, (err, result) => { if (err) reject(err); else { errors = result.errors + result.timeouts; resolve(); } });
      instance.on('response', (_c: unknown, status: number) => { if (status >= 200 && status < 300) { ok++; windowOk++; } else { non2xx++; lastStatus = status; } });
    });
    const sampler = (async () => {
      await new Promise((r) => setTimeout(r, warmupS * 1000));
      windowOk = 0;
      let windowStart = performance.now();
      while ((performance.now() - started) / 1000 < durationS - sampleSeconds / 2) {
        await new Promise((r) => setTimeout(r, sampleSeconds * 1000));
        const m = await setup.api.memory();
        const now = performance.now();
        samples.push({ t: Math.round((now - started) / 1000), heapMB: m.heapUsed / MB, rssMB: m.rss / MB, rps: windowOk / ((now - windowStart) / 1000) });
        log(`  t=${samples.at(-1)!.t}s heap ${samples.at(-1)!.heapMB.toFixed(1)} MB, rss ${samples.at(-1)!.rssMB.toFixed(1)} MB, ${Math.round(samples.at(-1)!.rps)} req/s`);
        windowOk = 0;
        windowStart = performance.now();
      }
    })();
    await Promise.all([run, sampler]);
  } finally {
    await setup.api.stop();
  }
  report(samples, { ok, non2xx, lastStatus, errors, minutes, connections });
}

function report(samples: Array<{ t: number; heapMB: number; rssMB: number; rps: number }>, run: { ok: number; non2xx: number; lastStatus?: number; errors: number; minutes: number; connections: number }): void {
  console.log(formatTable(['t s', 'heap MB (after GC)', 'rss MB', 'req/s'], samples.map((s) => [s.t, s.heapMB, s.rssMB, Math.round(s.rps)])));
  const third = Math.max(1, Math.floor(samples.length / 3));
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const heapFirst = mean(samples.slice(0, third).map((s) => s.heapMB));
  const heapLast = mean(samples.slice(-third).map((s) => s.heapMB));
  const rssFirst = mean(samples.slice(0, third).map((s) => s.rssMB));
  const rssLast = mean(samples.slice(-third).map((s) => s.rssMB));
  const growthPct = ((heapLast - heapFirst) / heapFirst) * 100;
  const enough = samples.length >= 3;
  const pass = enough && growthPct <= 5 && run.non2xx === 0 && run.errors === 0;
  const out = fileURLToPath(new URL('./out/', import.meta.url));
  mkdirSync(out, { recursive: true });
  writeFileSync(`${out}soak.svg`, lineChartSvg({
    title: `API soak: ${run.minutes} min, ${run.connections} connections, heap after GC ${growthPct >= 0 ? '+' : ''}${growthPct.toFixed(1)}%`,
    xLabel: 'seconds', yLabel: 'MB',
    series: [
      { label: 'heap used after GC', color: '#1f77b4', points: samples.map((s) => [s.t, s.heapMB]) },
      { label: 'RSS', color: '#d62728', points: samples.map((s) => [s.t, s.rssMB]) },
    ],
  }));
  console.log(`${pass ? 'PASS' : 'FAIL'}  heap after GC: first third ${heapFirst.toFixed(1)} MB → last third ${heapLast.toFixed(1)} MB (${growthPct.toFixed(1)}%, limit 5%)${enough ? '' : '; fewer than 3 samples'}; ${run.ok} ok, ${run.non2xx} non-2xx${run.lastStatus ? ` (e.g. ${run.lastStatus})` : ''}, ${run.errors} errors; plot bench/out/soak.svg`);
  const r = (x: number) => Math.round(x * 10) / 10;
  console.log(JSON.stringify({ minutes: run.minutes, connections: run.connections, samples: samples.length, heapFirstThirdMB: r(heapFirst), heapLastThirdMB: r(heapLast), heapGrowthPct: r(growthPct), rssFirstThirdMB: r(rssFirst), rssLastThirdMB: r(rssLast), requests: run.ok, non2xx: run.non2xx, errors: run.errors, pass }));
  if (!pass) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
