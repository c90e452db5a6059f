import type { TupleChange } from '../../../authz/tuple-change.js';
import type { OutboxMeta } from '../../../authz/tuple-sync.js';
import type { Em } from '../../../db/orm.js';
import type { TupleChangeLog } from '../../../db/unit-of-work.js';
import { clubOfObjectSql } from '../club-of-object.js';
import { chainOf, entryHash, GENESIS_HASH, type ChainedFields } from './hash-chain.js';

/**
 * Appends every relationship change a command makes to its club's hash chain, in the command's own
 * transaction: the history commits with the change or not at all. A per-chain advisory lock orders
 * concurrent appends (taken after the tuple-key locks, always in sorted order: no deadlocks).
 */
export const auditChangeLog: TupleChangeLog = {
  async recordInTransaction(em: Em, changes: TupleChange[], meta: OutboxMeta): Promise<void> {
    if (!changes.length) return;
    const objects = [...new Set(changes.map((c) => c.object))];
    const clubRows = await em.execute<Array<{ object: string; club_id: string | null }>>(
      `select o.object, ${clubOfObjectSql('o.object')} as club_id from json_array_elements_text(?::json) as o(object)`,
      [JSON.stringify(objects)],
    );
    const clubOf = new Map(clubRows.map((r) => [r.object, r.club_id]));
    const chains = [...new Set(objects.map((o) => chainOf(clubOf.get(o) ?? null)))].sort();
    await em.execute(`select pg_advisory_xact_lock(hashtextextended('audit-chain:' || c, 0)) from json_array_elements_text(?::json) as c order by c`, [JSON.stringify(chains)]);
    const heads = await em.execute<Array<{ chain: string; head_seq: string; hash: string }>>(
      `select distinct on (chain) chain, seq::text as head_seq, hash from audit_changes where chain in (select json_array_elements_text(?::json)) order by chain, audit_changes.seq desc`,
      [JSON.stringify(chains)],
    );
    const head = new Map(heads.map((h) => [h.chain, { seq: Number(h.head_seq), hash: h.hash }]));
    const at = new Date();
    const entries: Array<ChainedFields & { hash: string }> = [];
    for (const change of changes) {
      const clubId = clubOf.get(change.object) ?? null;
      const chain = chainOf(clubId);
      const previous = head.get(chain) ?? { seq: 0, hash: GENESIS_HASH };
      const fields: ChainedFields = {
        chain,
        seq: previous.seq + 1,
        clubId,
        at,
        operation: change.operation === 'write' ? 'added' : 'removed',
        object: change.object,
        relation: change.relation,
        subject: change.user,
        actorId: meta.actorId ?? null,
        command: meta.command,
        reason: meta.reason ?? null,
        prevHash: previous.hash,
      };
      const hash = entryHash(fields);
      entries.push({ ...fields, hash });
      head.set(chain, { seq: fields.seq, hash });
    }
    await em.execute(
      `insert into audit_changes (chain, seq, club_id, at, operation, object, relation, subject, actor_id, command, reason, prev_hash, hash)
       select chain, seq, "clubId", at, operation, object, relation, subject, "actorId", command, reason, "prevHash", hash
       from json_to_recordset(?::json) as x(chain text, seq bigint, "clubId" text, at timestamptz, operation text, object text, relation text,
                                            subject text, "actorId" text, command text, reason text, "prevHash" text, hash text)`,
      [JSON.stringify(entries)],
    );
  },
};
