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
 * On a platform with a documented refund query and pace (招商银行, refund-follow-up.ts) an unknown
 * answer is instead followed up in the background by refund query at that pace, and the manager
 * sees "processing" at once rather than waiting minutes for the call to return.
 */
import type { Aggregator } from '../aggregator/types';
import type { JournalRecordBody } from '../journal/records';
import type { OrderView, RefundView } from '../journal/order-view';
import { ServiceError } from '../shared/service-error';
import { AGAIN, retry, type RetryPolicy } from '../shared/retry';
import { sleep, type Timers } from '../shared/time';
import { interpretRefund, refundApplied, type RefundAnswer } from './interpret-refund';
import { followUpMsg, followUpRetry, gaveUpMsg, interpretRefundQuery, refundFollowUp } from './refund-follow-up';
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
  aggregator: Pick<Aggregator, 'refund' | 'revoke' | 'query' | 'pollPolicy' | 'refundQuery'>;
  journal: { append(body: JournalRecordBody): Promise<unknown>; orders: { get(clientSn: string): OrderView | undefined } };
  clock: () => number;
  timers: Timers;
  newRefundNo: (kind: RefundKind) => string;
  /** Business day of a timestamp (voids are same-day only). */
  businessDay: (ts: number) => string;
  /** Re-sends after unknown answers (tries in all, the first included, and the waits between them). */
  retry?: RetryPolicy;
  /** Ends the background follow-ups when aborted (the services stop), like stop(). */
  signal?: AbortSignal;
  /** `checkout.pollTimeScale`: shortens the platform's refund follow-up pace too (1 = as documented). */
  timeScale?: () => number;
  /** Every final or pending outcome (receipt, event to the screens). */
  onOutcome?: (outcome: RefundOutcome, order: OrderView) => void;
}

const refuse = (message: Msg): never => {
  throw new ServiceError('REFUSED', message);
};

/** Three tries, 1 s then 3 s apart: a lost answer is usually known within seconds. */
export const REFUND_RETRY: RetryPolicy = { attempts: 3, baseMs: 1_000, factor: 3 };

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

type Req = { refundRequestNo: string; amountFen: number; kind: RefundKind };
type FollowUp = NonNullable<ReturnType<typeof refundFollowUp>>;

export class RefundService {
  private readonly busy = new Set<string>();
  /** Refund numbers being followed up in the background (one loop each). */
  private readonly following = new Set<string>();
  private readonly stopped = new AbortController();
  constructor(private readonly deps: RefundDeps) {}

  /** Ends the background follow-ups (shutdown); the refunds stay pending in the journal. */
  stop(): void { this.stopped.abort(); }

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
      const rq: Req = { refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, kind };
      const f = kind === 'refund' && o.method !== 'cash' ? this.followUp() : null;
      if (f) {
        // One refund query now; still open → the platform's pace takes over again.
        const done = await this.queryRefund(o, rq, req.operator, f);
        if (done) return done;
        this.follow(o.clientSn, rq, req.operator, f);
        return this.pending(o, rq, followUpMsg(f.policy));
      }
      // The order as it was before this refund: refundedFen counts completed refunds only.
      return this.drive(o, rq, req.operator);
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

