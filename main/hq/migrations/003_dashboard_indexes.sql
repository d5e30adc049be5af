-- Indexes for the dashboard at chain scale (bench/hq-queries.ts EXPLAIN ANALYZEs every query on
-- a full day of 1,000 stores × 5 counters; figures in README "Head office").
--
-- A store's ledger reads its day's records per counter in journal order. With (store_id, day)
-- PostgreSQL then sorted them (108–179 ms against 63–76 ms with this index on a two-day table of
-- 6.5 M rows); this index serves the filter and the order, and replaces (store_id, day), its
-- prefix. On a server already holding months of journal, creating it takes a while and holds
-- back inserts meanwhile (the counters queue and catch up); to avoid even that, create it by hand
-- first with CREATE INDEX CONCURRENTLY under the same name, and this file skips it.
CREATE INDEX IF NOT EXISTS journal_records_store_day_seq ON journal_records (store_id, day, terminal_id, seq);
DROP INDEX IF EXISTS journal_records_store_day;

-- A day's refunds of one store (ledger: refunds of orders paid on an earlier day). The primary
-- key starts with (store_id, terminal_id), so the day was a filter over all the store's refunds.
CREATE INDEX IF NOT EXISTS refunds_store_day ON refunds (store_id, day);
