/**
 * Reconciliation by re-querying each order, for platforms without a statement. It can only find
 * differences on orders the counter knows (no 长款 from strangers' payments); the query is the
 * same one the cashier's "再次查询" uses, with limited concurrency so the gateway is not flooded.
 */
import { ORDER_NOT_FOUND_CODES, type AggOutcome } from '../aggregator/types';
import { fenToYuanString as yuan } from '../shared/money';
import type { OrderView } from '../journal/order-view';
import { NEXT_STEP, summarize, type DiffKind, type ReconcileItem, type ReconcileResult } from './reconcile-types';
import { STATUS_NAME } from './types';

export interface QueryReconcileOptions {
  /** Only orders of this business day are queried (default: every order passed). */
  day?: string;
  /** Parallel queries (default 4). */
  concurrency?: number;
}

const NOT_FOUND = ORDER_NOT_FOUND_CODES;

type AggView = { known: false; reason: string } | { known: true; status: string; netFen: number; final: boolean };

/** What the platform says the order is worth now (paid − refunded), or why we do not know. */
export function aggregatorView(out: AggOutcome): AggView {
  if (out.kind !== 'ok') return { known: false, reason: out.message };
  if (!out.data) {
    if (out.errorCode && NOT_FOUND.has(out.errorCode)) return { known: true, status: 'NOT_EXISTS', netFen: 0, final: true };
    return { known: false, reason: out.message ?? out.errorCode ?? out.bizCode };
  }
  const d = out.data;
  switch (d.orderStatus) {
    case 'PAID':
      return { known: true, status: 'PAID', netFen: d.totalFen, final: true };
    case 'PARTIAL_REFUNDED':
    case 'REFUNDED':
      return { known: true, status: d.orderStatus, netFen: d.netFen ?? (d.orderStatus === 'REFUNDED' ? 0 : d.totalFen), final: true };
    case 'PAY_CANCELED':
    case 'CANCELED':
      return { known: true, status: d.orderStatus, netFen: 0, final: true };
    default: // CREATED, *_ERROR, *_INPROGRESS: the platform itself is not done
      return { known: true, status: String(d.orderStatus), netFen: 0, final: false };
  }
}

function judge(o: OrderView, v: AggView): { kind: DiffKind; detail: string; aggNet: number; status?: string } {
  const counterNet = o.status === 'paid' ? o.amountFen - o.refundedFen : 0;
  if (!v.known) return { kind: 'query_failed', detail: `查询失败：${v.reason}`, aggNet: 0 };
  const base = { aggNet: v.netFen, status: v.status };
  const st = STATUS_NAME[o.status];
  if (!v.final) return { ...base, kind: 'status_differs', detail: `平台订单尚未完成（${v.status}），收款机：${st}` };
  if (o.status === 'paid' && v.status === 'NOT_EXISTS') return { ...base, kind: 'only_counter', detail: `收款机已收 ${yuan(o.amountFen)} 元，平台无此订单` };
  if (counterNet === v.netFen) return { ...base, kind: 'matched', detail: '' };
  if (o.status === 'paid' && (v.status === 'PAY_CANCELED' || v.status === 'CANCELED')) return { ...base, kind: 'status_differs', detail: `收款机：${st}；平台：已撤单` };
  if (o.status !== 'paid') return { ...base, kind: 'status_differs', detail: `收款机：${st}；平台：${v.status} ${yuan(v.netFen)} 元（顾客已付款）` };
  return { ...base, kind: 'amount_differs', detail: `收款机净额 ${yuan(counterNet)} 元，平台净额 ${yuan(v.netFen)} 元（${v.status}）` };
}

/** Run `fn` over items with at most `limit` in flight; results keep the input order. */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}

export async function reconcileByQuery(
  orders: readonly OrderView[],
  query: (clientSn: string) => Promise<AggOutcome>,
  opts: QueryReconcileOptions = {},
): Promise<ReconcileResult> {
  const unique = [...new Map(orders.map((o) => [o.clientSn, o])).values()].filter((o) => opts.day === undefined || o.day === opts.day);
  const items = await mapLimited(unique, opts.concurrency ?? 4, async (o): Promise<ReconcileItem> => {
    let out: AggOutcome;
    try {
      out = await query(o.clientSn);
    } catch (err) {
      out = { kind: 'unknown', reason: 'network', message: String(err) }; // a throwing query is still just "unknown"
    }
    const v = judge(o, aggregatorView(out));
    const counterNet = o.status === 'paid' ? o.amountFen - o.refundedFen : 0;
    const it: ReconcileItem = {
      kind: v.kind, clientSn: o.clientSn, operator: o.operator, counterStatus: o.status, detail: v.detail, nextStep: NEXT_STEP[v.kind],
      counterNetFen: counterNet, aggregatorNetFen: v.aggNet, diffFen: v.kind === 'query_failed' ? 0 : v.aggNet - counterNet,
    };
    if (o.sn) it.sn = o.sn;
    if (o.wallet) it.wallet = o.wallet;
    if (v.status) it.aggregatorStatus = v.status;
    return it;
  });
  const counter = { paidFen: 0, refundFen: 0, netFen: 0 };
  const agg = { paidFen: 0, refundFen: 0, netFen: 0, feeFen: 0 };
  for (const [i, o] of unique.entries()) {
    if (o.status === 'paid') {
      counter.paidFen += o.amountFen;
      counter.refundFen += o.refundedFen;
    }
    agg.netFen += items[i]!.aggregatorNetFen;
  }
  counter.netFen = counter.paidFen - counter.refundFen;
  agg.paidFen = agg.netFen; // a query gives the net only
  return summarize(opts.day ?? '', items, counter, agg);
}
