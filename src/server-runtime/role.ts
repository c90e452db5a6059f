import { parseArgs } from 'node:util';
import { ConfigError } from '../config/index.js';

/** What this process runs: both halves (npm start), or one of them (docker-compose's api and workers). */
export type Role = 'all' | 'api' | 'workers';

export function readRole(): Role {
  const { values } = parseArgs({ options: { role: { type: 'string', default: 'all' } }, strict: true });
  if (values.role !== 'all' && values.role !== 'api' && values.role !== 'workers') {
    throw new ConfigError([`--role must be one of all, api, workers (got '${values.role}')`]);
  }
  return values.role;
}
