/**
 * A store's orders of one business day, folded by PostgreSQL from the journal records it holds —
 * the same fold the counter does in JS (journal/order-index.ts), so head office never ships a
 * store's ~5,000 records to Node to parse and replay them (that fold was 49–70 ms of a 261 ms
 * ledger on a loaded machine; bench/hq-queries.ts).
 *
 * Which records: the day's, plus the payment day's records of orders refunded that day but paid
 * earlier (a refund counts on the day it completed), plus, for a payment straddling midnight, the
 * other day's records of its order (the `link` / `straddle` steps). Per order (terminal, clientSn), the rules of
 * OrderBook.apply:
 *  - the order exists once its ATTEMPT_CREATED (or CASH_SALE) is among those records; the first wins;
 *  - it is paid when a PAID final (a CASH_SALE is one) carries the order's own amount; a PAID for
 *    another amount makes it needs_attention and never counts; a PAID beats an earlier FAILED /
 *    CANCELED / EXPIRED (the money did move); otherwise the first of those finals decides;
 *    otherwise NEEDS_ATTENTION or a mismatched PAID → needs_attention, else pending;
 *  - wallet: the deciding PAID's, else that of a non-PAID final applied before it, else the
 *    attempt's (a scanned code names its wallet);
 *  - sn: the last one written by QR_READY, NEEDS_ATTENTION or an applied final;
 *  - a refund counts once, with the amount and day of its first REFUNDED final.
 * rank orders the rows as OrderBook.list() did: counters with older orders first, then by counter
 * id and journal sequence (the order of a settlement's wallet lines and of reconciliation items).
 */
const FOLD_TYPES = "('ATTEMPT_CREATED', 'CASH_SALE', 'PAYMENT_FINAL', 'QR_READY', 'NEEDS_ATTENTION', 'REFUND_FINAL')";
/** What a settlement needs: whether an order is paid, for how much, in which wallet, and its refunds. */
const PAID_TYPES = "('ATTEMPT_CREATED', 'CASH_SALE', 'PAYMENT_FINAL', 'REFUND_FINAL')";

/** The fields the fold reads of each record of `source` (terminal_id, seq, ts, day, type, body). */
const parsed = (source: string): string => `
  -- Byte order ("C") for the keys the windows and groups sort by: the database's own collation
  -- (en_US, zh_CN…) compares by locale rules, several times slower, for ids that are ASCII.
  SELECT x.terminal_id COLLATE "C" AS terminal_id, x.seq, x.ts, x.day, x.type, b."clientSn" COLLATE "C" AS cs,
         -- A record whose amount is not whole fen (damaged) must not fail the store's whole page: no amount, never paid.
         CASE WHEN b."amountFen" ~ '^-?[0-9]{1,15}$' THEN b."amountFen"::bigint END AS amt,
         CASE WHEN x.type = 'CASH_SALE' THEN 'cash' ELSE b.wallet END AS wallet,
         CASE WHEN x.type = 'CASH_SALE' THEN 'PAID' ELSE b.outcome END AS outcome,
         nullif(b.sn, '') AS sn, b.operator, b."refundRequestNo" COLLATE "C" AS rno
  FROM (${source}
  ) x, jsonb_to_record(x.body) AS b("clientSn" text, "amountFen" text, wallet text, outcome text, sn text, operator text, "refundRequestNo" text)`;

/**
 * $1 store id, $2 day. Defines `orders` (one row per order) and `refunded` (the day's refunds per
 * order) for the statement appended to it. `full`: every status and the sn (reconciliation);
 * otherwise only what tells paid orders apart (settlement: a quarter fewer records to read).
 */
