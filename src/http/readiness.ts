import type { RequestHandler } from 'express';
import { logger as processLogger } from '../observability/logger.js';
import './types.js';

export type ReadinessProbes = Record<string, () => Promise<unknown>>;
type CheckResult = 'ok' | 'failed' | 'timeout';

const TIMED_OUT = Symbol('timed out');

async function runProbe(probe: () => Promise<unknown>, timeoutMs: number): Promise<{ result: CheckResult; error?: unknown }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  try {
    const outcome = await Promise.race([Promise.resolve().then(probe), timeout]);
    return { result: outcome === TIMED_OUT ? 'timeout' : 'ok' };
  } catch (error) {
    return { result: 'failed', error };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * GET /readyz: every probe at once, each bounded by a timeout. 200 when all answer, else 503 naming the
 * ones that did not; why goes to the log only (error texts can name hosts and users).
 */
export function readinessHandler(probes: ReadinessProbes, timeoutMs: number, extraInfo?: () => Record<string, unknown>): RequestHandler {
  return async (req, res) => {
    const names = Object.keys(probes);
    const outcomes = await Promise.all(names.map((name) => runProbe(probes[name], timeoutMs)));
    const checks: Record<string, CheckResult> = {};
    names.forEach((name, i) => {
      checks[name] = outcomes[i].result;
      if (outcomes[i].result !== 'ok') {
        (req.log ?? processLogger).warn({ err: outcomes[i].error, check: name, result: outcomes[i].result }, `readiness check ${name} ${outcomes[i].result}`);
      }
    });
    const ready = names.every((name) => checks[name] === 'ok');
    res.status(ready ? 200 : 503).json({ ...(extraInfo?.() ?? {}), status: ready ? 'ready' : 'not_ready', checks });
  };
}
