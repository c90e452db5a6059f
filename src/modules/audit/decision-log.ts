import type { DecisionLog, RecordedDecision } from '../../authz/decision-recorder.js';
import type { Orm } from '../../db/orm.js';
import { clubOfObjectSql } from './club-of-object.js';

/** The object types whose decisions are children's records, logged every one. */
const RECORDED_TYPES = ['member'];

/** Writes authorisation decisions to `authz_decisions` (append-only), one statement per batch. */
export function createDecisionLog(orm: Orm): DecisionLog {
  return {
    records: (object) => RECORDED_TYPES.includes(object.slice(0, object.indexOf(':'))),
    async write(decisions: RecordedDecision[]): Promise<void> {
      const rows = decisions.map((d) => ({ at: d.at, user_id: d.userId, relation: d.relation, object: d.object, allowed: d.allowed, source: d.source, route: d.route ?? null, request_id: d.requestId ?? null }));
      await orm.em.fork().getConnection().execute(
        `insert into authz_decisions (at, user_id, relation, object, allowed, club_id, source, route, request_id)
         select x.at, x.user_id, x.relation, x.object, x.allowed, ${clubOfObjectSql('x.object')}, x.source, x.route, x.request_id
         from json_to_recordset(?::json) as x(at timestamptz, user_id text, relation text, object text, allowed boolean, source text, route text, request_id text)`,
        [JSON.stringify(rows)],
      );
    },
  };
}
