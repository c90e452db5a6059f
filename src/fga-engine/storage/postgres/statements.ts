// Named prepared statements: PostgreSQL parses and plans each one once per connection, which keeps
// the hot resolution reads to a single cheap round-trip.
import { createHash } from 'node:crypto';
import type { QueryConfig } from 'pg';

export interface Statement {
  name: string;
  text: string;
}

/** A statement whose name is derived from its text, so dynamically built variants never collide. */
export function statement(text: string): Statement {
  const compact = text.replace(/\s+/g, ' ').trim();
  return { name: `fga_${createHash('sha1').update(compact).digest('hex').slice(0, 16)}`, text: compact };
}

export function bind(stmt: Statement, values: unknown[]): QueryConfig {
  return { name: stmt.name, text: stmt.text, values };
}
