// A hand-written SVG line chart (no plotting dependency): one polyline per series over a shared x axis.

export interface Series { label: string; color: string; points: Array<[x: number, y: number]> }

export function lineChartSvg(opts: { title: string; xLabel: string; yLabel: string; series: Series[]; width?: number; height?: number }): string {
  const width = opts.width ?? 800;
  const height = opts.height ?? 400;
  const pad = { left: 70, right: 20, top: 40, bottom: 50 };
  const all = opts.series.flatMap((s) => s.points);
  const xMax = Math.max(1, ...all.map(([x]) => x));
  const yMax = Math.max(1, ...all.map(([, y]) => y)) * 1.1; // from zero: growth is judged against the whole value
  const sx = (x: number) => pad.left + (x / xMax) * (width - pad.left - pad.right);
  const sy = (y: number) => height - pad.bottom - (y / yMax) * (height - pad.top - pad.bottom);
  const esc = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const ticks = Array.from({ length: 5 }, (_, i) => (yMax * i) / 4);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="${width / 2}" y="20" text-anchor="middle" font-size="14">${esc(opts.title)}</text>`,
    `<line x1="${pad.left}" y1="${sy(0)}" x2="${width - pad.right}" y2="${sy(0)}" stroke="black"/>`,
    `<line x1="${pad.left}" y1="${sy(0)}" x2="${pad.left}" y2="${pad.top}" stroke="black"/>`,
    ...ticks.map((t) => `<text x="${pad.left - 6}" y="${sy(t) + 4}" text-anchor="end">${t.toFixed(0)}</text><line x1="${pad.left}" y1="${sy(t)}" x2="${width - pad.right}" y2="${sy(t)}" stroke="#eee"/>`),
    `<text x="${width / 2}" y="${height - 12}" text-anchor="middle">${esc(opts.xLabel)} (0–${xMax.toFixed(0)})</text>`,
    `<text x="16" y="${height / 2}" transform="rotate(-90 16 ${height / 2})" text-anchor="middle">${esc(opts.yLabel)}</text>`,
    ...opts.series.map((s, i) => [
      `<polyline fill="none" stroke="${s.color}" stroke-width="2" points="${s.points.map(([x, y]) => `${sx(x).toFixed(1)},${sy(y).toFixed(1)}`).join(' ')}"/>`,
      `<text x="${width - pad.right - 150}" y="${pad.top + 16 * i}" fill="${s.color}">${esc(s.label)}</text>`,
    ].join('')),
    '</svg>',
  ].join('\n');
}
