// CPU time of the processes on this machine, grouped (PostgreSQL backends, the API, the load
// generator, everything else by name), read from /proc: where a benchmark's cores went.
import fs from 'node:fs';

const TICKS_PER_SECOND = 100;

export type CpuTicks = Map<string, number>;

export function cpuTicks(groupOf: (command: string, name: string) => string): CpuTicks {
  const ticks: CpuTicks = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
      const group = groupOf(command, name);
      ticks.set(group, (ticks.get(group) ?? 0) + Number(fields[11]) + Number(fields[12])); // utime + stime
    } catch {
      // The process ended while we looked.
    }
  }
  return ticks;
}

/** Percent of one core per group between two readings `seconds` apart (groups under 1% left out). */
export function cpuPercent(before: CpuTicks, after: CpuTicks, seconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [group, value] of after) {
    const percent = ((value - (before.get(group) ?? 0)) / TICKS_PER_SECOND / seconds) * 100;
    if (percent >= 1) out[group] = Math.round(percent);
  }
  return out;
}
