/**
 * Refunds (退款, full or partial) and same-day voids (撤销) of paid orders. Plain Node: the
 * aggregator, journal, clock and timers are injected.
 *
 * Order of events for one refund: checks (order paid, no refund of it still unknown, amount within
 * what is left) → REFUND_REQUESTED with a new refund_request_no (fsync) → REQUEST_SENT → the call.
 * A definite answer ends it (REFUND_FINAL). An unknown one (timeout, 5xx, lost answer) queries
 * the order; if the query does not show the refund applied, the same request is sent again with
 * the same refund_request_no, a few times; still unknown → the refund stays pending and
 * retry() (the manager's "再次查询") continues it later, again with the same number.
 */
import type { Aggregator } from '../aggregator/types';
import { fenToYuanString } from '../shared/money';
import type { JournalRecordBody } from '../journal/records';
import type { OrderView, RefundView } from '../journal/order-view';
import { ServiceError } from '../shared/service-error';
import { AGAIN, retry, type RetryPolicy } from '../shared/retry';
import type { Timers } from '../shared/time';
import { interpretRefund, refundApplied } from './interpret-refund';
import type { RefundKind } from './refund-no';

export interface RefundOutcome {
  clientSn: string;
  refundRequestNo: string;
  kind: RefundKind;
  amountFen: number;
  status: 'refunded' | 'failed' | 'pending';
  message: string;
}

export interface RefundDeps {
  aggregator: Pick<Aggregator, 'refund' | 'revoke' | 'query'>;
  journal: { append(body: JournalRecordBody): Promise<unknown>; orders: { get(clientSn: string): OrderView | undefined } };
  clock: () => number;
  timers: Timers;
  newRefundNo: (kind: RefundKind) => string;
  /** Business day of a timestamp (voids are same-day only). */
  businessDay: (ts: number) => string;
  /** Re-sends after unknown answers (tries in all, the first included, and the waits between them). */
  retry?: RetryPolicy;
  /** Every final or pending outcome (receipt, event to the screens). */
  onOutcome?: (outcome: RefundOutcome, order: OrderView) => void;
}

const refuse = (message: string): never => {
  throw new ServiceError('REFUSED', message);
};
const yuan = (fen: number): string => `¥${fenToYuanString(fen)}`;

/** Three tries, 1 s then 3 s apart: a lost answer is usually known within seconds. */
export const REFUND_RETRY: RetryPolicy = { attempts: 3, baseMs: 1_000, factor: 3 };

/** What is still refundable: paid − refunded − refunds in flight. */
export function refundableFen(o: OrderView): number {
  if (o.status !== 'paid') return 0;
  const pending = o.refunds.filter((r) => r.status === 'pending').reduce((s, r) => s + r.amountFen, 0);
  return Math.max(0, o.amountFen - o.refundedFen - pending);
}

/** Why a void is not possible now, or null when it is. */
export function voidRefusal(o: OrderView, today: string): string | null {
  if (o.status !== 'paid') return '只有已支付的订单可以撤销';
  if (o.refunds.length > 0) return '该订单已有退款，不能撤销，请用退款';
  if (o.day !== today) return '只能撤销当天的订单；以前的订单请用退款';
  return null;
}

export class RefundService {
  private readonly busy = new Set<string>();
  constructor(private readonly deps: RefundDeps) {}

  async refund(req: { clientSn: string; amountFen: number; operator: string }): Promise<RefundOutcome> {
    return this.exclusive(req.clientSn, async () => {
      const o = this.paidOrder(req.clientSn, '退款');
      if (o.refunds.some((r) => r.status === 'pending')) refuse('该订单有一笔退款结果未确定，请先“再次查询”');
      if (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0) refuse('退款金额必须大于 0');
      const left = refundableFen(o);
      if (req.amountFen > left) refuse(`退款金额超过可退金额：最多可退 ${yuan(left)}`);
      const no = this.deps.newRefundNo('refund');
      await this.deps.journal.append({ type: 'REFUND_REQUESTED', clientSn: o.clientSn, refundRequestNo: no, amountFen: req.amountFen, operator: req.operator, kind: 'refund' });
      return this.drive(o, { refundRequestNo: no, amountFen: req.amountFen, kind: 'refund' }, req.operator);
    });
  }

  async void(req: { clientSn: string; operator: string }): Promise<RefundOutcome> {
    return this.exclusive(req.clientSn, async () => {
      const o = this.paidOrder(req.clientSn, '撤销');
      const why = voidRefusal(o, this.deps.businessDay(this.deps.clock()));
      if (why) refuse(why);
      const no = this.deps.newRefundNo('void');
      await this.deps.journal.append({ type: 'REFUND_REQUESTED', clientSn: o.clientSn, refundRequestNo: no, amountFen: o.amountFen, operator: req.operator, kind: 'void' });
      return this.drive(o, { refundRequestNo: no, amountFen: o.amountFen, kind: 'void' }, req.operator);
    });
  }

