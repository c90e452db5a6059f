// `npm run bench:cpu -- --scenario memberProfile --connections 16 [--profile]`: one bench:api scenario
// at one concurrency, reporting where the machine's CPU went — the API processes, PostgreSQL, the load
// generator — per request, and with --profile the API's hottest packages and functions (V8 CPU
// profile of the measured window). The tool behind the figures in the performance commits; last line JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setUpBench } from './lib/api-bench-setup.js';
import { startApiProcesses } from './lib/api-processes.js';
import { SCENARIO_KEYS } from './lib/api-scenarios.js';
import { runCell } from './lib/autocannon-cell.js';
import { summarizeCpuProfile } from './lib/cpu-profile-summary.js';
import { cpuPercent, cpuTicks, type CpuTicks } from './lib/process-cpu.js';
import { roundTo } from './lib/latency-stats.js';

const { values } = parseArgs({ options: {
  scenario: { type: 'string', default: 'memberProfile' }, connections: { type: 'string', default: '16' },
  seconds: { type: 'string', default: '10' }, 'api-processes': { type: 'string', default: '1' },
  scale: { type: 'string', default: '1' }, profile: { type: 'boolean', default: false }, 'profile-out': { type: 'string' },
} });
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const processes = Number(values['api-processes']);
if (!(SCENARIO_KEYS as readonly string[]).includes(values.scenario) || !(connections > 0) || !(seconds > 0) || !(processes >= 1)) {
  throw new Error(`bad options: --scenario is one of ${SCENARIO_KEYS.join(', ')}; --connections, --seconds, --api-processes are positive`);
}
const log = (line: string) => process.stderr.write(`${line}\n`);
const group = (command: string, name: string) =>
  name.startsWith('postgres') || command.startsWith('postgres') ? 'postgres' : command.includes('src/main.ts') ? 'api' : command.includes('where-cpu-goes') ? 'load generator' : command.includes('api-server-process') ? 'bench setup' : 'other';

// --profile-out FILE keeps the busiest process's .cpuprofile (for Chrome DevTools or your own analysis).
const profileDir = values.profile || values['profile-out'] ? fs.mkdtempSync(path.join(os.tmpdir(), 'touchline-cpu-')) : undefined;
const setup = await setUpBench(Number(values.scale), log);
try {
  const server = await startApiProcesses(setup.api.databaseUrl, processes, profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []);
  const scenario = setup.scenarios.find((s) => s.key === values.scenario)!;
  await scenario.sync?.();
  let before: CpuTicks = new Map();
  let started = 0;
  const result = await runCell({
    url: server.url, connections, seconds, warmupSeconds: 3, next: scenario.source(setup.tokens),
    afterWarmup: async () => { await scenario.sync?.(); before = cpuTicks(group); started = performance.now(); },
  });
  const cpu = cpuPercent(before, cpuTicks(group), (performance.now() - started) / 1000);
  await server.stop();
  const perRequest = Object.fromEntries(Object.entries(cpu).map(([g, percent]) => [g, Math.round((percent / 100 / result.rps) * 1e6)]));
  console.log(`${values.scenario} at ${connections} connections, ${processes} API process(es): ${Math.round(result.rps)} req/s, p50 ${result.p50.toFixed(2)} ms, p99 ${result.p99.toFixed(2)} ms`);
  for (const [g, percent] of Object.entries(cpu)) console.log(`  ${g.padEnd(16)} ${String(percent).padStart(4)}% of a core  ${String(perRequest[g]).padStart(5)} µs per request`);
  let profile: ReturnType<typeof summarizeCpuProfile> | undefined;
  if (profileDir) {
    // The largest profile is the busiest API process; the server stopped right after the window.
    const [busiest] = fs.readdirSync(profileDir).map((f) => path.join(profileDir, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size);
    if (values['profile-out']) fs.copyFileSync(busiest, values['profile-out']);
    profile = summarizeCpuProfile(busiest, seconds, 0.5);
    console.log('  self time by place:');
    for (const [place, share] of profile.byPlace) console.log(`    ${String(share).padStart(5)}%  ${place}`);
    console.log('  self time by function:');
    for (const [fn, share] of profile.byFunction) console.log(`    ${String(share).padStart(5)}%  ${fn}`);
  }
  console.log(JSON.stringify({ scenario: values.scenario, connections, apiProcesses: processes, rps: Math.round(result.rps), p50: roundTo(result.p50, 2), p99: roundTo(result.p99, 2), cpuPercent: cpu, cpuMicrosPerRequest: perRequest, profile: profile && { byPlace: profile.byPlace } }));
} finally {
  await setup.api.stop();
  if (profileDir) fs.rmSync(profileDir, { recursive: true, force: true });
}
