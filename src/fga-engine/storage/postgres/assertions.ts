// Assertions are stored whole per (store, model): writing replaces the previous set, as in OpenFGA.
import type { Pool } from 'pg';
import type { Assertion } from '../../types.js';
import { bind, statement } from './statements.js';

const upsertAssertions = statement(
  `INSERT INTO assertions (store, model_id, assertions) VALUES ($1, $2, $3)
   ON CONFLICT (store, model_id) DO UPDATE SET assertions = EXCLUDED.assertions`,
);
const selectAssertions = statement('SELECT assertions FROM assertions WHERE store = $1 AND model_id = $2');

export async function writeAssertions(pool: Pool, storeId: string, modelId: string, assertions: Assertion[]): Promise<void> {
  await pool.query(bind(upsertAssertions, [storeId, modelId, JSON.stringify(assertions)]));
}

export async function readAssertions(pool: Pool, storeId: string, modelId: string): Promise<Assertion[]> {
  const { rows } = await pool.query<{ assertions: Assertion[] }>(bind(selectAssertions, [storeId, modelId]));
  return rows[0]?.assertions ?? [];
}