  /** "再次查询" for a refund whose outcome is unknown: same refund_request_no, never a new one. */
  async retry(req: { clientSn: string; refundRequestNo: string; operator: string }): Promise<RefundOutcome> {
    return this.exclusive(req.clientSn, async () => {
      const o = this.deps.journal.orders.get(req.clientSn) ?? refuse(`没有订单 ${req.clientSn}`);
      const r: RefundView = o.refunds.find((x) => x.refundRequestNo === req.refundRequestNo) ?? refuse(`没有退款 ${req.refundRequestNo}`);
      const kind: RefundKind = r.kind ?? 'refund';
      if (r.status !== 'pending') {
        return { clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind, amountFen: r.amountFen, status: r.status, message: r.message ?? (r.status === 'refunded' ? '已完成' : '失败') };
      }
      // The order as it was before this refund: refundedFen counts completed refunds only.
      return this.drive(o, { refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, kind }, req.operator);
    });
  }

  /**
   * Crash recovery for refunds (issue 14 item 9): every refund the journal shows pending (asked
   * for, no final answer) is continued with its own refund_request_no, as the manager's
   * "再次查询" would. Returns the outcomes, in journal order.
   */
  async resumePending(orders: readonly OrderView[], operator: string): Promise<RefundOutcome[]> {
    const out: RefundOutcome[] = [];
    for (const o of orders) {
      for (const r of o.refunds) {
        if (r.status !== 'pending') continue;
        out.push(await this.retry({ clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, operator }));
      }
    }
    return out;
  }

  private paidOrder(clientSn: string, what: string): OrderView {
    const o = this.deps.journal.orders.get(clientSn) ?? refuse(`没有订单 ${clientSn}`);
    if (o.status !== 'paid') refuse(`订单未支付成功，不能${what}`);
    return o;
  }

  private async exclusive<T>(clientSn: string, fn: () => Promise<T>): Promise<T> {
    if (this.busy.has(clientSn)) throw new ServiceError('BUSY', '该订单正在退款，请稍候');
    this.busy.add(clientSn);
    try {
      return await fn();
    } finally {
      this.busy.delete(clientSn);
    }
  }

  private async drive(o: OrderView, r: { refundRequestNo: string; amountFen: number; kind: RefundKind }, operator: string): Promise<RefundOutcome> {
    const { aggregator, journal } = this.deps;
    const ref = { clientSn: o.clientSn, ...(o.sn ? { sn: o.sn } : {}) };
    // Cash never went through the aggregator: the manager hands it back from the drawer.
    if (o.method === 'cash') return this.finish(o, r, 'REFUNDED', r.kind === 'void' ? '已撤销，现金已退还顾客' : '现金退款，请从钱箱取出现金交给顾客');
    const netAfter = o.amountFen - o.refundedFen - r.amountFen;
    const unknowns: string[] = [];
    const done = await retry(async () => {
      await journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: r.kind === 'void' ? 'revoke' : 'refund' });
      const out = r.kind === 'void'
        ? await aggregator.revoke(ref)
        : await aggregator.refund({ ...ref, refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, operator });
      const answer = interpretRefund(out, r.kind);
      if (answer.kind === 'done') return this.finish(o, r, 'REFUNDED', r.kind === 'void' ? '已撤销，款项原路退回' : '退款成功，款项原路退回');
      if (answer.kind === 'failed') return this.finish(o, r, 'FAILED', `${r.kind === 'void' ? '撤销' : '退款'}失败：${answer.message}`);
      unknowns.push(answer.message);
      await journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: 'query' });
      if (refundApplied(await aggregator.query(ref), r.kind, netAfter)) {
        return this.finish(o, r, 'REFUNDED', r.kind === 'void' ? '已撤销（查询确认）' : '退款成功（查询确认）');
      }
      return AGAIN;
    }, { ...(this.deps.retry ?? REFUND_RETRY), timers: this.deps.timers });
    if (done.ok) return done.value;
    const outcome: RefundOutcome = {
      clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen, status: 'pending',
      message: `结果未知（${unknowns.at(-1) ?? ''}），请稍后点“再次查询”；不要重新发起退款`,
    };
    this.deps.onOutcome?.(outcome, this.deps.journal.orders.get(o.clientSn) ?? o);
    return outcome;
  }

  private async finish(o: OrderView, r: { refundRequestNo: string; amountFen: number; kind: RefundKind }, result: 'REFUNDED' | 'FAILED', message: string): Promise<RefundOutcome> {
    await this.deps.journal.append({ type: 'REFUND_FINAL', clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, outcome: result, message });
    const outcome: RefundOutcome = {
      clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen,
      status: result === 'REFUNDED' ? 'refunded' : 'failed', message,
    };
    this.deps.onOutcome?.(outcome, this.deps.journal.orders.get(o.clientSn) ?? o);
    return outcome;
  }
}
