/**
 * Reports benchmark: `npx tsx bench/reports.bench.ts` (or import runReportsBench()).
 *  1. day totals (by wallet, cashier, hour) over 20,000 orders — goal < 100 ms;
 *  2. reconciliation of those orders against a 20,000-line statement (parse + compare) — goal < 2 s;
 *  3. for context: shift (window) totals, settlement, CSV export of the orders.
 * Times are the median of several runs after a warm-up.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { STATEMENT_HEADER } from '../main/aggregator/sandbox/statement';
import type { Wallet } from '../main/aggregator/types';
import type { OrderView } from '../main/journal/order-view';
import { ordersCsv } from '../main/reports/csv';
import { reconcileStatementCsv } from '../main/reports/reconcile';
import { expectedSettlement } from '../main/reports/settlement';
import { dayTotals, windowTotals } from '../main/reports/totals';
import type { Row } from './row';

export type { Row } from './row';

const SELF = fileURLToPath(import.meta.url);
const DAY = '2026-01-15';
const T0 = new Date(2026, 0, 15, 8, 0, 0).getTime();
const WALLETS: Wallet[] = ['wechat', 'alipay', 'unionpay'];
const LABEL: Record<string, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付' };
const day = (): string => DAY; // every generated order is on the bench day

function makeOrders(n: number): OrderView[] {
  const out: OrderView[] = [];
  for (let i = 0; i < n; i++) {
    const at = T0 + Math.floor((i * 14 * 3_600_000) / n); // 08:00–22:00
    const status = i % 40 === 0 ? 'failed' : i % 97 === 0 ? 'canceled' : 'paid';
    const amountFen = 100 + ((i * 7919) % 49_900);
    const o: OrderView = {
      clientSn: `YM20260115${String(i).padStart(8, '0')}`, day: DAY, method: i % 2 ? 'qr' : 'scan', amountFen, operator: `00${i % 6}`,
      subject: '一码收银 商品', createdAt: at, finishedAt: at + 4000, status, windowMs: 45_000, refunds: [], refundedFen: 0,
      sn: `78950${String(i).padStart(11, '0')}`, wallet: WALLETS[i % 3]!,
    };
    if (status === 'paid' && i % 25 === 0) {
      o.refunds.push({ refundRequestNo: `R${i}`, amountFen: Math.floor(amountFen / 2), status: 'refunded', operator: 'boss', finishedAt: at + 600_000 });
      o.refundedFen = Math.floor(amountFen / 2);
    }
    out.push(o);
  }
  return out;
}

const yuan = (fen: number): string => `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;

/** A statement for the orders (paid rows, refunds) with a few planted differences, padded to `lines`. */
function makeStatement(orders: OrderView[], lines: number): string {
  const out = [STATEMENT_HEADER];
  const time = '2026-01-15 12:00:00';
  for (const o of orders) {
    if (out.length > lines) break;
    if (o.status !== 'paid') continue;
    const i = Number(o.clientSn.slice(-8));
    if (i % 1000 === 1) continue; // short: missing on the statement
    const amount = i % 1000 === 3 ? o.amountFen + 1 : o.amountFen; // amount differs
    out.push(`${time},${o.clientSn},${o.sn},${LABEL[o.wallet!]},收款,${yuan(amount)},${yuan(Math.round((amount * 38) / 10000))},成功`);
    for (const r of o.refunds) out.push(`${time},${o.clientSn},${o.sn},${LABEL[o.wallet!]},退款,${yuan(r.amountFen)},0.00,成功`);
  }
  for (let k = 0; out.length <= lines; k++) out.push(`${time},,99${String(k).padStart(14, '0')},微信支付,收款,${yuan(100 + k)},0.00,成功`); // long
  return out.join('\r\n') + '\r\n';
}

function median(fn: () => unknown, runs: number): number {
  fn(); // warm-up
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    fn();
    t.push(performance.now() - s);
  }
  t.sort((a, b) => a - b);
  return Math.round(t[Math.floor(t.length / 2)]! * 100) / 100;
}

export async function runReportsBench(opts: { orders?: number; statementLines?: number } = {}): Promise<Row[]> {
  const n = opts.orders ?? 20_000;
  const lines = opts.statementLines ?? 20_000;
  const orders = makeOrders(n);
  const csv = makeStatement(orders, lines);
  const rows: Row[] = [];

  let totals = dayTotals(orders, DAY, { businessDay: day });
  const tTotals = median(() => (totals = dayTotals(orders, DAY, { businessDay: day })), 15);
  rows.push({ name: `day totals, ${n} orders`, value: tTotals, unit: 'ms', goal: '< 100 ms', ok: tTotals < 100, note: `${totals.count} paid, ${totals.refundCount} refunds` });

  const tWindow = median(() => windowTotals(orders, 0, T0 + 86_400_000), 15);
  rows.push({ name: `shift (window) totals, ${n} orders`, value: tWindow, unit: 'ms' });

  let rec = reconcileStatementCsv(orders, csv, DAY, { businessDay: day });
  const tRec = median(() => (rec = reconcileStatementCsv(orders, csv, DAY, { businessDay: day })), 7);
  const statementRows = csv.split('\r\n').length - 2;
  rows.push({
    name: `reconcile ${statementRows}-line statement vs ${n} orders`, value: tRec, unit: 'ms', goal: '< 2000 ms', ok: tRec < 2000,
    note: `${rec.counts.matched} matched, ${rec.differences} differences (${rec.counts.only_counter} short, ${rec.counts.only_aggregator} long, ${rec.counts.amount_differs} amount)`,
  });

  const tSettle = median(() => expectedSettlement(orders, DAY, { defaultFeeBp: 38, settleDays: 1 }, { businessDay: day }), 15);
  rows.push({ name: `expected settlement, ${n} orders`, value: tSettle, unit: 'ms' });

  let size = 0;
  const tCsv = median(() => (size = ordersCsv(orders).length), 5);
  rows.push({ name: `orders CSV export, ${n} orders`, value: tCsv, unit: 'ms', note: `${Math.round(size / 1024)} KiB` });
  return rows;
}

function printTable(rows: Row[]): void {
  const w = Math.max(...rows.map((r) => r.name.length));
  console.log(`${'benchmark'.padEnd(w)}  ${'value'.padStart(10)}  unit  goal        ok     note`);
  for (const r of rows) {
    const ok = r.ok === undefined ? '' : r.ok ? 'yes' : 'NO';
    console.log(`${r.name.padEnd(w)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(4)}  ${(r.goal ?? '').padEnd(10)}  ${ok.padEnd(5)}  ${r.note ?? ''}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === SELF) printTable(await runReportsBench());
