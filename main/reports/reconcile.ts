/**
 * Reconciliation (对账) of one business day: the aggregator's statement against the journal's
 * orders. Matching key: 商户订单号 = clientSn; rows with an empty 商户订单号 (orders the counter never
 * made, e.g. a customer who paid a stale QR) fall back to 收钱吧订单号 = OrderView.sn.
 * Per order, the payment (收款 − 撤单) and the refunds of that day (退款) are compared in fen.
 * Refunds count on the day they completed at the counter, as the statement lists them.
 */
import { localBusinessDay } from '../journal/index';
import type { OrderView, RefundView } from '../journal/order-view';
import { NEXT_STEP, summarize, type DiffKind, type ReconcileItem, type ReconcileResult } from './reconcile-types';
import { parseStatement, type Statement, type StatementRow } from './statement';
import { msg, type Msg } from '../../preload/messages';
import { zhText } from '../shared/zh-text';
import { STATUS_MSG } from './types';

export * from './reconcile-types';
export { reconcileByQuery, type QueryReconcileOptions } from './reconcile-query';

/** What reconciliation reads of an order (an OrderView is one; head office builds them in SQL, hq/store-orders.ts). */
export type ReconcileOrder = Pick<OrderView, 'clientSn' | 'day' | 'status' | 'amountFen' | 'operator' | 'sn' | 'wallet' | 'finishedAt'> & {
  refunds: Pick<RefundView, 'refundRequestNo' | 'amountFen' | 'status' | 'finishedAt'>[];
};

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

const KIND_LABEL = { pay: 'rec.rowPay', refund: 'rec.rowRefund', reversal: 'rec.rowReversal' } as const;
/** What the statement shows for the order, e.g. 收款+撤单 or 收款(FAIL). */
const aggRows = (g: Group): Msg => {
  const seen = new Map<string, Msg>();
  for (const r of g.rows) {
    const m = r.success ? msg(KIND_LABEL[r.kind]) : msg('rec.rowFailed', { kindMsg: msg(KIND_LABEL[r.kind]), status: r.status });
    seen.set(JSON.stringify(m), m);
  }
  return [...seen.values()].reduceRight((rest, m) => msg('rec.rowsJoin', { firstMsg: m, restMsg: rest }));
};
const aggLabel = (g: Group): string => zhText(aggRows(g));
const statusMsg = (o: ReconcileOrder): Msg => ({ code: STATUS_MSG[o.status] }) as Msg;

interface Verdict { kind: DiffKind; detail?: Msg }

/** The payment part (收款 − 撤单) and the day's refunds of one order known to both sides. */
function judge(o: ReconcileOrder, g: Group, day: string, counterPaid: number, counterRefund: number): Verdict {
  const aggPaid = g.payFen - g.reversalFen;
  const counterMsg = statusMsg(o);
  if (o.day !== day && g.payFen > 0) return { kind: 'other_day', detail: msg('rec.otherDay', { counterDay: o.day, platformDay: day }) };
  if (counterPaid > 0 && g.reversalFen > 0 && aggPaid <= 0) return { kind: 'status_differs', detail: msg('rec.platformReversed', { counterMsg }) };
  if (counterPaid > 0 && g.payFen === 0) {
    return g.failed.length
      ? { kind: 'status_differs', detail: msg('rec.platformRows', { counterMsg, rowsMsg: aggRows(g) }) }
      : { kind: 'only_counter', detail: msg('rec.notOnStatement', { paidYuan: counterPaid }) };
  }
  if (counterPaid > 0 && aggPaid !== counterPaid) return { kind: 'amount_differs', detail: msg('rec.amountDiffers', { counterYuan: counterPaid, platformYuan: aggPaid }) };
  if (counterPaid === 0 && aggPaid > 0) return { kind: 'status_differs', detail: msg('rec.platformPaid', { counterMsg, paidYuan: aggPaid }) };
  if (counterRefund !== g.refundFen) {
    return counterRefund > 0 && g.refundFen > 0
      ? { kind: 'amount_differs', detail: msg('rec.refundAmountDiffers', { counterYuan: counterRefund, platformYuan: g.refundFen }) }
      : { kind: 'status_differs', detail: msg('rec.refundDiffers', { counterYuan: counterRefund, platformYuan: g.refundFen }) };
  }
  return { kind: 'matched' };
}