const ordersCte = (full: boolean): string => {
  const TYPES = full ? FOLD_TYPES : PAID_TYPES;
  return `
WITH older AS MATERIALIZED (
  -- Orders refunded on the day, paid on an earlier day: few, often none. Found first, then only
  -- their counter-days' records are read (joined in one go, PostgreSQL read every such counter's
  -- journal of all days).
  SELECT DISTINCT p.terminal_id, p.day, p.client_sn FROM refunds f
    JOIN payments p ON p.store_id = f.store_id AND p.terminal_id = f.terminal_id AND p.client_sn = f.client_sn
  WHERE f.store_id = $1 AND f.day = $2::date AND p.day < f.day
), r AS MATERIALIZED (
  ${parsed(`
    SELECT j.terminal_id, j.seq, j.ts, j.day, j.type, j.body FROM journal_records j
    WHERE j.store_id = $1 AND j.day = $2::date AND j.type IN ${TYPES}
    UNION ALL
    SELECT j.terminal_id, j.seq, j.ts, j.day, j.type, j.body FROM older o
      JOIN journal_records j ON j.store_id = $1 AND j.terminal_id = o.terminal_id AND j.day = o.day AND j.body->>'clientSn' = o.client_sn
    WHERE j.type IN ${TYPES}`)}
), link AS MATERIALIZED (
  -- Payments that straddle midnight (intent journaled at 23:59:5x, PAYMENT_FINAL at 00:00:0x)
  -- have their records on two days. The counter books the order on the day of its
  -- ATTEMPT_CREATED (journal/order-index.ts create(): businessDay(rec.ts); reports/totals.ts
  -- dayTotals, reports/settlement.ts), so head office must read both days. Per order read so
  -- far: unpaid though created here, or finaled here though created elsewhere (a few a day).
  SELECT terminal_id, cs, min(day) AS day, bool_or(type IN ('ATTEMPT_CREATED', 'CASH_SALE')) AS created, bool_or(type = 'PAYMENT_FINAL') AS finaled
  FROM r WHERE cs IS NOT NULL GROUP BY terminal_id, cs
  HAVING NOT bool_or(type IN ('PAYMENT_FINAL', 'CASH_SALE') AND outcome = 'PAID') OR NOT bool_or(type IN ('ATTEMPT_CREATED', 'CASH_SALE'))
), straddle AS MATERIALIZED (
  -- Created here, paid on a later day (the trigger's payments table knows which): that day's records.
  SELECT p.terminal_id COLLATE "C" AS terminal_id, p.day, p.client_sn COLLATE "C" AS cs FROM link l
    -- In the table's own collation, so its primary key finds them (not a scan of the store's payments).
    JOIN payments p ON p.store_id = $1 AND p.terminal_id = l.terminal_id COLLATE "default" AND p.client_sn = l.cs COLLATE "default"
  WHERE l.created AND p.day > $2::date
  UNION
  -- Finaled here, created the day before: that day's records (its ATTEMPT_CREATED).
  SELECT l.terminal_id, l.day - 1, l.cs FROM link l WHERE NOT l.created AND l.finaled
), ra AS (
  SELECT * FROM r
  UNION ALL
  ${parsed(`
    SELECT s.terminal_id, j.seq, j.ts, j.day, j.type, j.body FROM straddle s
      JOIN journal_records j ON j.store_id = $1 AND j.terminal_id = s.terminal_id AND j.day = s.day AND j.body->>'clientSn' = s.cs
    WHERE j.type IN ${TYPES}`)}
), w1 AS (
  -- Each record with its order's creating record (the first ATTEMPT_CREATED / CASH_SALE): window
  -- functions over the order's records (one sort), never a join of big CTEs — PostgreSQL cannot
  -- estimate CTE sizes and chose nested loops over them (1.4 s).
  SELECT r.*, bool_or(type IN ('ATTEMPT_CREATED', 'CASH_SALE')) OVER o AS has_created,
    first_value(seq) OVER c AS c_seq, first_value(day) OVER c AS c_day, first_value(amt) OVER c AS c_amt,
    first_value(operator) OVER c AS c_operator, first_value(wallet) OVER c AS c_wallet
  FROM ra r WHERE cs IS NOT NULL
  WINDOW o AS (PARTITION BY terminal_id, cs), c AS (PARTITION BY terminal_id, cs ORDER BY type NOT IN ('ATTEMPT_CREATED', 'CASH_SALE'), seq)
), w2 AS (
  -- The deciding PAID (the order's own amount) and the first FAILED / CANCELED / EXPIRED.
  SELECT w1.*,
    min(seq) FILTER (WHERE type IN ('PAYMENT_FINAL', 'CASH_SALE') AND outcome = 'PAID' AND amt = c_amt) OVER o AS paid_seq,
    min(seq) FILTER (WHERE type = 'PAYMENT_FINAL' AND outcome IN ('FAILED', 'CANCELED', 'EXPIRED')) OVER o AS other_seq
  FROM w1 WHERE has_created
  WINDOW o AS (PARTITION BY terminal_id, cs)
), orders AS (
  SELECT terminal_id, cs AS client_sn, min(c_day) AS day, min(c_amt) AS amount_fen, min(c_operator) AS operator,
    CASE WHEN min(paid_seq) IS NOT NULL THEN 'paid'
         WHEN min(other_seq) IS NOT NULL THEN lower((array_agg(outcome) FILTER (WHERE seq = other_seq))[1])
         WHEN bool_or(type = 'NEEDS_ATTENTION' OR (type = 'PAYMENT_FINAL' AND outcome = 'PAID' AND (amt IS DISTINCT FROM c_amt OR amt IS NULL))) THEN 'needs_attention'
         ELSE 'pending' END AS status,
    coalesce((array_agg(wallet) FILTER (WHERE seq = paid_seq))[1],
             (array_agg(wallet) FILTER (WHERE seq = other_seq AND (paid_seq IS NULL OR other_seq < paid_seq)))[1],
             min(c_wallet)) AS wallet,
    -- Applied finals: any before the first final (a PAID for another amount), the first, and the deciding PAID.
    (array_agg(sn ORDER BY seq DESC) FILTER (WHERE sn IS NOT NULL AND (type IN ('QR_READY', 'NEEDS_ATTENTION')
       OR (type = 'PAYMENT_FINAL' AND (seq <= coalesce(least(paid_seq, other_seq), seq) OR seq = paid_seq)))))[1] AS sn,
    -- When and on which day the deciding PAID was journaled: a later day for a payment straddling midnight.
    (array_agg(ts) FILTER (WHERE seq = paid_seq))[1] AS paid_ts, (array_agg(day) FILTER (WHERE seq = paid_seq))[1] AS paid_day,
    row_number() OVER (ORDER BY terminal_id NOT IN (SELECT terminal_id FROM older), terminal_id, min(c_seq)) AS rank
  FROM w2 GROUP BY terminal_id, cs
), refunded AS MATERIALIZED (
  -- Refunds completed on the day, each once: its first REFUNDED final (a few rows a day).
  SELECT terminal_id, cs, array_agg(amt ORDER BY seq) AS amts, json_agg(json_build_object('no', rno, 'fen', amt, 'ts', ts) ORDER BY seq) AS list
  FROM (SELECT DISTINCT ON (terminal_id, cs, rno) terminal_id, cs, rno, seq, ts, day, amt FROM ra
        WHERE type = 'REFUND_FINAL' AND outcome = 'REFUNDED' AND rno IS NOT NULL AND cs IS NOT NULL
        ORDER BY terminal_id, cs, rno, seq) f
  WHERE day = $2::date GROUP BY terminal_id, cs
)`;
};

