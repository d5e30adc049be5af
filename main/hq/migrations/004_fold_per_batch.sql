-- Folds per batch, and a per-store hourly rollup for the chain-wide dashboard.
--
-- takings_hourly is per counter: a chain day of 1,000 stores × 5 counters is 210,000 rows, and
-- summing them for "today by store / wallet / hour" took 260–300 ms on the bench machine
-- (goal < 200 ms). takings_store_hourly holds the same sums per store: 42,000 rows a day.
-- Unlike a counter's own rows, a store's rows are written by all its counters at once, so the
-- fold now runs once per pushed batch (a statement trigger over the inserted rows) and takes its
-- row locks in key order: two counters' batches wait for each other, never deadlock. It is also
-- one upsert per key and batch instead of one per payment.
-- Semantics are those of 001's journal_fold: only rows really inserted (ON CONFLICT DO NOTHING
-- skips are not in new_rows), each payment / refund counted once even when journaled twice.

CREATE TABLE takings_store_hourly (
  day date NOT NULL,
  store_id text NOT NULL,
  hour smallint NOT NULL,
  wallet text NOT NULL,
  pay_count integer NOT NULL DEFAULT 0,
  paid_fen bigint NOT NULL DEFAULT 0,
  refund_count integer NOT NULL DEFAULT 0,
  refund_fen bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, store_id, hour, wallet)
);
INSERT INTO takings_store_hourly (day, store_id, hour, wallet, pay_count, paid_fen, refund_count, refund_fen)
  SELECT day, store_id, hour, wallet, sum(pay_count), sum(paid_fen), sum(refund_count), sum(refund_fen)
  FROM takings_hourly GROUP BY day, store_id, hour, wallet;
GRANT SELECT ON takings_store_hourly TO yima_store;
ALTER TABLE takings_store_hourly ENABLE ROW LEVEL SECURITY;
CREATE POLICY own_store ON takings_store_hourly TO yima_store USING (store_id = (SELECT current_store()));

DROP TRIGGER journal_fold ON journal_records;
DROP FUNCTION journal_fold();

CREATE FUNCTION journal_fold_batch() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  WITH paid AS (
    INSERT INTO payments (store_id, terminal_id, client_sn, day, hour, ts, wallet, amount_fen, sn)
      SELECT n.store_id, n.terminal_id, n.body->>'clientSn', n.day, n.hour, n.ts,
             CASE WHEN n.type = 'CASH_SALE' THEN 'cash' ELSE coalesce(n.body->>'wallet', 'other') END,
             (n.body->>'amountFen')::bigint, n.body->>'sn'
      FROM new_rows n
      WHERE n.type = 'CASH_SALE' OR (n.type = 'PAYMENT_FINAL' AND n.body->>'outcome' = 'PAID')
      ORDER BY n.terminal_id, n.seq
      ON CONFLICT DO NOTHING
      RETURNING store_id, terminal_id, client_sn, day, hour, wallet, amount_fen
  ), refund_recs AS (
    -- The first REFUND_FINAL of each refund in this batch, with the hour it completed in.
    SELECT DISTINCT ON (n.store_id, n.terminal_id, n.body->>'refundRequestNo')
           n.store_id, n.terminal_id, n.body->>'refundRequestNo' AS refund_request_no, n.body->>'clientSn' AS client_sn,
           n.day, n.hour, n.ts, (n.body->>'amountFen')::bigint AS amount_fen
    FROM new_rows n
    WHERE n.type = 'REFUND_FINAL' AND n.body->>'outcome' = 'REFUNDED'
    ORDER BY n.store_id, n.terminal_id, n.body->>'refundRequestNo', n.seq
  ), refunded AS (
    INSERT INTO refunds (store_id, terminal_id, refund_request_no, client_sn, day, ts, wallet, amount_fen)
      SELECT r.store_id, r.terminal_id, r.refund_request_no, r.client_sn, r.day, r.ts,
             -- The wallet of the refunded payment: paid in this batch, or earlier.
             coalesce((SELECT p.wallet FROM paid p WHERE p.store_id = r.store_id AND p.terminal_id = r.terminal_id AND p.client_sn = r.client_sn),
                      (SELECT p.wallet FROM payments p WHERE p.store_id = r.store_id AND p.terminal_id = r.terminal_id AND p.client_sn = r.client_sn),
                      'other'),
             r.amount_fen
      FROM refund_recs r
      ON CONFLICT DO NOTHING
      RETURNING store_id, terminal_id, refund_request_no, day, wallet, amount_fen
  ), deltas AS (
    SELECT store_id, terminal_id, day, hour, wallet, 1 AS pay_count, amount_fen AS paid_fen, 0 AS refund_count, 0::bigint AS refund_fen FROM paid
    UNION ALL
    SELECT f.store_id, f.terminal_id, f.day, r.hour, f.wallet, 0, 0, 1, f.amount_fen
    FROM refunded f JOIN refund_recs r USING (store_id, terminal_id, refund_request_no)
  ), per_counter AS (
    INSERT INTO takings_hourly AS t (day, store_id, terminal_id, hour, wallet, pay_count, paid_fen, refund_count, refund_fen)
      SELECT day, store_id, terminal_id, hour, wallet, sum(pay_count), sum(paid_fen), sum(refund_count), sum(refund_fen)
      FROM deltas GROUP BY day, store_id, terminal_id, hour, wallet
      ORDER BY day, store_id, terminal_id, hour, wallet
      ON CONFLICT (day, store_id, terminal_id, hour, wallet) DO UPDATE SET
        pay_count = t.pay_count + EXCLUDED.pay_count, paid_fen = t.paid_fen + EXCLUDED.paid_fen,
        refund_count = t.refund_count + EXCLUDED.refund_count, refund_fen = t.refund_fen + EXCLUDED.refund_fen
  )
  INSERT INTO takings_store_hourly AS t (day, store_id, hour, wallet, pay_count, paid_fen, refund_count, refund_fen)
    SELECT day, store_id, hour, wallet, sum(pay_count), sum(paid_fen), sum(refund_count), sum(refund_fen)
    FROM deltas GROUP BY day, store_id, hour, wallet
    ORDER BY day, store_id, hour, wallet -- the same lock order in every transaction
    ON CONFLICT (day, store_id, hour, wallet) DO UPDATE SET
      pay_count = t.pay_count + EXCLUDED.pay_count, paid_fen = t.paid_fen + EXCLUDED.paid_fen,
      refund_count = t.refund_count + EXCLUDED.refund_count, refund_fen = t.refund_fen + EXCLUDED.refund_fen;
  RETURN NULL;
END
$$;

CREATE TRIGGER journal_fold_batch AFTER INSERT ON journal_records
  REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION journal_fold_batch();
