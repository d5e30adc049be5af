/**
 * Refunds (退款, full or partial) and same-day voids (撤销) of paid orders. Plain Node: the
 * aggregator, journal, clock and sleep are injected.
 *
 * Order of events for one refund: checks (order paid, no refund of it still unknown, amount within
 * what is left) → REFUND_REQUESTED with a new refund_request_no (fsync) → REQUEST_SENT → the call.
 * A definite answer ends it (REFUND_FINAL). An unknown one (timeout, 5xx, lost answer) queries
 * the order; if the query does not show the refund applied, the same request is sent again with
 * the same refund_request_no, a few times; still unknown → the refund stays pending and
 * retry() (the manager's "再次查询") continues it later, again with the same number.
 */
import type { Aggregator } from '../aggregator/types';
import type { JournalRecordBody } from '../journal/records';
import type { OrderView, RefundView } from '../journal/order-view';
import { ServiceError } from '../shared/service-error';
import { interpretRefund, refundApplied } from './interpret-refund';
import type { RefundKind } from './refund-no';
import { msg, type Msg } from '../../preload/messages';
import { journalText } from '../i18n/zh-text';

export interface RefundOutcome {
  clientSn: string;
  refundRequestNo: string;
  kind: RefundKind;
  amountFen: number;
  status: 'refunded' | 'failed' | 'pending';
  message: Msg;
}

export interface RefundDeps {
  aggregator: Pick<Aggregator, 'refund' | 'revoke' | 'query'>;
  journal: { append(body: JournalRecordBody): Promise<unknown>; orders: { get(clientSn: string): OrderView | undefined } };
  clock: () => number;
  sleep: (ms: number) => Promise<void>;
  newRefundNo: (kind: RefundKind) => string;
  /** Business day of a timestamp (voids are same-day only). */
  businessDay: (ts: number) => string;
  /** Pauses between re-sends after unknown answers; its length is the number of re-sends. */
  retryDelaysMs?: readonly number[];
  /** Every final or pending outcome (receipt, event to the screens). */
  onOutcome?: (outcome: RefundOutcome, order: OrderView) => void;
}

const refuse = (message: Msg): never => {
  throw new ServiceError('REFUSED', message);
};

/** What is still refundable: paid − refunded − refunds in flight. */
export function refundableFen(o: OrderView): number {
  if (o.status !== 'paid') return 0;
  const pending = o.refunds.filter((r) => r.status === 'pending').reduce((s, r) => s + r.amountFen, 0);
  return Math.max(0, o.amountFen - o.refundedFen - pending);
}

/** Why a void is not possible now, or null when it is. */
export function voidRefusal(o: OrderView, today: string): Msg | null {
  if (o.status !== 'paid') return msg('refund.voidNotPaid');
  if (o.refunds.length > 0) return msg('refund.voidHasRefunds');
  if (o.day !== today) return msg('refund.voidOtherDay');
  return null;
}

export class RefundService {
  private readonly busy = new Set<string>();
  private readonly delays: readonly number[];

  constructor(private readonly deps: RefundDeps) {
    this.delays = deps.retryDelaysMs ?? [1_000, 3_000];
  }

  async refund(req: { clientSn: string; amountFen: number; operator: string }): Promise<RefundOutcome> {
    return this.exclusive(req.clientSn, async () => {
      const o = this.paidOrder(req.clientSn, 'refund');
      if (o.refunds.some((r) => r.status === 'pending')) refuse(msg('refund.pendingFirst'));
      if (!Number.isSafeInteger(req.amountFen) || req.amountFen <= 0) refuse(msg('refund.amountPositive'));
      const left = refundableFen(o);
      if (req.amountFen > left) refuse(msg('refund.overRefundable', { leftFen: left }));
      const no = this.deps.newRefundNo('refund');
      await this.deps.journal.append({ type: 'REFUND_REQUESTED', clientSn: o.clientSn, refundRequestNo: no, amountFen: req.amountFen, operator: req.operator, kind: 'refund' });
      return this.drive(o, { refundRequestNo: no, amountFen: req.amountFen, kind: 'refund' }, req.operator);
    });
  }