function item(kind: DiffKind, note: Msg | undefined, counterNetFen: number, aggregatorNetFen: number, o?: ReconcileOrder, g?: Group): ReconcileItem {
  const it: ReconcileItem = { kind, detail: note ? zhText(note) : '', nextStep: NEXT_STEP[kind], counterNetFen, aggregatorNetFen, diffFen: aggregatorNetFen - counterNetFen };
  if (note) it.note = note;
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
export function reconcile(orders: readonly ReconcileOrder[], statement: Statement, day: string, opts: ReconcileOptions = {}): ReconcileResult {
  const businessDay = opts.businessDay ?? localBusinessDay;
  const byClientSn = new Map<string, ReconcileOrder>(); // also dedupes an order listed twice
  const bySn = new Map<string, ReconcileOrder>();
  for (const o of orders) {
    byClientSn.set(o.clientSn, o);
    if (o.sn) bySn.set(o.sn, o);
  }
  const keyOf = (r: StatementRow): string => {
    if (r.clientSn) return `c:${r.clientSn}`;
    const o = r.sn ? bySn.get(r.sn) : undefined;
    return o ? `c:${o.clientSn}` : `s:${r.sn}`;
  };
  const refundOnDay = (o: ReconcileOrder): number => {
    let fen = 0;
    for (const r of o.refunds) if (r.status === 'refunded' && r.finishedAt !== undefined && businessDay(r.finishedAt) === day) fen += r.amountFen;
    return fen;
  };
  const paidOnDay = (o: ReconcileOrder): number => (o.status === 'paid' && o.day === day ? o.amountFen : 0);

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
      const who = g.clientSn ? msg('rec.unknownClientSn', { clientSn: g.clientSn }) : msg('rec.unknownSn', { sn: g.sn });
      items.push(item(noMoney ? 'matched' : 'only_aggregator', noMoney ? msg('rec.noMoneyMoved', { whoMsg: who }) : who, 0, aggNet, undefined, g));
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
    // Paid across midnight (PAYMENT_FINAL journaled on a later day): the counter books it on the
    // order's day, the platform lists it on the day it was paid, i.e. in the next statement
    // (payment-protocols.md §6.4 (f); the sandbox's statement.ts lists 收款 by paidAt). Not short.
    const paidDay = o.finishedAt !== undefined ? businessDay(o.finishedAt) : '';
    if (cPaid > 0 && cRefund === 0 && paidDay > day) {
      items.push(item('other_day', msg('rec.otherDay', { counterDay: day, platformDay: paidDay }), cPaid, 0, o));
      continue;
    }
    const what = cPaid > 0 ? msg('rec.whatPaid', { paidYuan: cPaid }) : msg('rec.whatRefunded', { refundYuan: cRefund });
    items.push(item('only_counter', msg('rec.onlyCounter', { whatMsg: what, counterMsg: statusMsg(o) }), cPaid - cRefund, 0, o));
  }

  for (const e of statement.errors) {
    const note = msg('rec.unparsableLine', { line: String(e.line), reasonMsg: e.why });
    items.push({ kind: 'unparsable', detail: zhText(note), note, nextStep: NEXT_STEP.unparsable, counterNetFen: 0, aggregatorNetFen: 0, diffFen: 0, line: e.line, raw: e.text });
  }
  counter.netFen = counter.paidFen - counter.refundFen;
  agg.netFen = agg.paidFen - agg.refundFen;
  return summarize(day, items, counter, agg);
}

/** Parse and reconcile in one go. */
export function reconcileStatementCsv(orders: readonly OrderView[], csv: string, day: string, opts: ReconcileOptions = {}): ReconcileResult {
  return reconcile(orders, parseStatement(csv), day, opts);
}
