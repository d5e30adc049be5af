/**
 * The checkout for one counter: at most one payment at a time. It admits a request (request id
 * seen once, amount within limits, a payment code paid once) and feeds it as an event to the
 * state machine (machine/checkout-machine.ts), whose runner journals before every network call,
 * polls by the platform's rules and goes query → cancel on any doubt. The view on screen is
 * derived from the machine's state (machine/view.ts), so it says 支付成功 only in a PAID result.
 */
import type { Wallet } from '../aggregator/types';
import type { CheckoutView } from '../../preload/contract';
import type { CheckoutDeps, SaleRef } from './checkout-types';
import { interpretQuery } from './interpret';
import type { QrWallet } from './qr-start';
import { platformPolicy, policyWindowMs, scalePolicy, type PlatformPollPolicy } from './poll-policy';
import { ServiceError } from '../shared/service-error';
import { msg } from '../../preload/messages';
import { journalErrorMsg } from '../i18n/error-msg';
import { startRefusal, type MAttempt, type MEvent, type MResult, type TenderView } from './machine/checkout-machine';
import { MachineRunner } from './machine/machine-runner';

export type { CheckoutConfig, JournalPort, SaleRef, FinalEvent, CheckoutDeps } from './checkout-types';

export class CheckoutService {
  private readonly runner: MachineRunner;
  /** request id → client_sn ('pending' while it starts): a double click or a repeated message makes no second order. */
  private readonly seenRequests = new Map<string, string>();
  /** Payment codes already sent: a code pays once, so a second scan of it must never charge again. */
  private readonly sentCodes = new Set<string>();
  private recovering = false;
  /** A cash sale is being journaled: nothing else may start meanwhile. */
  private tendering = false;

  constructor(private readonly deps: CheckoutDeps) {
    this.runner = this.newRunner(deps.onView);
  }

  current(): CheckoutView { return this.runner.view(); }

  /** Stops polling (shutdown, tests); an unfinished attempt is finished by recovery at the next start. */
  stop(): Promise<void> { return this.runner.stop(); }

  setRecovering(on: boolean): void {
    this.recovering = on;
    void this.runner.dispatch({ type: 'RECOVERING', on });
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
    return this.start(requestId, { type: 'START_QR', ...this.startFields(amountFen, 'qr'), ...(perWallet ? { perWallet: true, wallet } : {}), ...(sale ? { sale } : {}) });
  }

  async startScan(amountFen: number, code: string, wallet: Wallet, codeMasked: string, requestId: string, sale?: SaleRef): Promise<CheckoutView> {
    if (!this.seenRequests.has(requestId) && this.sentCodes.has(code)) throw new ServiceError('REFUSED', msg('paycode.alreadyScanned'));
    const dup = this.admit(amountFen, requestId);
    if (dup) return dup;
    const event: MEvent = { type: 'START_SCAN', ...this.startFields(amountFen, 'scan'), code, wallet, codeMasked, ...(sale ? { sale } : {}) };
    try {
      return await this.start(requestId, event);
    } finally {
      // Once its attempt exists the code may have gone out: it is never sent again.
      if (this.onAttempt(event.clientSn)) {
        this.sentCodes.add(code);
        if (this.sentCodes.size > 100) this.sentCodes.delete(this.sentCodes.values().next().value as string);
      }
    }
  }

  /** Cashier pressed 取消 (or closed the window): query → cancel the same client_sn. */
  async cancel(clientSn: string): Promise<CheckoutView> {
    if (this.onAttempt(clientSn)) await this.runner.dispatch({ type: 'CANCEL_PRESSED' });
    return this.current();
  }

  /** 需人工确认 → the cashier's "query again" button. */
  async queryAgain(clientSn: string): Promise<CheckoutView> {
    if (this.onAttempt(clientSn)) await this.runner.dispatch({ type: 'QUERY_AGAIN' });
    return this.current();
  }

  /** Back to the keypad. A 需人工确认 order stays in history and is re-queried at the next start. */
  dismiss(): CheckoutView {
    void this.runner.dispatch({ type: 'DISMISS', recovering: this.recovering });
    return this.current();
  }

  /**
   * Recovery: finish an attempt found unfinished in the journal. In the foreground a payment
   * still inside its window comes back on screen (QR again, or 用户支付中) and is polled to its
   * window end; in the background it is queried and closed out at once, on a machine of its own
   * that never touches the screen. Returns the outcome (undefined while it is still waiting).
   */
  async resume(att: MAttempt, foreground: boolean): Promise<MResult | undefined> {
    const state = interpretQuery(await this.deps.aggregator.query({ clientSn: att.clientSn }));
    const runner = foreground ? this.runner : this.newRunner(() => undefined);
    await runner.dispatch({ type: 'RESUME', att, foreground, state, now: this.deps.clock.now() });
    const s = runner.current();
    return s.tag === 'result' && s.att.clientSn === att.clientSn ? s.result : undefined;
  }

