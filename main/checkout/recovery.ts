/**
 * Crash recovery at start: every attempt the journal shows unfinished is queried and finished
 * before the cashier can take a new payment. The newest one still inside its window comes back
 * on screen; the rest are closed out (query → cancel) in order.
 */
import type { RecoveryReport } from '../../preload/contract';
import type { PaymentMethod } from '../journal/records';
import type { Wallet } from '../aggregator/types';
import type { CheckoutService } from './checkout-service';
import type { MAttempt } from './machine/machine-types';
import type { Clock } from './time';
import { msg } from '../../preload/messages';

/** The journal's view of an unfinished attempt (a subset of its order index entry). */
export interface UnfinishedOrder {
  clientSn: string; method: PaymentMethod; amountFen: number; createdAt: number; windowMs: number;
  qrCode?: string; expiresAt?: number; wallet?: Wallet; codeMasked?: string;
}

export async function recoverUnfinished(orders: readonly UnfinishedOrder[], service: CheckoutService, clock: Clock, onReport: (r: RecoveryReport) => void): Promise<RecoveryReport> {
  const report: RecoveryReport = { done: false, recovered: [] };
  if (orders.length === 0) { report.done = true; onReport(report); return report; }
  service.setRecovering(true);
  onReport({ ...report, recovered: [] }); // a copy: listeners keep what they were sent
  // A cash sale is final once journaled; only wallet attempts can be left unfinished.
  const sorted = orders.filter((o) => o.method !== 'cash').sort((a, b) => a.createdAt - b.createdAt);
  const newest = sorted[sorted.length - 1];
  const now = clock.now();
  const foreground = newest && newest.createdAt + newest.windowMs > now ? newest : undefined;
  for (const order of sorted) {
    if (order === foreground) continue;
    const result = await service.resume(toAttempt(order), false);
    report.recovered.push({ clientSn: order.clientSn, amountFen: order.amountFen, outcome: result?.outcome ?? 'NEEDS_ATTENTION', message: result?.message ?? msg('result.unknown') });
    onReport({ ...report, recovered: [...report.recovered] });
  }
  service.setRecovering(false);
  if (foreground) {
    const result = await service.resume(toAttempt(foreground), true);
    report.recovered.push({ clientSn: foreground.clientSn, amountFen: foreground.amountFen, outcome: result?.outcome ?? 'RESUMED', message: result?.message ?? msg('result.resumed') });
  }
  report.done = true;
  onReport({ ...report, recovered: [...report.recovered] });
  return report;
}

/** The QR's deadline is its window from creation (QR_READY's expiresAt is that same instant). */
function toAttempt(o: UnfinishedOrder): MAttempt {
  return {
    // method: never 'cash' (filtered above)
    clientSn: o.clientSn, method: o.method === 'scan' ? 'scan' : 'qr', amountFen: o.amountFen, createdAt: o.createdAt, deadline: o.createdAt + o.windowMs, recovered: true,
    ...(o.qrCode ? { qrCode: o.qrCode } : {}), ...(o.wallet ? { wallet: o.wallet } : {}), ...(o.codeMasked ? { codeMasked: o.codeMasked } : {}),
  };
}
