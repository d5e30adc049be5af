/**
 * Reconciliation (对账) of one business day: the aggregator's statement against the journal's
 * orders. Matching key: 商户订单号 = clientSn; rows with an empty 商户订单号 (orders the counter never
 * made, e.g. a customer who paid a stale QR) fall back to 收钱吧订单号 = OrderView.sn.
 * Per order, the payment (收款 − 撤单) and the refunds of that day (退款) are compared in fen.
 * Refunds count on the day they completed at the counter, as the statement lists them.
 */
import { fenToYuanString } from '../shared/money';
import { localBusinessDay } from '../journal/index';
import type { OrderView } from '../journal/order-view';
import { NEXT_STEP, summarize, type DiffKind, type ReconcileItem, type ReconcileResult } from './reconcile-types';
import { parseStatement, type Statement, type StatementRow } from './statement';
import { STATUS_NAME } from './types';

export * from './reconcile-types';
export { reconcileByQuery, type QueryReconcileOptions } from './reconcile-query';

export interface ReconcileOptions {
  businessDay?: (ts: number) => string;
}

interface Group {
  key: string;
  clientSn: string;
  sn: string;
  rows: StatementRow[];
  payFen: number;
  reversalFen: number;
  refundFen: number;
  feeFen: number;
  failed: StatementRow[];
}

/** Rows per order; `keyOf` resolves a row to its order (by clientSn, else by sn). */
function groupRows(rows: StatementRow[], keyOf: (r: StatementRow) => string): Map<string, Group> {
  const groups = new Map<string, Group>();
  for (const r of rows) {
    const key = keyOf(r);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { key, clientSn: r.clientSn, sn: r.sn, rows: [], payFen: 0, reversalFen: 0, refundFen: 0, feeFen: 0, failed: [] }));
    g.rows.push(r);
    if (!g.sn && r.sn) g.sn = r.sn;
    if (!r.success) {
      g.failed.push(r);
      continue;
    }
    if (r.kind === 'pay') {
      g.payFen += r.amountFen;
      g.feeFen += r.feeFen;
    } else {
      if (r.kind === 'refund') g.refundFen += r.amountFen;
      else g.reversalFen += r.amountFen;
      g.feeFen -= r.feeFen; // a refund or reversal returns its share of the fee
    }
  }
  return groups;
}

const KIND_LABEL = { pay: '收款', refund: '退款', reversal: '撤单' } as const;
const aggLabel = (g: Group): string => [...new Set(g.rows.map((r) => KIND_LABEL[r.kind] + (r.success ? '' : `(${r.status})`)))].join('+');
const yuan = fenToYuanString;

interface Verdict { kind: DiffKind; detail: string }

/** The payment part (收款 − 撤单) and the day's refunds of one order known to both sides. */
function judge(o: OrderView, g: Group, day: string, counterPaid: number, counterRefund: number): Verdict {
  const aggPaid = g.payFen - g.reversalFen;
  const st = STATUS_NAME[o.status];
  if (o.day !== day && g.payFen > 0) return { kind: 'other_day', detail: `收款机记在 ${o.day}，平台记在 ${day}` };
  if (counterPaid > 0 && g.reversalFen > 0 && aggPaid <= 0) return { kind: 'status_differs', detail: `收款机：${st}；平台：已撤单` };
  if (counterPaid > 0 && g.payFen === 0) {
    return g.failed.length
      ? { kind: 'status_differs', detail: `收款机：${st}；平台：${aggLabel(g)}` }
      : { kind: 'only_counter', detail: `收款机已收 ${yuan(counterPaid)} 元，对账单无此笔收款` };
  }
  if (counterPaid > 0 && aggPaid !== counterPaid) return { kind: 'amount_differs', detail: `收款机 ${yuan(counterPaid)} 元，平台 ${yuan(aggPaid)} 元` };
  if (counterPaid === 0 && aggPaid > 0) return { kind: 'status_differs', detail: `收款机：${st}；平台：已收款 ${yuan(aggPaid)} 元（顾客已付款）` };
  if (counterRefund !== g.refundFen) {
    return counterRefund > 0 && g.refundFen > 0
      ? { kind: 'amount_differs', detail: `退款金额不符：收款机 ${yuan(counterRefund)} 元，平台 ${yuan(g.refundFen)} 元` }
      : { kind: 'status_differs', detail: `退款不符：收款机 ${yuan(counterRefund)} 元，平台 ${yuan(g.refundFen)} 元` };
  }
  return { kind: 'matched', detail: '' };
}

