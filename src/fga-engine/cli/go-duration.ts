// OpenFGA's duration flags (--listObjects-deadline 3s) use Go's time.ParseDuration syntax:
// a sequence of decimal numbers with units, e.g. "300ms", "1.5s", "1m30s"; "0" alone is allowed.
const UNIT_MS: Record<string, number> = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };
const PART = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Milliseconds (rounded) for a Go duration string, or undefined when it is not one. */
export function parseGoDuration(text: string): number | undefined {
  if (text === '0') return 0;
  let ms = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const match = PART.exec(text);
    if (!match || match.index !== start) return undefined;
    ms += Number(match[1]) * UNIT_MS[match[2]];
  }
  return text.length > 0 ? Math.round(ms) : undefined;
}
