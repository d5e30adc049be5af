/**
 * The checkout state machine for one counter: at most one payment at a time. Every step is
 * journaled (fsync) before the network call it precedes; unknown outcomes go through
 * query → cancel (close-out.ts); the view pushed to the screen only says 支付成功 after the
 * platform said PAID for the amount we asked.
 */
import type { OrderData, Wallet } from '../aggregator/types';
import type { CheckoutView } from '../../preload/contract';
import type { JournalRecordBody, PaymentMethod } from '../journal/records';
import type { Attempt, CheckoutDeps, SaleRef } from './checkout-types';
import { closeOut, type CloseOutResult } from './close-out';
import { interpretPay, interpretQuery, type OrderState } from './interpret';
import { requestQr, type QrWallet } from './qr-start';
import { runPoll } from './poller';
import { QR_POLICY, SCAN_POLICY } from './poll-policy';
import { ServiceError } from '../shared/service-error';
import { msg, type Msg } from '../../preload/messages';
import { journalText, zhText } from '../i18n/zh-text';
import { journalErrorMsg } from '../i18n/error-msg';

export type { CheckoutConfig, JournalPort, SaleRef, FinalEvent, CheckoutDeps, Attempt } from './checkout-types';

type Result = NonNullable<CheckoutView['result']>;
const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class CheckoutService {
  private view: CheckoutView;
  private active: Attempt | null = null;
  private readonly seenRequests = new Map<string, string>();
  private recovering = false;
  /** An attempt is between admit() and being journaled: a second start must wait (BUSY). */
  private starting = false;
  /** Last result per attempt, for the recovery report. */
  private readonly outcomes = new Map<string, Result>();
  /** Payment codes already sent: a code pays once, so a second scan of it must never charge again. */
  private readonly sentCodes = new Set<string>();

  constructor(private readonly deps: CheckoutDeps) {
    this.view = { phase: 'idle', serverNow: deps.clock.now() };
  }

  current(): CheckoutView { return { ...this.view, serverNow: this.deps.clock.now() }; }
  activeAttempt(): Attempt | null { return this.active; }

  setRecovering(on: boolean): void {
    this.recovering = on;
    if (!this.active) this.show(on ? { phase: 'recovering' } : { phase: 'idle' });
  }

  /**
   * `sale`: the wallet part of a mixed-tender sale (mixed-tender.ts). `wallet`: in the per-wallet
   * QR mode, the wallet the cashier picked (qr-start.ts); absent in the unified mode.
   */
  async startQr(amountFen: number, requestId: string, sale?: SaleRef, wallet?: QrWallet): Promise<CheckoutView> {
    const perWallet = this.deps.config().qrMode === 'per-wallet';
    if (perWallet && wallet === undefined && !this.seenRequests.has(requestId)) throw new ServiceError('REFUSED', msg('checkout.pickWallet'));
    const dup = this.admit(amountFen, requestId);
    if (dup) return dup;
    const att = await this.createAttempt('qr', amountFen, requestId, this.deps.config().qrExpiryMs, { ...sale, ...(perWallet ? { wallet } : {}) });
    if (perWallet) this.markSent(att, 'precreate'); // the unified QR is built locally: nothing is sent
    const cfg = this.deps.config();
    const answer = await requestQr(this.deps.aggregator, { clientSn: att.clientSn, amountFen, subject: cfg.subject, operator: cfg.operator }, perWallet ? wallet : undefined, this.deps.walletQrCodes ?? (() => null));
    if (answer.kind === 'qr') {
      att.qrCode = answer.qrCode;
      att.expiresAt = att.deadline;
      try {
        await this.journal({ type: 'QR_READY', clientSn: att.clientSn, sn: answer.sn, qrCode: answer.qrCode, expiresAt: att.deadline });
      } catch (err) {
        // Not shown, so nobody can pay it; the order is closed once the journal can record again.
        await this.needsAttention(att, msg('result.journalFailedQrHidden', { reasonMsg: journalErrorMsg(err) }), answer.sn, errText(err));
        return this.current();
      }
      this.wait(att, msg(perWallet ? 'checkout.scanPromptWallet' : 'checkout.scanPrompt'));
    } else if (answer.kind === 'failed') {
      await this.settle(att, { outcome: 'FAILED', message: msg('result.createFailed', { reasonMsg: answer.message }), nextStep: msg('next.collectAgain') });
    } else {
      await this.finishUnclear(att, answer.message);
    }
    return this.current();
  }

  async startScan(amountFen: number, code: string, wallet: Wallet, codeMasked: string, requestId: string, sale?: SaleRef): Promise<CheckoutView> {
    if (!this.seenRequests.has(requestId) && this.sentCodes.has(code)) throw new ServiceError('REFUSED', msg('paycode.alreadyScanned'));
    const dup = this.admit(amountFen, requestId);
    if (dup) return dup;
    const att = await this.createAttempt('scan', amountFen, requestId, this.deps.config().scanWindowMs, { wallet, codeMasked, ...sale });
    this.sentCodes.add(code);
    if (this.sentCodes.size > 100) this.sentCodes.delete(this.sentCodes.values().next().value as string);
    this.markSent(att, 'pay');
    const cfg = this.deps.config();
    const state = interpretPay(await this.deps.aggregator.pay({ clientSn: att.clientSn, amountFen, dynamicId: code, subject: cfg.subject, operator: cfg.operator }));
    if (state.kind === 'failed') await this.settle(att, { outcome: 'FAILED', message: msg('result.payFailed', { reasonMsg: state.message }), nextStep: msg('next.refreshCode') });
    else if (!(await this.applyState(att, state))) this.wait(att, msg(state.kind === 'pending' ? 'checkout.customerPaying' : 'checkout.confirming'));
    return this.current();
  }

  /** Cashier pressed 取消 (or closed the window): query → cancel the same client_sn. */
  async cancel(clientSn: string): Promise<CheckoutView> {
    const att = this.active;
    if (!att || att.clientSn !== clientSn) return this.current();
    if (this.view.phase === 'cancelling') return this.current();
    this.show({ ...this.view, phase: 'cancelling', progress: msg('checkout.reversing') });
    await att.poll?.stop();
    await this.finishByCloseOut(att, 'cashier');
    return this.current();
  }

  /** 需人工确认 → the cashier's "query again" button. */
  async queryAgain(clientSn: string): Promise<CheckoutView> {
    const att = this.active;
    if (!att || att.clientSn !== clientSn || this.view.result?.outcome !== 'NEEDS_ATTENTION') return this.current();
    this.show({ ...this.view, progress: msg('checkout.querying') });
    await this.finishByCloseOut(att, 'cashier');
    return this.current();
  }

  /** Back to the keypad. A 需人工确认 order stays in history and is re-queried at the next start. */
  dismiss(): CheckoutView {
    if (this.view.phase === 'result') {
      this.active = null;
      this.show({ phase: this.recovering ? 'recovering' : 'idle' });
    }
    return this.current();
  }

  /**
   * Recovery: finish an attempt found unfinished in the journal. In the foreground a payment
   * still inside its window comes back on screen (QR again, or 用户支付中) and is polled to its
   * window end; in the background it is queried and closed out at once. Returns the outcome.
   */
  async resume(att: Attempt, foreground: boolean): Promise<Result | undefined> {
    att.recovered = true;
    if (foreground) this.active = att;
    const state = interpretQuery(await this.deps.aggregator.query({ clientSn: att.clientSn }));
    if (await this.applyState(att, state)) return this.outcomes.get(att.clientSn);
    const resumable = att.method === 'scan' || !!att.qrCode;
    // A unified QR nobody opened yet is "not found" at the platform: still waiting (§1.6a).
    const waiting = state.kind === 'pending' || (state.kind === 'not_found' && att.method === 'qr' && !!att.qrCode);
    if (foreground && waiting && this.deps.clock.now() < att.deadline && resumable) {
      this.wait(att, msg(att.method === 'qr' ? 'checkout.recoveredScan' : 'checkout.recoveredConfirming'));
      return undefined;
    }
    await this.finishByCloseOut(att, 'recovery');
    return this.outcomes.get(att.clientSn);
  }

  /**
   * Cash tender (cash-service.ts): admitted like any payment (never while one runs, same
   * limits, same request id rule); `record` journals it under a new client_sn and returns the
   * view to show. Nothing is shown unless the record is on disk.
   */
  async tender(amountFen: number, requestId: string, record: (clientSn: string) => Promise<Omit<CheckoutView, 'serverNow'>>): Promise<CheckoutView> {
    const dup = this.admit(amountFen, requestId);
    if (dup) return dup;
    const clientSn = this.deps.newClientSn();
    this.seenRequests.set(requestId, clientSn);
    try {
      const view = await record(clientSn);
      this.active = null;
      this.show(view);
    } catch (err) {
      this.seenRequests.delete(requestId);
      throw err instanceof ServiceError ? err : new ServiceError('REFUSED', msg('checkout.journalFailedNoCash', { reasonMsg: journalErrorMsg(err) }));
    } finally {
      this.starting = false;
    }
    return this.current();
  }

  /** Shows a finished mixed-tender sale in place of its last part's result (same client_sn). */
  present(view: Omit<CheckoutView, 'serverNow'>): void {
    if (this.view.clientSn !== view.clientSn || this.view.phase !== 'result') return;
    this.show(view);
  }

  // ── internals ──────────────────────────────────────────────────────────────

  private admit(amountFen: number, requestId: string): CheckoutView | null {
    const seen = this.seenRequests.get(requestId);
    if (seen) return this.current(); // double click / duplicated message: same order, no second one
    if (this.recovering) throw new ServiceError('RECOVERING', msg('checkout.recovering'));
    if (this.starting || (this.active && this.view.phase !== 'result')) throw new ServiceError('BUSY', msg('checkout.busy'));
    const max = this.deps.config().maxAmountFen;
    if (amountFen <= 0) throw new ServiceError('REFUSED', msg('amount.mustBePositive'));
    if (amountFen > max) throw new ServiceError('REFUSED', msg('amount.overLimit', { maxFen: max }));
    this.seenRequests.set(requestId, 'pending');
    this.starting = true;
    if (this.seenRequests.size > 200) this.seenRequests.delete(this.seenRequests.keys().next().value as string);
    return null;
  }

  private async createAttempt(method: PaymentMethod, amountFen: number, requestId: string, windowMs: number, extra: Pick<Attempt, 'wallet' | 'codeMasked' | 'saleId' | 'saleTotalFen'>): Promise<Attempt> {
    const now = this.deps.clock.now();
    const att: Attempt = { clientSn: this.deps.newClientSn(), method, amountFen, createdAt: now, deadline: now + windowMs, ...extra };
    this.seenRequests.set(requestId, att.clientSn);
    const cfg = this.deps.config();
    try {
      await this.deps.journal.append({ type: 'ATTEMPT_CREATED', clientSn: att.clientSn, method, amountFen, operator: cfg.operator, subject: cfg.subject, windowMs, ...extra });
    } catch (err) {
      this.seenRequests.delete(requestId);
      throw new ServiceError('REFUSED', msg('checkout.journalFailedNotCharged', { reasonMsg: journalErrorMsg(err) }));
    } finally {
      this.starting = false;
    }
    this.active = att;
    this.show({ phase: 'creating', method, clientSn: att.clientSn, amountFen, wallet: att.wallet, progress: msg(method === 'qr' ? 'checkout.creatingQr' : 'checkout.charging') });
    return att;
  }

  private wait(att: Attempt, progress: Msg): void {
    this.show({ phase: 'waiting', method: att.method, clientSn: att.clientSn, amountFen: att.amountFen, qrCode: att.qrCode, expiresAt: att.deadline, wallet: att.wallet, progress });
    att.poll = runPoll({
      policy: att.method === 'qr' ? (this.deps.policies?.qr ?? QR_POLICY) : (this.deps.policies?.scan ?? SCAN_POLICY),
      clock: this.deps.clock, timers: this.deps.timers, deadline: att.deadline,
      startedAt: att.createdAt,
      tick: async () => {
        const state = interpretQuery(await this.deps.aggregator.query({ clientSn: att.clientSn }));
        if (await this.applyState(att, state)) return 'final';
        return state.kind === 'unknown' ? 'error' : 'continue';
      },
    });
    void att.poll.done.then(async (end) => {
      if (end === 'deadline' && this.active === att && this.view.phase === 'waiting') {
        this.show({ ...this.view, phase: 'cancelling', progress: msg(att.method === 'qr' ? 'checkout.qrExpiredClosing' : 'checkout.timeoutReversing') });
        await this.finishByCloseOut(att, att.method === 'qr' ? 'expired' : 'window_end');
      }
    });
  }

  /** Applies a definite state; returns true when the attempt is now final. */
  private async applyState(att: Attempt, state: OrderState): Promise<boolean> {
    if (state.kind === 'paid') { await this.settlePaid(att, state.data); return true; }
    if (state.kind === 'canceled') {
      await this.settle(att, state.expired
        ? { outcome: 'EXPIRED', message: msg('result.qrExpiredUnpaid'), nextStep: msg('next.continueCollect') }
        : { outcome: 'CANCELED', message: state.message, nextStep: msg('next.continueCollect') });
      return true;
    }
    if (state.kind === 'failed') { await this.settle(att, { outcome: 'FAILED', message: state.message }); return true; }
    return false;
  }

  private async settlePaid(att: Attempt, data: OrderData): Promise<void> {
    if (data.totalFen !== att.amountFen) {
      // Never say paid for an amount we did not ask for (G9): a person must look at it.
      await this.needsAttention(att, msg('result.amountMismatch', { dueFen: att.amountFen, platformFen: data.totalFen }), data.sn);
      return;
    }
    att.wallet = data.wallet;
    await this.settle(att, { outcome: 'PAID', message: msg('result.paid'), wallet: data.wallet, sn: data.sn }, data.tradeNo);
  }

  private async finishUnclear(att: Attempt, why: Msg): Promise<void> {
    this.show({ ...this.view, phase: 'cancelling', progress: msg('checkout.unknownQuerying', { reasonMsg: why }) });
    await this.finishByCloseOut(att, 'cashier');
  }

  private async finishByCloseOut(att: Attempt, reason: 'cashier' | 'expired' | 'window_end' | 'recovery'): Promise<void> {
    let res: CloseOutResult;
    try {
      res = await closeOut(att.clientSn, {
        aggregator: this.deps.aggregator, timers: this.deps.timers, retryDelayMs: this.deps.closeOutRetryMs,
        beforeCancel: () => this.journal({ type: 'CANCEL_REQUESTED', clientSn: att.clientSn, reason }),
      });
    } catch (err) {
      // CANCEL_REQUESTED could not be journaled, so no cancel was sent: the order may still be open.
      return this.needsAttention(att, msg('result.journalFailedNotReversed', { reasonMsg: journalErrorMsg(err) }), undefined, errText(err));
    }
    if (res.kind === 'paid') return this.settlePaid(att, res.state.data);
    if (res.kind === 'not_found') {
      // A QR that was shown but nobody opened has no order at the platform: nothing to cancel
      // (§1.6, §1.6a). One never shown (its request got lost) simply failed.
      const shown = att.method === 'qr' && att.qrCode !== undefined;
      if (shown && reason === 'expired') return this.settle(att, { outcome: 'EXPIRED', message: msg('result.qrExpiredUnpaid'), nextStep: msg('next.continueCollect') });
      if (shown) return this.settle(att, { outcome: 'CANCELED', message: msg('result.canceledUnpaid'), nextStep: msg('next.continueCollect') });
      return this.settle(att, { outcome: 'FAILED', message: msg('result.notFoundNotCharged'), nextStep: msg('next.collectAgain') });
    }
    if (res.kind === 'unknown') return this.needsAttention(att, res.message);
    if (reason === 'expired') return this.settle(att, { outcome: 'EXPIRED', message: msg('result.qrExpiredClosed'), nextStep: msg('next.continueCollect') });
    if (reason === 'window_end') return this.settle(att, { outcome: 'CANCELED', message: msg('result.reversedWindowEnd'), nextStep: msg('next.refreshCode') });
    return this.settle(att, { outcome: 'CANCELED', message: res.message, nextStep: msg('next.continueCollect') });
  }

  /** `detail`: the technical cause, kept in the journal's text only. */
  private async needsAttention(att: Attempt, reason: Msg, sn?: string, detail?: string): Promise<void> {
    await this.journal({ type: 'NEEDS_ATTENTION', clientSn: att.clientSn, reason: zhText(reason) + (detail ? ` (${detail})` : ''), msg: reason, sn }).catch(() => undefined);
    this.showResult(att, { outcome: 'NEEDS_ATTENTION', message: msg('result.needsAttention', { reasonMsg: reason }), nextStep: msg('next.queryAgain'), amountFen: att.amountFen, sn });
  }

  private async settle(att: Attempt, r: Omit<Result, 'amountFen'> & { outcome: 'PAID' | 'FAILED' | 'CANCELED' | 'EXPIRED' }, tradeNo?: string): Promise<void> {
    let message = r.message;
    try {
      await this.deps.journal.append({ type: 'PAYMENT_FINAL', clientSn: att.clientSn, outcome: r.outcome, amountFen: att.amountFen, sn: r.sn, tradeNo, wallet: r.wallet ?? att.wallet, ...journalText(r.message), recovered: att.recovered || undefined });
    } catch (err) {
      message = msg('result.journalWarning', { textMsg: r.message, reasonMsg: journalErrorMsg(err) });
    }
    this.showResult(att, { ...r, message, wallet: r.wallet ?? att.wallet, amountFen: att.amountFen });
    this.deps.onFinal?.({ clientSn: att.clientSn, outcome: r.outcome, amountFen: att.amountFen, wallet: r.wallet ?? att.wallet, sn: r.sn, method: att.method, recovered: !!att.recovered, codeMasked: att.codeMasked, saleId: att.saleId });
    // A withdrawn QR can still be paid (no expiry in a gateway URL): watch it (late-watch.ts).
    if (att.method === 'qr' && (r.outcome === 'CANCELED' || r.outcome === 'EXPIRED')) this.deps.onQrWithdrawn?.({ clientSn: att.clientSn, amountFen: att.amountFen, withdrawnAt: this.deps.clock.now() });
  }

  private showResult(att: Attempt, result: Result): void {
    this.outcomes.set(att.clientSn, result);
    if (this.active !== att) return; // a recovered background attempt does not take over the screen
    this.show({ phase: 'result', method: att.method, clientSn: att.clientSn, amountFen: att.amountFen, wallet: result.wallet, result });
  }

  private async journal(body: JournalRecordBody): Promise<void> { await this.deps.journal.append(body); }

  /**
   * REQUEST_SENT is a marker written as the request goes out. The fsync that matters (the
   * client_sn) already happened in ATTEMPT_CREATED, and recovery queries every unfinished attempt
   * whether or not it was sent, so the marker need not hold up the payment (it saves an fsync).
   */
  private markSent(att: Attempt, op: 'precreate' | 'pay'): void {
    void this.deps.journal.append({ type: 'REQUEST_SENT', clientSn: att.clientSn, op }).catch(() => undefined);
  }

  private show(v: Omit<CheckoutView, 'serverNow'>): void {
    this.view = { ...v, serverNow: this.deps.clock.now() };
    this.deps.onView(this.view);
  }
}