function item(kind: DiffKind, detail: string, counterNetFen: number, aggregatorNetFen: number, o?: OrderView, g?: Group): ReconcileItem {
  const it: ReconcileItem = { kind, detail, nextStep: NEXT_STEP[kind], counterNetFen, aggregatorNetFen, diffFen: aggregatorNetFen - counterNetFen };
  const clientSn = o?.clientSn ?? (g?.clientSn || undefined);
  const sn = g?.sn || o?.sn;
  if (clientSn) it.clientSn = clientSn;
  if (sn) it.sn = sn;
  const wallet = o?.wallet ?? g?.rows.find((r) => r.wallet)?.wallet;
  if (wallet) it.wallet = wallet;
  if (o) {
    it.operator = o.operator;
    it.counterStatus = o.status;
  }
  if (g) {
    it.aggregatorStatus = aggLabel(g);
    it.line = g.rows[0]!.line;
  }
  return it;
}

/** Compare a parsed statement with the orders. Pass orders of the day and its neighbours (or index.list()). */
export function reconcile(orders: readonly OrderView[], statement: Statement, day: string, opts: ReconcileOptions = {}): ReconcileResult {
  const businessDay = opts.businessDay ?? localBusinessDay;
  const byClientSn = new Map<string, OrderView>(); // also dedupes an order listed twice
  const bySn = new Map<string, OrderView>();
  for (const o of orders) {
    byClientSn.set(o.clientSn, o);
    if (o.sn) bySn.set(o.sn, o);
  }
  const keyOf = (r: StatementRow): string => {
    if (r.clientSn) return `c:${r.clientSn}`;
    const o = r.sn ? bySn.get(r.sn) : undefined;
    return o ? `c:${o.clientSn}` : `s:${r.sn}`;
  };
  const refundOnDay = (o: OrderView): number => {
    let fen = 0;
    for (const r of o.refunds) if (r.status === 'refunded' && r.finishedAt !== undefined && businessDay(r.finishedAt) === day) fen += r.amountFen;
    return fen;
  };
  const paidOnDay = (o: OrderView): number => (o.status === 'paid' && o.day === day ? o.amountFen : 0);

  const items: ReconcileItem[] = [];
  const seen = new Set<string>();
  const counter = { paidFen: 0, refundFen: 0, netFen: 0 };
  const agg = { paidFen: 0, refundFen: 0, netFen: 0, feeFen: 0 };

  for (const g of groupRows(statement.rows, keyOf).values()) {
    agg.paidFen += g.payFen - g.reversalFen;
    agg.refundFen += g.refundFen;
    agg.feeFen += g.feeFen;
    const aggNet = g.payFen - g.reversalFen - g.refundFen;
    const o = g.key.startsWith('c:') ? byClientSn.get(g.key.slice(2)) : undefined;
    if (!o) {
      const noMoney = g.payFen === 0 && g.refundFen === 0 && g.reversalFen === 0;
      const detail = (g.clientSn ? `收款机没有商户订单号 ${g.clientSn}` : `对账单有收钱吧订单号 ${g.sn}，收款机无此订单`) + (noMoney ? '（平台未成功，无资金差异）' : '');
      items.push(item(noMoney ? 'matched' : 'only_aggregator', detail, 0, aggNet, undefined, g));
      continue;
    }
    seen.add(o.clientSn);
    const cPaid = paidOnDay(o);
    const cRefund = refundOnDay(o);
    const v = judge(o, g, day, cPaid, cRefund);
    items.push(item(v.kind, v.detail, cPaid - cRefund, aggNet, o, g));
  }

  for (const o of byClientSn.values()) {
    const cPaid = paidOnDay(o);
    const cRefund = refundOnDay(o);
    counter.paidFen += cPaid;
    counter.refundFen += cRefund;
    if (seen.has(o.clientSn) || (cPaid === 0 && cRefund === 0)) continue;
    const what = cPaid > 0 ? `收款 ${yuan(cPaid)} 元` : `退款 ${yuan(cRefund)} 元`;
    items.push(item('only_counter', `收款机记录${what}（${STATUS_NAME[o.status]}），对账单无此订单`, cPaid - cRefund, 0, o));
  }

  for (const e of statement.errors) {
    items.push({ kind: 'unparsable', detail: `第 ${e.line} 行：${e.reason}`, nextStep: NEXT_STEP.unparsable, counterNetFen: 0, aggregatorNetFen: 0, diffFen: 0, line: e.line, raw: e.text });
  }
  counter.netFen = counter.paidFen - counter.refundFen;
  agg.netFen = agg.paidFen - agg.refundFen;
  return summarize(day, items, counter, agg);
}

/** Parse and reconcile in one go. */
export function reconcileStatementCsv(orders: readonly OrderView[], csv: string, day: string, opts: ReconcileOptions = {}): ReconcileResult {
  return reconcile(orders, parseStatement(csv), day, opts);
}
