/**
 * The two statements the sync sends to head office, as the store's own role (RLS checks every
 * row): the acknowledged position of this counter, and one batch of journal records inserted
 * with ON CONFLICT DO NOTHING — a retried batch never doubles a row — together with the counter's
 * status, in one statement (one round trip, one transaction).
 */
import type pg from 'pg';
import type { OutboxRecord } from './journal-tail';

export interface CounterIdentity {
  storeId: string;
  terminalId: string;
  terminalName: string;
}

/** The last sequence head office holds for this counter (the resume point after a crash). */
export async function ackedSeq(c: pg.Client, id: CounterIdentity): Promise<number> {
  const r = await c.query<{ seq: number | string | null }>('SELECT max(seq) AS seq FROM journal_records WHERE store_id = $1 AND terminal_id = $2', [id.storeId, id.terminalId]);
  return Number(r.rows[0]?.seq ?? 0);
}

const PUSH = `
WITH ins AS (
  INSERT INTO journal_records (store_id, terminal_id, seq, ts, day, hour, type, body)
  SELECT $1, $2, r.seq, r.ts, r.day, r.hour, r.type, r.body
  FROM unnest($3::bigint[], $4::bigint[], $5::date[], $6::smallint[], $7::text[], $8::jsonb[]) AS r(seq, ts, day, hour, type, body)
  ON CONFLICT DO NOTHING
  RETURNING 1
)
INSERT INTO terminal_status AS s (store_id, terminal_id, terminal_name, head_seq, synced_seq, last_record_ts, reported_at)
VALUES ($1, $2, $9, $10, $11, $12, now())
ON CONFLICT (store_id, terminal_id) DO UPDATE SET terminal_name = EXCLUDED.terminal_name,
  head_seq = GREATEST(s.head_seq, EXCLUDED.head_seq), synced_seq = GREATEST(s.synced_seq, EXCLUDED.synced_seq),
  last_record_ts = GREATEST(s.last_record_ts, EXCLUDED.last_record_ts), reported_at = now()
RETURNING (SELECT count(*) FROM ins)::int AS inserted`;

/** Push a batch (may be empty: then only the status); returns how many rows were new. */
export async function pushBatch(c: pg.Client, id: CounterIdentity, recs: readonly OutboxRecord[], pos: { head: number; acked: number }, hourOf: (ts: number) => number): Promise<number> {
  const last = recs[recs.length - 1];
  const r = await c.query<{ inserted: number }>(PUSH, [
    id.storeId, id.terminalId,
    recs.map((x) => x.seq), recs.map((x) => x.ts), recs.map((x) => x.day), recs.map((x) => hourOf(x.ts)), recs.map((x) => x.type), recs.map((x) => x.json),
    id.terminalName, Math.max(pos.head, last?.seq ?? 0), last?.seq ?? pos.acked, last?.ts ?? null,
  ]);
  return r.rows[0]?.inserted ?? 0;
}