/**
 * The day's settlement per wallet ($3 rates per wallet as jsonb, $4 the default rate, in basis
 * points), rounded as reports/settlement.ts does: each paid order's fee half up to the fen, and
 * a refund returns round(fee × refund ÷ amount) half up. Payments count on the order's day,
 * refunds on the day they completed.
 */
export const SETTLEMENT_SQL = `${ordersCte(false)}, priced AS (
  SELECT o.*, f.amts AS refund_amts, b.bp, (2 * o.amount_fen * b.bp + 10000) / 20000 AS fee
  FROM orders o LEFT JOIN refunded f ON f.terminal_id = o.terminal_id AND f.cs = o.client_sn
  CROSS JOIN LATERAL (SELECT coalesce(($3::jsonb ->> coalesce(o.wallet, 'other'))::int, $4::int) AS bp) b
  WHERE o.status = 'paid' AND (o.day = $2::date OR f.amts IS NOT NULL)
)
SELECT coalesce(p.wallet, 'other') AS wallet, min(p.bp)::int AS fee_bp,
  count(*) FILTER (WHERE p.day = $2::date)::int AS count,
  coalesce(sum(p.amount_fen) FILTER (WHERE p.day = $2::date), 0)::bigint AS gross_fen,
  coalesce(sum(x.refund), 0)::bigint AS refund_fen,
  (coalesce(sum(p.fee) FILTER (WHERE p.day = $2::date), 0) - coalesce(sum(x.back), 0))::bigint AS fee_fen
FROM priced p CROSS JOIN LATERAL (
  SELECT sum(a) AS refund, sum(CASE WHEN p.amount_fen > 0 THEN (2 * p.fee * a + p.amount_fen) / (2 * p.amount_fen) ELSE 0 END) AS back
  FROM unnest(p.refund_amts) a) x
GROUP BY coalesce(p.wallet, 'other') ORDER BY min(p.rank)`;

/** Every order of the set (any status) with its refunds completed on the day: what a reconciliation compares. */
export const ORDERS_SQL = `${ordersCte(true)}
SELECT o.client_sn, o.day, o.status, o.amount_fen, o.operator, o.wallet, o.sn, o.paid_ts, o.paid_day::text AS paid_day, coalesce(f.list, '[]'::json) AS refunds
FROM orders o LEFT JOIN refunded f ON f.terminal_id = o.terminal_id AND f.cs = o.client_sn
ORDER BY o.rank`;