  /** Journals REQUEST_SENT, sends the refund (or void) with its own number, says what the answer means. */
  private async send(o: OrderView, r: Req, operator: string): Promise<RefundAnswer> {
    const { aggregator, journal } = this.deps;
    const ref = { clientSn: o.clientSn, ...(o.sn ? { sn: o.sn } : {}) };
    await journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: r.kind === 'void' ? 'revoke' : 'refund' });
    const out = r.kind === 'void'
      ? await aggregator.revoke(ref)
      : await aggregator.refund({ ...ref, refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, operator });
    return interpretRefund(out, r.kind);
  }

  private async drive(o: OrderView, r: Req, operator: string): Promise<RefundOutcome> {
    const { aggregator, journal } = this.deps;
    const ref = { clientSn: o.clientSn, ...(o.sn ? { sn: o.sn } : {}) };
    // Cash never went through the aggregator: the manager hands it back from the drawer.
    if (o.method === 'cash') return this.finish(o, r, 'REFUNDED', msg(r.kind === 'void' ? 'refund.cashVoided' : 'refund.cashRefund'));
    const f = r.kind === 'refund' ? this.followUp() : null;
    if (f) {
      const first = await this.send(o, r, operator);
      if (first.kind === 'done') return this.finish(o, r, 'REFUNDED', msg('refund.refunded'));
      if (first.kind === 'failed') return this.finish(o, r, 'FAILED', msg('refund.failed', { reasonMsg: first.message }));
      this.follow(o.clientSn, r, operator, f);
      return this.pending(o, r, followUpMsg(f.policy));
    }
    const netAfter = o.amountFen - o.refundedFen - r.amountFen;
    const unknowns: Msg[] = [];
    const done = await retry(async () => {
      const answer = await this.send(o, r, operator);
      if (answer.kind === 'done') return this.finish(o, r, 'REFUNDED', msg(r.kind === 'void' ? 'refund.voided' : 'refund.refunded'));
      if (answer.kind === 'failed') return this.finish(o, r, 'FAILED', msg(r.kind === 'void' ? 'refund.voidFailed' : 'refund.failed', { reasonMsg: answer.message }));
      unknowns.push(answer.message);
      await journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: 'query' });
      if (refundApplied(await aggregator.query(ref), r.kind, netAfter)) {
        return this.finish(o, r, 'REFUNDED', msg(r.kind === 'void' ? 'refund.voidedQueried' : 'refund.refundedQueried'));
      }
      return AGAIN;
    }, { ...(this.deps.retry ?? REFUND_RETRY), timers: this.deps.timers });
    if (done.ok) return done.value;
    return this.pending(o, r, msg('refund.unknown', { reasonMsg: unknowns.at(-1) ?? msg('platform.noAnswer') }));
  }

  private followUp(): FollowUp | null { return refundFollowUp(this.deps.aggregator, this.deps.timeScale?.() ?? 1); }

  private pending(o: OrderView, r: Req, message: Msg): RefundOutcome {
    const outcome: RefundOutcome = { clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen, status: 'pending', message };
    this.deps.onOutcome?.(outcome, this.deps.journal.orders.get(o.clientSn) ?? o);
    return outcome;
  }

  /**
   * The background follow-up of one refund: first refund query one interval after the unknown
   * answer, then at the platform's pace until its time limit (the retry helper counts the turns);
   * ends as soon as the refund is final, by this loop or by the manager's "再次查询".
   */
  private follow(clientSn: string, r: Req, operator: string, f: FollowUp): void {
    if (this.following.has(r.refundRequestNo)) return;
    this.following.add(r.refundRequestNo);
    const { timers } = this.deps;
    const signal = this.deps.signal ? AbortSignal.any([this.stopped.signal, this.deps.signal]) : this.stopped.signal;
    const run = async () => {
      if (!(await sleep(timers, f.policy.everyMs, signal))) return;
      const res = await retry(async () => (await this.followStep(clientSn, r, operator, f)) ?? AGAIN, { ...followUpRetry(f.policy), timers, signal });
      const o = this.deps.journal.orders.get(clientSn);
      const still = o?.refunds.find((x) => x.refundRequestNo === r.refundRequestNo)?.status === 'pending';
      if (!res.ok && res.reason === 'exhausted' && o && still) this.pending(o, r, gaveUpMsg(f.policy));
    };
    void run().catch(() => undefined).finally(() => this.following.delete(r.refundRequestNo));
  }

  /** One turn: final (by now or by someone else) → the outcome; otherwise null (next turn). */
  private async followStep(clientSn: string, r: Req, operator: string, f: FollowUp): Promise<RefundOutcome | null> {
    const o = this.deps.journal.orders.get(clientSn);
    const cur = o?.refunds.find((x) => x.refundRequestNo === r.refundRequestNo);
    if (!o || !cur) return null;
    if (cur.status !== 'pending') return { clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen, status: cur.status, message: cur.note ?? msg('refund.done') };
    if (this.busy.has(clientSn)) return null; // the manager is on this order right now: next turn
    this.busy.add(clientSn);
    try {
      return await this.queryRefund(o, r, operator, f);
    } finally {
      this.busy.delete(clientSn);
    }
  }

  /** Refund query by number; a refund the platform never got is re-sent with the same number. */
  private async queryRefund(o: OrderView, r: Req, operator: string, f: FollowUp): Promise<RefundOutcome | null> {
    await this.deps.journal.append({ type: 'REQUEST_SENT', clientSn: o.clientSn, op: 'query' });
    const a = interpretRefundQuery(await f.query({ clientSn: o.clientSn, refundRequestNo: r.refundRequestNo }));
    if (a.kind === 'refunded') return this.finish(o, r, 'REFUNDED', msg('refund.refundedQueried'));
    if (a.kind === 'failed') return this.finish(o, r, 'FAILED', msg('refund.failed', { reasonMsg: a.message }));
    if (a.kind !== 'resend') return null;
    const again = await this.send(o, r, operator);
    if (again.kind === 'done') return this.finish(o, r, 'REFUNDED', msg('refund.refunded'));
    if (again.kind === 'failed') return this.finish(o, r, 'FAILED', msg('refund.failed', { reasonMsg: again.message }));
    return null;
  }

  private async finish(o: OrderView, r: Req, result: 'REFUNDED' | 'FAILED', message: Msg): Promise<RefundOutcome> {
    await this.deps.journal.append({ type: 'REFUND_FINAL', clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, amountFen: r.amountFen, outcome: result, ...journalText(message) });
    const outcome: RefundOutcome = {
      clientSn: o.clientSn, refundRequestNo: r.refundRequestNo, kind: r.kind, amountFen: r.amountFen,
      status: result === 'REFUNDED' ? 'refunded' : 'failed', message,
    };
    this.deps.onOutcome?.(outcome, this.deps.journal.orders.get(o.clientSn) ?? o);
    return outcome;
  }
}
