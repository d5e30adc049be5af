-- Head office schema: every counter's journal records, as pushed by main/sync/, and the folds the
-- dashboard reads (payments, refunds, hourly takings) kept by a trigger, so a query never scans
-- the raw journal. Amounts are integer fen. `day` and `hour` are the counter's business day and
-- local hour (the journal file's day), so head office and the counter agree on what "today" is.

CREATE TABLE stores (
  store_id text PRIMARY KEY CHECK (store_id ~ '^[A-Za-z0-9_-]{1,40}$'),
  name text NOT NULL,
  role_name text NOT NULL UNIQUE,
  -- The acquirer account the aggregator settles this store's money to (结算账户).
  settle_account text NOT NULL DEFAULT '',
  -- Fee rates and T+N, same shape as the counter's manager.json (main/manager/manager-config.ts).
  fee_config jsonb NOT NULL DEFAULT '{"defaultFeeBp":38,"settleDays":1}',
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Idempotent by (store, terminal, journal seq): a retried or replayed batch never doubles a row
-- (INSERT … ON CONFLICT DO NOTHING). The store is part of the key so one store can never
-- pre-empt another store's rows by guessing a terminal id.
CREATE TABLE journal_records (
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  seq bigint NOT NULL,
  ts bigint NOT NULL,
  day date NOT NULL,
  hour smallint NOT NULL,
  type text NOT NULL,
  body jsonb NOT NULL,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, terminal_id, seq)
);
CREATE INDEX journal_records_store_day ON journal_records (store_id, day);

-- What each counter last said about itself: its journal head and what is acknowledged.
CREATE TABLE terminal_status (
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  terminal_name text NOT NULL DEFAULT '',
  head_seq bigint NOT NULL DEFAULT 0,
  synced_seq bigint NOT NULL DEFAULT 0,
  last_record_ts bigint,
  reported_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (store_id, terminal_id)
);

CREATE TABLE payments (
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  client_sn text NOT NULL,
  day date NOT NULL,
  hour smallint NOT NULL,
  ts bigint NOT NULL,
  wallet text NOT NULL,
  amount_fen bigint NOT NULL,
  sn text,
  PRIMARY KEY (store_id, terminal_id, client_sn)
);

CREATE TABLE refunds (
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  refund_request_no text NOT NULL,
  client_sn text NOT NULL,
  day date NOT NULL,
  ts bigint NOT NULL,
  wallet text NOT NULL,
  amount_fen bigint NOT NULL,
  PRIMARY KEY (store_id, terminal_id, refund_request_no)
);

-- One row per (day, store, counter, hour, wallet): a whole chain's day is ~200k rows, not 5M.
CREATE TABLE takings_hourly (
  day date NOT NULL,
  store_id text NOT NULL,
  terminal_id text NOT NULL,
  hour smallint NOT NULL,
  wallet text NOT NULL,
  pay_count integer NOT NULL DEFAULT 0,
  paid_fen bigint NOT NULL DEFAULT 0,
  refund_count integer NOT NULL DEFAULT 0,
  refund_fen bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (day, store_id, terminal_id, hour, wallet)
);

-- Folds a newly inserted journal record. It fires only for rows really inserted (a duplicate
-- skipped by ON CONFLICT never reaches it), and each payment / refund counts once even when
-- the counter journaled its final state twice (recovery).
CREATE FUNCTION journal_fold() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
DECLARE
  w text;
  amt bigint;
BEGIN
  IF NEW.type = 'PAYMENT_FINAL' OR NEW.type = 'CASH_SALE' THEN
    IF NEW.type = 'PAYMENT_FINAL' AND NEW.body->>'outcome' IS DISTINCT FROM 'PAID' THEN RETURN NULL; END IF;
    w := CASE WHEN NEW.type = 'CASH_SALE' THEN 'cash' ELSE coalesce(NEW.body->>'wallet', 'other') END;
    amt := (NEW.body->>'amountFen')::bigint;
    INSERT INTO payments (store_id, terminal_id, client_sn, day, hour, ts, wallet, amount_fen, sn)
      VALUES (NEW.store_id, NEW.terminal_id, NEW.body->>'clientSn', NEW.day, NEW.hour, NEW.ts, w, amt, NEW.body->>'sn')
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN NULL; END IF;
    INSERT INTO takings_hourly AS t (day, store_id, terminal_id, hour, wallet, pay_count, paid_fen)
      VALUES (NEW.day, NEW.store_id, NEW.terminal_id, NEW.hour, w, 1, amt)
      ON CONFLICT (day, store_id, terminal_id, hour, wallet)
      DO UPDATE SET pay_count = t.pay_count + 1, paid_fen = t.paid_fen + EXCLUDED.paid_fen;
  ELSIF NEW.type = 'REFUND_FINAL' AND NEW.body->>'outcome' = 'REFUNDED' THEN
    amt := (NEW.body->>'amountFen')::bigint;
    SELECT p.wallet INTO w FROM payments p
      WHERE p.store_id = NEW.store_id AND p.terminal_id = NEW.terminal_id AND p.client_sn = NEW.body->>'clientSn';
    w := coalesce(w, 'other');
    INSERT INTO refunds (store_id, terminal_id, refund_request_no, client_sn, day, ts, wallet, amount_fen)
      VALUES (NEW.store_id, NEW.terminal_id, NEW.body->>'refundRequestNo', NEW.body->>'clientSn', NEW.day, NEW.ts, w, amt)
      ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN RETURN NULL; END IF;
    INSERT INTO takings_hourly AS t (day, store_id, terminal_id, hour, wallet, refund_count, refund_fen)
      VALUES (NEW.day, NEW.store_id, NEW.terminal_id, NEW.hour, w, 1, amt)
      ON CONFLICT (day, store_id, terminal_id, hour, wallet)
      DO UPDATE SET refund_count = t.refund_count + 1, refund_fen = t.refund_fen + EXCLUDED.refund_fen;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER journal_fold AFTER INSERT ON journal_records
  FOR EACH ROW WHEN (NEW.type IN ('PAYMENT_FINAL', 'CASH_SALE', 'REFUND_FINAL'))
  EXECUTE FUNCTION journal_fold();

-- Head-office users of the dashboard (scrypt hashes, never passwords).
CREATE TABLE hq_users (
  username text PRIMARY KEY,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
