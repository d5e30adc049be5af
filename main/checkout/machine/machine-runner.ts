/**
 * The thin runner of the checkout machine: it feeds events to `transition`, executes the effects
 * in order with the injected ports (journal, aggregator, clock, timers) and turns their outcomes
 * back into events. It decides nothing itself: every rule is in checkout-machine.ts.
 */
import type { Aggregator } from '../../aggregator/types';
import type { CheckoutView } from '../../../preload/contract';
import { closeOut } from '../close-out';
import { interpretPay, interpretQuery } from '../interpret';
import { runPoll, type PollRun } from '../poller';
import type { PlatformPollPolicy } from '../poll-policy';
import { requestQr, type WalletQrCodes } from '../qr-start';
import type { Clock, Timers } from '../time';
import type { FinalEvent, JournalPort } from '../checkout-types';
import type { WithdrawnQr } from '../late-watch';
import { ServiceError } from '../../shared/service-error';
import { journalErrorMsg } from '../../i18n/error-msg';
import { transition, type MEffect, type MEvent, type MState } from './checkout-machine';
import { viewOf } from './view';

export interface RunnerDeps {
  aggregator: Aggregator;
  journal: JournalPort;
  clock: Clock;
  timers: Timers;
  /** The platform's polling rules, already scaled (CheckoutService.policy()). */
  policy: () => PlatformPollPolicy;
  request: () => { subject: string; operator: string };
  walletQrCodes?: WalletQrCodes;
  closeOutRetryMs?: number;
  onView: (view: CheckoutView) => void;
  onFinal?: (e: FinalEvent) => void;
  onQrWithdrawn?: (w: WithdrawnQr) => void;
}

const errText = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export class MachineRunner {
  private state: MState = { tag: 'idle' };
  private poll: PollRun | null = null;
  /** When each payment code went out: 招商银行 cancels a code only 15 s after pay (cmb-polypay.md §4.9.1). */
  private readonly paySentAt = new Map<string, number>();

  constructor(private readonly deps: RunnerDeps) {}

  /** What the screen was last shown: a state is on screen only once its `show` effect ran (after its journal record). */
  private shown: CheckoutView | null = null;

  current(): MState { return this.state; }
  view(): CheckoutView {
    const now = this.deps.clock.now();
    return { ...(this.shown ?? viewOf(this.state, now)), serverNow: now };
  }

  /** Stops the running poll (shutdown, tests); the attempt stays unfinished for recovery. */
  async stop(): Promise<void> {
    const run = this.poll;
    this.poll = null;
    await run?.stop();
  }

  /** An answer about one attempt is fed only while the machine is still on that attempt. */
  private onAttempt(clientSn: string): boolean {
    return 'att' in this.state && this.state.att.clientSn === clientSn;
  }

  /** One event: the transition, then its effects in order (outcomes come back as events). */
  async dispatch(event: MEvent): Promise<void> {
    const step = transition(this.state, event);
    this.state = step.state;
    for (const effect of step.effects) {
      // Synchronous effects (show, final, watchLate) run back to back: the screen, the receipt and
      // the late watch hear of a result in the same turn.
      const pending = this.run(effect);
      if (pending) await pending;
    }
  }

  private run(e: MEffect): Promise<void> | void {
    const d = this.deps;
    switch (e.type) {
      case 'show':
        this.shown = viewOf(this.state, d.clock.now());
        d.onView(this.shown);
        return;
      case 'refuse': throw new ServiceError(e.code, e.message);
      case 'markSent':
        // A marker: the fsync that matters (ATTEMPT_CREATED) is done; it never holds up the payment.
        void d.journal.append({ type: 'REQUEST_SENT', clientSn: e.clientSn, op: e.op }).catch(() => undefined);
        return;
      case 'startPoll': {
        const policy = d.policy()[e.method];
        const run = runPoll({
          policy, clock: d.clock, timers: d.timers, deadline: e.deadline, startedAt: e.startedAt,
          tick: async () => {
            const state = interpretQuery(await d.aggregator.query({ clientSn: e.clientSn }));
            if (!this.onAttempt(e.clientSn)) return 'final';
            await this.dispatch({ type: 'POLL_ANSWER', state });
            if (this.state.tag !== 'waiting' || !this.onAttempt(e.clientSn)) return 'final';
            return state.kind === 'unknown' ? 'error' : 'continue';
          },
        });
        this.poll = run;
        void run.done.then((end) => {
          if (this.poll === run) this.poll = null;
          return (end === 'deadline' || end === 'exhausted') && this.onAttempt(e.clientSn) ? this.dispatch({ type: 'POLL_ENDED', end }) : undefined;
        }).catch(() => undefined);
        return;
      }
      case 'final': {
        const { type: _t, ...f } = e;
        d.onFinal?.(f);
        return;
      }
      case 'watchLate':
        d.onQrWithdrawn?.({ clientSn: e.clientSn, amountFen: e.amountFen, withdrawnAt: d.clock.now() });
        return;
      default:
        return this.runAsync(e);
    }
  }

  private async runAsync(e: MEffect): Promise<void> {
    const d = this.deps;
    switch (e.type) {
      case 'journal':
        try {
          await d.journal.append(e.body);
        } catch (err) {
          if (e.then === 'event') return this.dispatch({ type: 'JOURNAL_FAILED', reason: journalErrorMsg(err), detail: errText(err) });
          if (e.then === 'warn') return this.dispatch({ type: 'FINAL_NOT_SAVED', reason: journalErrorMsg(err) });
          return;
        }
        if (e.then === 'event') return this.dispatch({ type: 'JOURNALED' });
        return;
      case 'requestQr': {
        const answer = await requestQr(d.aggregator, { clientSn: e.clientSn, amountFen: e.amountFen, ...d.request() }, e.wallet, d.walletQrCodes ?? (() => null));
        return this.dispatch({ type: 'QR_ANSWER', answer });
      }
      case 'pay': {
        this.paySentAt.set(e.clientSn, d.clock.now());
        if (this.paySentAt.size > 50) this.paySentAt.delete(this.paySentAt.keys().next().value as string);
        const out = await d.aggregator.pay({ clientSn: e.clientSn, amountFen: e.amountFen, dynamicId: e.code, ...d.request() });
        return this.dispatch({ type: 'PAY_ANSWER', state: interpretPay(out) });
      }
      case 'stopPoll':
        return this.stop();
      case 'closeOut': {
        const notBefore = e.method === 'scan' ? (this.paySentAt.get(e.clientSn) ?? e.sentAt) + d.policy().cancelNotBeforeMs : undefined;
        let res;
        try {
          res = await closeOut(e.clientSn, {
            aggregator: d.aggregator, timers: d.timers, retryDelayMs: d.closeOutRetryMs, clock: d.clock, notBefore,
            beforeCancel: async () => { await d.journal.append({ type: 'CANCEL_REQUESTED', clientSn: e.clientSn, reason: e.reason }); },
          });
        } catch (err) {
          return this.dispatch({ type: 'CLOSE_OUT_JOURNAL_FAILED', reason: journalErrorMsg(err), detail: errText(err) });
        }
        return this.dispatch({ type: 'CLOSE_OUT_DONE', res });
      }
      default:
        return;
    }
  }
}