  async void(req: { clientSn: string; operator: string }): Promise<RefundOutcome> {
    return this.exclusive(req.clientSn, async () => {
      const o = this.paidOrder(req.clientSn, 'void');
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
      const o = this.deps.journal.orders.get(req.clientSn) ?? refuse(msg('refund.noOrder', { clientSn: req.clientSn }));
      const r: RefundView = o.refunds.find((x) => x.refundRequestNo === req.refundRequestNo) ?? refuse(msg('refund.noRefund', { refundRequestNo: req.refundRequestNo }));
      const kind: RefundKind = r.kind ?? 'refund';
      if (r.status !== 'pending') {
        return { clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind, amountFen: r.amountFen, status: r.status, message: r.note ?? msg(r.status === 'refunded' ? 'refund.done' : 'refund.failedPlain') };
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

  private paidOrder(clientSn: string, what: RefundKind): OrderView {
    const o = this.deps.journal.orders.get(clientSn) ?? refuse(msg('refund.noOrder', { clientSn }));
    if (o.status !== 'paid') refuse(msg(what === 'void' ? 'refund.voidNotPaid' : 'refund.notPaid'));
    return o;
  }

  private async exclusive<T>(clientSn: string, fn: () => Promise<T>): Promise<T> {
    if (this.busy.has(clientSn)) throw new ServiceError('BUSY', msg('refund.busy'));
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
    if (o.method === 'cash') return this.finish(o, r, 'REFUNDED', msg(r.kind === 'void' ? 'refund.cashVoided' : 'refund.cashRefund'));
    const netAfter = o.amountFen - o.refundedFen - r.amountFen;
    const unknowns: Msg[] = [];
    for (let attempt = 0; ; attempt++) {
      await journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: r.kind === 'void' ? 'revoke' : 'refund' });
      const out = r.kind === 'void'
        ? await aggregator.revoke(ref)
        : await aggregator.refund({ ...ref, refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, operator });
      const answer = interpretRefund(out, r.kind);
      if (answer.kind === 'done') return this.finish(o, r, 'REFUNDED', msg(r.kind === 'void' ? 'refund.voided' : 'refund.refunded'));
      if (answer.kind === 'failed') return this.finish(o, r, 'FAILED', msg(r.kind === 'void' ? 'refund.voidFailed' : 'refund.failed', { reasonMsg: answer.message }));
      unknowns.push(answer.message);
      await journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: 'query' });
      if (refundApplied(await aggregator.query(ref), r.kind, netAfter)) {
        return this.finish(o, r, 'REFUNDED', msg(r.kind === 'void' ? 'refund.voidedQueried' : 'refund.refundedQueried'));
      }
      const delay = this.delays[attempt];
      if (delay === undefined) break;
      await this.deps.sleep(delay);
    }
    const outcome: RefundOutcome = {
      clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen, status: 'pending',
      message: msg('refund.unknown', { reasonMsg: unknowns.at(-1) ?? msg('platform.noAnswer') }),
    };
    this.deps.onOutcome?.(outcome, this.deps.journal.orders.get(o.clientSn) ?? o);
    return outcome;
  }

  private async finish(o: OrderView, r: { refundRequestNo: string; amountFen: number; kind: RefundKind }, result: 'REFUNDED' | 'FAILED', message: Msg): Promise<RefundOutcome> {
    await this.deps.journal.append({ type: 'REFUND_FINAL', clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, outcome: result, ...journalText(message) });
    const outcome: RefundOutcome = {
      clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen,
      status: result === 'REFUNDED' ? 'refunded' : 'failed', message,
    };
    this.deps.onOutcome?.(outcome, this.deps.journal.orders.get(o.clientSn) ?? o);
    return outcome;
  }
}
