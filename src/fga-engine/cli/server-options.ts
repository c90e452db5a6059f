// Flags and environment of `npm run fga:server`, named like OpenFGA's `openfga run`
// (cmd/run/run.go): a flag wins over its OPENFGA_* variable, which wins over the default.
import { parseArgs } from 'node:util';
import type { EngineLimits } from '../service/index.js';
import { parseGoDuration } from './go-duration.js';

export interface ServerOptions {
  host: string;
  port: number;
  datastore: { engine: 'memory' } | { engine: 'postgres'; uri: string; schema: string; maxOpenConns?: number };
  presharedKeys: string[];
  limits: Partial<EngineLimits>;
}

export class UsageError extends Error {}

export const SERVER_USAGE = `usage: fga:server [options]
  --http-addr HOST:PORT              OPENFGA_HTTP_ADDR (default 127.0.0.1:8080)
  --datastore-engine memory|postgres OPENFGA_DATASTORE_ENGINE (default memory)
  --datastore-uri URI                OPENFGA_DATASTORE_URI (postgres; else DATABASE_URL)
  --datastore-schema NAME            OPENFGA_DATASTORE_SCHEMA (postgres; default fga)
  --datastore-max-open-conns N       OPENFGA_DATASTORE_MAX_OPEN_CONNS (postgres pool size)
  --authn-method none|preshared      OPENFGA_AUTHN_METHOD (default none)
  --authn-preshared-keys K1,K2       OPENFGA_AUTHN_PRESHARED_KEYS
  --max-tuples-per-write N           OPENFGA_MAX_TUPLES_PER_WRITE (default 100)
  --listObjects-max-results N        OPENFGA_LIST_OBJECTS_MAX_RESULTS (default 1000, 0 = unlimited)
  --listObjects-deadline DURATION    OPENFGA_LIST_OBJECTS_DEADLINE (default 3s)
  --listUsers-max-results N          OPENFGA_LIST_USERS_MAX_RESULTS (default 1000, 0 = unlimited)
  --listUsers-deadline DURATION      OPENFGA_LIST_USERS_DEADLINE (default 3s)
  --resolve-node-limit N             OPENFGA_RESOLVE_NODE_LIMIT (default 25)`;

type Env = Record<string, string | undefined>;

// flag → environment variables OpenFGA binds to it (first one set wins).
const ENV: Record<string, string[]> = {
  'http-addr': ['OPENFGA_HTTP_ADDR'],
  'datastore-engine': ['OPENFGA_DATASTORE_ENGINE'],
  'datastore-uri': ['OPENFGA_DATASTORE_URI'],
  'datastore-schema': ['OPENFGA_DATASTORE_SCHEMA'],
  'datastore-max-open-conns': ['OPENFGA_DATASTORE_MAX_OPEN_CONNS'],
  'authn-method': ['OPENFGA_AUTHN_METHOD'],
  'authn-preshared-keys': ['OPENFGA_AUTHN_PRESHARED_KEYS'],
  'max-tuples-per-write': ['OPENFGA_MAX_TUPLES_PER_WRITE', 'OPENFGA_MAXTUPLESPERWRITE'],
  'listObjects-max-results': ['OPENFGA_LIST_OBJECTS_MAX_RESULTS', 'OPENFGA_LISTOBJECTSMAXRESULTS'],
  'listObjects-deadline': ['OPENFGA_LIST_OBJECTS_DEADLINE', 'OPENFGA_LISTOBJECTSDEADLINE'],
  'listUsers-max-results': ['OPENFGA_LIST_USERS_MAX_RESULTS', 'OPENFGA_LISTUSERSMAXRESULTS'],
  'listUsers-deadline': ['OPENFGA_LIST_USERS_DEADLINE', 'OPENFGA_LISTUSERSDEADLINE'],
  'resolve-node-limit': ['OPENFGA_RESOLVE_NODE_LIMIT', 'OPENFGA_RESOLVENODELIMIT'],
};

function integer(name: string, value: string, min: number): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) throw new UsageError(`--${name} must be an integer ≥ ${min}, got '${value}'`);
  return n;
}

function duration(name: string, value: string): number {
  const ms = parseGoDuration(value.trim());
  if (ms === undefined) throw new UsageError(`--${name} must be a duration like 3s or 500ms, got '${value}'`);
  return ms;
}

function splitAddr(addr: string): { host: string; port: number } {
  const match = /^(?:\[([^\]]+)\]|([^:]*)):(\d+)$/.exec(addr.trim());
  if (!match) throw new UsageError(`--http-addr must be HOST:PORT (e.g. 127.0.0.1:8080), got '${addr}'`);
  const port = integer('http-addr port', match[3], 0);
  if (port > 65535) throw new UsageError(`--http-addr port must be ≤ 65535, got ${port}`);
  return { host: match[1] ?? (match[2] || '0.0.0.0'), port };
}

/** Parses argv (without node and script) and the environment into server options. */
export function parseServerOptions(argv: string[], env: Env): ServerOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      strict: true,
      options: Object.fromEntries(Object.keys(ENV).map((flag) => [flag, { type: 'string' as const }])),
    }).values;
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const get = (flag: string): string | undefined => {
    const fromFlag = values[flag];
    if (typeof fromFlag === 'string') return fromFlag;
    return ENV[flag].map((name) => env[name]).find((v) => v !== undefined && v !== '');
  };

  const { host, port } = splitAddr(get('http-addr') ?? '127.0.0.1:8080');

  const engine = get('datastore-engine') ?? 'memory';
  let datastore: ServerOptions['datastore'];
  if (engine === 'memory') datastore = { engine };
  else if (engine === 'postgres') {
    const uri = get('datastore-uri') ?? env.DATABASE_URL;
    if (!uri) throw new UsageError('--datastore-engine postgres needs --datastore-uri (or OPENFGA_DATASTORE_URI / DATABASE_URL)');
    const conns = get('datastore-max-open-conns');
    datastore = { engine, uri, schema: get('datastore-schema') ?? 'fga', maxOpenConns: conns === undefined ? undefined : integer('datastore-max-open-conns', conns, 1) };
  } else throw new UsageError(`--datastore-engine must be memory or postgres, got '${engine}'`);

  const method = get('authn-method') ?? 'none';
  const keys = (get('authn-preshared-keys') ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (method !== 'none' && method !== 'preshared') throw new UsageError(`--authn-method must be none or preshared, got '${method}'`);
  if (method === 'preshared' && !keys.length) throw new UsageError('--authn-method preshared needs --authn-preshared-keys');

  const limits: Partial<EngineLimits> = {};
  const set = <K extends keyof EngineLimits>(key: K, flag: string, parse: (name: string, v: string) => number) => {
    const v = get(flag);
    if (v !== undefined) limits[key] = parse(flag, v) as EngineLimits[K];
  };
  set('maxTuplesPerWrite', 'max-tuples-per-write', (n, v) => integer(n, v, 1));
  set('listObjectsMaxResults', 'listObjects-max-results', (n, v) => integer(n, v, 0));
  set('listObjectsDeadlineMs', 'listObjects-deadline', duration);
  set('listUsersMaxResults', 'listUsers-max-results', (n, v) => integer(n, v, 0));
  set('listUsersDeadlineMs', 'listUsers-deadline', duration);
  set('resolveNodeLimit', 'resolve-node-limit', (n, v) => integer(n, v, 1));

  return { host, port, datastore, presharedKeys: method === 'preshared' ? keys : [], limits };
}
