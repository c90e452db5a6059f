import type { Logger } from 'pino';
import pg from 'pg';

// Every page a caller reads is logged as one decision naming its records, and the GIN index that finds
// them by record (authz_decisions_objects_idx) first appends new entries to a pending list. Whoever
// finds that list over `gin_pending_list_limit` merges it into the index — by default the read whose
// decision write crossed it, which then stalls, and every read queued behind its group commit. Merging
// from here, a few times a second on a connection of its own, keeps that work off the request path;
// PostgreSQL serialises concurrent merges (several API processes each running one is fine), and an
// insert never waits for a merge in progress. Autovacuum would merge too, but only every minute or so.

const MERGE_PENDING = `select gin_clean_pending_list('authz_decisions_objects_idx'::regclass)`;

export interface DecisionIndexMerger {
  stop(): Promise<void>;
}

export function startDecisionIndexMerger(databaseUrl: string, logger: Logger, intervalMs = 250): DecisionIndexMerger {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1, idleTimeoutMillis: 10_000 });
  pool.on('error', () => undefined); // an idle connection dropped by the server is simply replaced
  let running: Promise<void> | undefined;
  let failing = false;
  const timer = setInterval(() => {
    running ??= pool.query(MERGE_PENDING).then(
      () => void (failing = false),
      (error: unknown) => {
        // Once per outage: inserts still merge the list themselves past the limit, so nothing is lost.
        if (!failing) logger.warn({ err: error }, 'could not merge the decision index pending list; will retry');
        failing = true;
      },
    ).finally(() => (running = undefined));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
      await pool.end();
    },
  };
}