  /**
   * Cash tender (cash-service.ts): admitted like any payment (never while one runs, same
   * limits, same request id rule); `record` journals it under a new client_sn and returns the
   * view to show. Nothing is shown unless the record is on disk.
   */
  async tender(amountFen: number, requestId: string, record: (clientSn: string) => Promise<TenderView>): Promise<CheckoutView> {
    const dup = this.admit(amountFen, requestId);
    if (dup) return dup;
    const refusal = startRefusal(this.runner.current());
    if (refusal?.type === 'refuse') { this.seenRequests.delete(requestId); throw new ServiceError(refusal.code, refusal.message); }
    const clientSn = this.deps.newClientSn();
    this.seenRequests.set(requestId, clientSn);
    this.tendering = true;
    try {
      const view = await record(clientSn);
      await this.runner.dispatch({ type: 'TENDERED', view });
    } catch (err) {
      this.seenRequests.delete(requestId);
      throw err instanceof ServiceError ? err : new ServiceError('REFUSED', msg('checkout.journalFailedNoCash', { reasonMsg: journalErrorMsg(err) }));
    } finally {
      this.tendering = false;
    }
    return this.current();
  }

  /** Shows a finished mixed-tender sale in place of its last part's result (same client_sn). */
  present(view: TenderView): void {
    void this.runner.dispatch({ type: 'PRESENTED', view });
  }

  // ── internals ──────────────────────────────────────────────────────────────

  /** A repeated request answers the current view; a bad amount or a running cash sale is refused. */
  private admit(amountFen: number, requestId: string): CheckoutView | null {
    if (this.seenRequests.has(requestId)) return this.current(); // double click / duplicated message
    if (this.recovering) throw new ServiceError('RECOVERING', msg('checkout.recovering'));
    if (this.tendering) throw new ServiceError('BUSY', msg('checkout.busy'));
    const max = this.deps.config().maxAmountFen;
    if (amountFen <= 0) throw new ServiceError('REFUSED', msg('amount.mustBePositive'));
    if (amountFen > max) throw new ServiceError('REFUSED', msg('amount.overLimit', { maxFen: max }));
    this.seenRequests.set(requestId, 'pending');
    if (this.seenRequests.size > 200) this.seenRequests.delete(this.seenRequests.keys().next().value as string);
    return null;
  }

  /** Feeds a start; a refused one (busy, journal failed) forgets its request id so it may be retried. */
  private async start(requestId: string, event: Extract<MEvent, { type: 'START_QR' | 'START_SCAN' }>): Promise<CheckoutView> {
    this.seenRequests.set(requestId, event.clientSn);
    try {
      await this.runner.dispatch(event);
    } catch (err) {
      if (!this.onAttempt(event.clientSn)) this.seenRequests.delete(requestId);
      throw err;
    }
    return this.current();
  }

  private startFields(amountFen: number, method: 'qr' | 'scan') {
    const cfg = this.deps.config();
    return { clientSn: this.deps.newClientSn(), amountFen, now: this.deps.clock.now(), windowMs: this.windowMs(method), operator: cfg.operator, subject: cfg.subject };
  }

  private onAttempt(clientSn: string): boolean {
    const s = this.runner.current();
    return 'att' in s && s.att.clientSn === clientSn;
  }

  /** The platform's polling rules (aggregator/…/poll-policy.ts), shortened by `pollTimeScale` in tests. */
  private policy(): PlatformPollPolicy {
    const base = platformPolicy(this.deps.aggregator, this.deps.policies);
    const scale = this.deps.config().pollTimeScale ?? 1;
    if (scale === 1) return base;
    return { ...base, qr: scalePolicy(base.qr, scale), scan: scalePolicy(base.scan, scale), cancelNotBeforeMs: Math.round(base.cancelNotBeforeMs * scale) };
  }

  /** The shop's window, or sooner where the platform's query limit ends the order first. */
  private windowMs(method: 'qr' | 'scan'): number {
    const cfg = this.deps.config();
    return Math.min(method === 'qr' ? cfg.qrExpiryMs : cfg.scanWindowMs, policyWindowMs(this.policy()[method]));
  }

  private newRunner(onView: (view: CheckoutView) => void): MachineRunner {
    const d = this.deps;
    return new MachineRunner({
      aggregator: d.aggregator, journal: d.journal, clock: d.clock, timers: d.timers, policy: () => this.policy(),
      request: () => { const cfg = d.config(); return { subject: cfg.subject, operator: cfg.operator }; },
      walletQrCodes: d.walletQrCodes, closeOutRetryMs: d.closeOutRetryMs, onView, onFinal: d.onFinal, onQrWithdrawn: d.onQrWithdrawn,
    });
  }
}
