/**
 * The late-payment watch of withdrawn QRs (checkout/late-watch.ts) wired to the journal, the
 * settings and the screen: watches start when a QR attempt ends CANCELED/EXPIRED and resume at
 * start for those withdrawn within the watch time; each late payment waits on screen until the
 * cashier keeps it or refunds it (the refund is the manager's `refund` action, PIN and all).
 */
import type { Aggregator } from '../aggregator/types';
import type { BackoffPolicy } from '../shared/retry';
import { LATE_PAID_MESSAGE, LATE_WATCH_BACKOFF, LateWatch, withdrawnSince, type LatePayment, type WithdrawnQr } from '../checkout/late-watch';
import type { Clock, Timers } from '../shared/time';
import type { Journal } from '../journal';
import type { SettingsHandle } from '../settings/settings-store';
import type { EventBus } from './event-bus';

export interface LateWatchSetup {
  onQrWithdrawn(w: WithdrawnQr): void;
  /** Resumes watches and lists unanswered late payments from the journal (after recovery). */
  resume(): void;
  pending(): LatePayment[];
  dismiss(clientSn: string): LatePayment[];
  stop(): void;
}

export interface LateWatchSetupDeps {
  aggregator: Aggregator;
  journal: Journal;
  settings: SettingsHandle;
  clock: Clock;
  timers: Timers;
  bus: EventBus;
  log: (msg: string, err?: unknown) => void;
  /** Tests shorten the backoff; the watch time is the setting. */
  backoff?: BackoffPolicy;
}

export function setupLateWatch(d: LateWatchSetupDeps): LateWatchSetup {
  const pending = new Map<string, LatePayment>();
  const watchMs = () => d.settings.get().checkout.lateWatchSeconds * 1000;
  const publish = () => d.bus.emit('latePayments', [...pending.values()]);
  const watch = new LateWatch({
    aggregator: d.aggregator, journal: d.journal, clock: d.clock, timers: d.timers, log: d.log,
    config: () => ({ watchMs: watchMs(), backoff: d.backoff ?? LATE_WATCH_BACKOFF }),
    onLate: (p) => {
      d.log(`late payment: ${p.clientSn} ${p.amountFen} fen ${p.wallet} after its QR was withdrawn`);
      pending.set(p.clientSn, p);
      publish();
    },
  });
  return {
    onQrWithdrawn: (w) => watch.watch(w),
    resume() {
      const now = d.clock.now();
      // Orders made before the watch window can still have been withdrawn inside it (QR ≤ 2 h).
      const recent = d.journal.orders.list({ fromTs: now - watchMs() - 7_200_000 });
      for (const w of withdrawnSince(recent, now, watchMs())) watch.watch(w);
      for (const o of recent) {
        if (o.status !== 'paid' || o.message !== LATE_PAID_MESSAGE || o.refundedFen > 0 || (o.finishedAt ?? 0) + watchMs() <= now) continue;
        pending.set(o.clientSn, { clientSn: o.clientSn, amountFen: o.amountFen, wallet: o.wallet ?? 'other', sn: o.sn ?? '', paidAt: o.finishedAt ?? now, detectedAt: o.finishedAt ?? now });
      }
      if (pending.size > 0) publish();
    },
    pending: () => [...pending.values()],
    dismiss(clientSn) {
      if (pending.delete(clientSn)) publish();
      return [...pending.values()];
    },
    stop: () => watch.stop(),
  };
}
