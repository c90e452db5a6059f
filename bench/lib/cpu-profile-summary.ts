// Reads a V8 .cpuprofile and sums self time over a window of it, by package or source folder and by
// function: the few places a request's CPU goes.
import fs from 'node:fs';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number }

export interface ProfileSummary { totalMs: number; byPlace: Array<[string, number]>; byFunction: Array<[string, number]> }

const placeOf = (url: string) =>
  url.replace(/.*node_modules\/((@[^/]+\/)?[^/]+).*/, 'npm:$1').replace(/^file:\/\/.*?\/(src\/[^/]+(\/[^/.]+)?).*/, '$1').replace(/^node:.*/, 'node') || '(runtime)';

/** Self time in the `seconds` before `endGapSeconds` before the profile's last sample (the measured window, when the process stopped right after it). */
export function summarizeCpuProfile(file: string, seconds: number, endGapSeconds: number, top = 25): ProfileSummary {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const end = times[times.length - 1] - endGapSeconds * 1e6;
  const byPlace = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    if (times[i] < end - seconds * 1e6 || times[i] > end) return;
    const { functionName, url, lineNumber } = nodes.get(id)!.callFrame;
    const micros = profile.timeDeltas[i] ?? 0;
    total += micros;
    const place = functionName.startsWith('(') ? functionName : placeOf(url);
    byPlace.set(place, (byPlace.get(place) ?? 0) + micros);
    const fn = `${functionName || '(anonymous)'} ${url.replace(/.*node_modules\//, '').replace(/^file:\/\/.*?\/(src|bench)\//, '$1/')}:${lineNumber}`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + micros);
  });
  const share = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, v]): [string, number] => [k, Math.round((1000 * v) / total) / 10]);
  return { totalMs: Math.round(total / 1000), byPlace: share(byPlace), byFunction: share(byFunction) };
}
