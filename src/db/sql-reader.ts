// The read path of queries that every screen hits (a profile, a roster, a page of members): one SQL
// statement on a pg pool of its own, prepared once per connection. MikroORM's find/findOne hydrate
// entities into an identity map a read-only query never uses — about 350 µs of CPU per lookup
// against ~35 µs here — and a prepared statement spares PostgreSQL the parse and plan each time.
// Commands keep the ORM (units of work, flush order, constraints); queries needing neither use this.
import { createHash } from 'node:crypto';
import pg from 'pg';
import { TurnBatcher, type Asked } from '../server-runtime/turn-batcher.js';

export interface SqlReader {
  /** Rows of one statement (`$1`-style parameters), prepared on first use per connection. */
  rows<T>(text: string, values?: unknown[]): Promise<T[]>;
  /**
   * A lookup by key that concurrent requests share: keys asked in the same turn of the event loop go
   * as one statement, `text` taking them as `$1::text[]` and returning rows whose `keyOf` is the key.
   * One per statement text (asked again, the same lookup is returned), so callers need not keep it.
   */
  loader<T>(text: string, keyOf: (row: T) => string): (key: string) => Promise<T | undefined>;
  /**
   * A statement concurrent requests share, each with parameters of its own: the parameters asked in one
   * turn of the event loop go as one `$1::json` array whose items carry their index as `n`, and each asker
   * gets the rows whose `n` is its index (the statement must return it), in the statement's order.
   * One per statement text, like `loader`. Equal parameters asked in one turn are asked once, unless the
   * statement `writes`: then each asker's write is its own, and one statement is out at a time, askers
   * of later turns waiting to go together in the next (group commit: one commit for all of them).
   */
  batch<P extends object, T extends { n: number }>(text: string, opts?: { writes?: boolean }): (params: P) => Promise<T[]>;
  /** Statements sent so far (diagnostics and tests). */
  readonly statements: number;
  close(): Promise<void>;
}

const statementNames = new Map<string, string>();

/** A stable name per statement text, so each pooled connection prepares it once. */
function statementName(text: string): string {
  let name = statementNames.get(text);
  if (!name) {
    name = `touchline_${createHash('sha1').update(text).digest('hex').slice(0, 16)}`;
    statementNames.set(text, name);
  }
  return name;
}

export function createSqlReader(settings: { databaseUrl: string; poolMax?: number }): SqlReader {
  const pool = new pg.Pool({ connectionString: settings.databaseUrl, max: settings.poolMax ?? 10, idleTimeoutMillis: 30_000 });
  // A connection dropped by the server (restart, failover) is discarded by the pool; the next query reconnects.
  pool.on('error', () => undefined);
  let statements = 0;
  // Loaders and batches by statement text: each keeps the questions of the current turn.
  const shared = new Map<string, unknown>();
  const sharedPerText = <F>(text: string, make: () => F): F => {
    let made = shared.get(text) as F | undefined;
    if (!made) shared.set(text, (made = make()));
    return made;
  };
  const query = (text: string, values: unknown[]) => {
    statements++;
    return pool.query({ name: statementName(text), text, values });
  };
  return {
    get statements() {
      return statements;
    },
    async rows<T>(text: string, values: unknown[] = []): Promise<T[]> {
      const result = await query(text, values);
      return result.rows as T[];
    },
    loader<T>(text: string, keyOf: (row: T) => string) {
      return sharedPerText(text, () => {
        const turn = new TurnBatcher<string, T | undefined>((asked) => {
          query(text, [asked.map((a) => a.question)]).then(
            ({ rows }) => {
              const byKey = new Map((rows as T[]).map((row) => [keyOf(row), row]));
              for (const a of asked) a.resolve(byKey.get(a.question));
            },
            (error: unknown) => asked.forEach((a) => a.reject(error)),
          );
        });
        return (key: string) => turn.ask(key, key);
      });
    },
    batch<P extends object, T extends { n: number }>(text: string, opts: { writes?: boolean } = {}) {
      return sharedPerText(text, () => {
        let inFlight = false;
        let held: Array<Asked<P, T[]>> = [];
        const send = (asked: Array<Asked<P, T[]>>): void => {
          inFlight = true;
          query(text, [JSON.stringify(asked.map((a, n) => ({ ...a.question, n })))])
            .then(
              ({ rows }) => {
                const byAsker: T[][] = asked.map(() => []);
                for (const row of rows as T[]) byAsker[row.n].push(row);
                asked.forEach((a, n) => a.resolve(byAsker[n]));
              },
              (error: unknown) => asked.forEach((a) => a.reject(error)),
            )
            .finally(() => {
              inFlight = false;
              if (held.length) {
                const next = held;
                held = [];
                send(next);
              }
            });
        };
        const turn = new TurnBatcher<P, T[]>((asked) => {
          if (opts.writes && inFlight) held.push(...asked);
          else send(asked);
        });
        let asks = 0;
        return (params: P) => turn.ask(opts.writes ? String(asks++) : JSON.stringify(params), params);
      });
    },
    close: () => pool.end(),
  };
}
