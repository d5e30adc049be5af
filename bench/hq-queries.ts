/**
 * The head-office dashboard's queries on a loaded database (issue 16 point 5): each call timed
 * end to end (SQL + wording in JS; median and p95 of HQ_QUERY_RUNS, default 21, after a warm-up,
 * with the machine's load average then: on a shared machine a call also waits for a core), and every SQL statement it sends
 * EXPLAIN ANALYZEd on the same data — server time and the scans it chose — so a missing index
 * shows as a Seq Scan on a big table. `npm run bench -- hq-queries` runs it alone on an existing
 * database (HQ_DB=postgres://owner@…/db, HQ_DAY, HQ_STORE), e.g. one kept by `HQ_KEEP=1`.
 */
import { loadavg } from 'node:os';
import pg from 'pg';
import { STATEMENT_HEADER } from '../main/aggregator/sandbox';
import { poolSql, type Sql } from '../main/hq/db';
import { reconcileStore, storeLedger } from '../main/hq/ledger';
import { chainTakings, counterHealth, storeTakings } from '../main/hq/queries';
import { fenToYuanString } from '../main/shared/money';
import { percentile, round2, type Row } from './row';

const GOAL_MS = 200;

/** Records the statements a dashboard call sends, passing them through. */
function recording(sql: Sql, seen: { text: string; params?: unknown[] }[]): Sql {
  return { ...sql, query: (text, params) => { seen.push({ text, params }); return sql.query(text, params); } } as Sql;
}

interface PlanNode { 'Node Type': string; 'Relation Name'?: string; 'Index Name'?: string; Plans?: PlanNode[] }

/** "Index Scan journal_records_store_day, Seq Scan stores": the scans a plan chose. */
function scans(n: PlanNode, out: string[] = []): string[] {
  if (/Scan/.test(n['Node Type']) && n['Relation Name']) out.push(`${n['Node Type']} ${n['Index Name'] ?? n['Relation Name']}`);
  for (const c of n.Plans ?? []) scans(c, out);
  return out;
}

const RUNS = process.env.HQ_QUERY_RUNS ? Number(process.env.HQ_QUERY_RUNS) : 21;
const load = (): string => loadavg().map((x) => x.toFixed(2)).join(' ');

/** Median and p95 wall time of RUNS calls after a warm-up, this process's CPU time per call, and the load average meanwhile. */
async function timed(fn: () => Promise<unknown>): Promise<{ ms: number; p95: number; cpuMs: number; load: string }> {
  await fn();
  const ts: number[] = [];
  const before = load();
  const c0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    ts.push(performance.now() - t);
  }
  const c = process.cpuUsage(c0);
  ts.sort((a, b) => a - b);
  return { ms: round2(percentile(ts, 0.5)), p95: round2(percentile(ts, 0.95)), cpuMs: round2((c.user + c.system) / 1000 / RUNS), load: `${before} → ${load()}` };
}

/** A statement file for one store as the platform would send it: every paid order, one missing, one extra. */
export async function statementFor(sql: Sql, storeId: string, day: string): Promise<{ csv: string; rows: number }> {
  const r = await sql.query<{ client_sn: string; sn: string | null; wallet: string; amount_fen: number }>(
    'SELECT client_sn, sn, wallet, amount_fen FROM payments WHERE store_id = $1 AND day = $2 ORDER BY ts', [storeId, day]);
  const label: Record<string, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付' };
  const lines = r.rows.slice(1).map((p) => `${day} 12:00:00,${p.client_sn},${p.sn ?? ''},${label[p.wallet] ?? p.wallet},收款,${fenToYuanString(p.amount_fen)},${fenToYuanString(Math.round(p.amount_fen * 0.0038))},成功`);
  lines.push(`${day} 12:00:00,,78950000999,支付宝,收款,5.00,0.02,成功`);
  return { csv: [STATEMENT_HEADER, ...lines].join('\n'), rows: lines.length };
}

export async function dashboardFigures(sql: Sql, day: string, storeId: string, label: string): Promise<Row[]> {
  const { csv, rows: stRows } = await statementFor(sql, storeId, day);
  const calls: [string, (s: Sql) => Promise<unknown>][] = [
    ['chain takings today by store, wallet, hour', (s) => chainTakings(s, day)],
    ['counters/stores behind or silent', (s) => counterHealth(s)],
    [`one store (${storeId}) by counter, wallet, hour`, (s) => storeTakings(s, storeId, day)],
    [`one store's ledger (${storeId}: fold + settlement in SQL)`, (s) => storeLedger(s, storeId, day)],
    [`reconcile one store's statement (${stRows} rows)`, (s) => reconcileStore(s, storeId, day, csv)],
  ];
  const out: Row[] = [];
  for (const [name, fn] of calls) {
    const { ms, p95, cpuMs, load: la } = await timed(() => fn(sql));
    const seen: { text: string; params?: unknown[] }[] = [];
    await fn(recording(sql, seen));
    const plans: string[] = [];
    let serverMs = 0;
    for (const q of seen) {
      const e = await sql.query<{ 'QUERY PLAN': [{ Plan: PlanNode; 'Execution Time': number }] }>(`EXPLAIN (ANALYZE, FORMAT JSON) ${q.text}`, q.params);
      const p = e.rows[0]!['QUERY PLAN'];
      const plan = (typeof p === 'string' ? JSON.parse(p) : p) as [{ Plan: PlanNode; 'Execution Time': number }];
      serverMs += plan[0]['Execution Time'];
      plans.push(`${round2(plan[0]['Execution Time'])} ms: ${[...new Set(scans(plan[0].Plan))].join(', ') || plan[0].Plan['Node Type']}`);
    }
    out.push({ name: `dashboard (${label}): ${name}: median of ${RUNS}`, value: ms, unit: 'ms', goal: `< ${GOAL_MS}`, ok: ms < GOAL_MS, note: `p95 ${p95} ms; load average ${la}; dashboard process CPU ${cpuMs} ms; server ${round2(serverMs)} ms in ${seen.length} statements — ${plans.join(' | ')}` });
  }
  return out;
}

/** The chain's reconciliation is one file per store: time a sample and scale to the chain. */
export async function chainReconcileFigure(sql: Sql, day: string, storeIds: string[], sample: number): Promise<Row> {
  const pick = storeIds.filter((_, i) => i % Math.max(1, Math.floor(storeIds.length / sample)) === 0).slice(0, sample);
  let total = 0;
  for (const id of pick) {
    const { csv } = await statementFor(sql, id, day);
    const t = performance.now();
    await reconcileStore(sql, id, day, csv);
    total += performance.now() - t;
  }
  const mean = total / pick.length;
  return { name: `chain reconciliation, ${storeIds.length} statement files one request each: mean per file (${pick.length} sampled)`, value: round2(mean), unit: 'ms', goal: `< ${GOAL_MS}`, ok: mean < GOAL_MS, note: `≈ ${round2((mean * storeIds.length) / 1000)} s for the chain, files in sequence` };
}

/** `npm run bench -- hq-queries`: the figures on an existing database. */
export async function runHqQueriesBench(): Promise<Row[]> {
  const url = process.env.HQ_DB;
  if (!url) return [{ name: 'hq-queries: set HQ_DB to a loaded head-office database (HQ_KEEP=1 on hq-sync keeps one)', value: NaN, unit: '' }];
  const sql = poolSql(new pg.Pool({ connectionString: url, max: 4 }));
  try {
    const day = process.env.HQ_DAY ?? '2026-12-01';
    const ids = (await sql.query<{ store_id: string }>('SELECT store_id FROM stores ORDER BY store_id')).rows.map((r) => r.store_id);
    const one = process.env.HQ_STORE ?? ids[Math.floor(ids.length / 2)]!;
    return [...await dashboardFigures(sql, day, one, `${ids.length} stores`), await chainReconcileFigure(sql, day, ids, 20)];
  } finally {
    await sql.close();
  }
}
