/**
 * The checkout feature: the payment flow (QR, scan), the late-payment watch, crash recovery at
 * start, the amount on the keypad and the serial scanner's payments. Other features reach it
 * through the ports it returns (the service, final events), never through its contract actions.
 */
import { CheckoutService, type FinalEvent } from '../checkout/checkout-service';
import { randomUUID } from 'node:crypto';
import { createSerialScanTokens } from '../checkout/serial-scan-tokens';
import { maskPaycode } from '../checkout/paycode';
import type { PollPolicy } from '../checkout/poll-policy';
import { recoverUnfinished } from '../checkout/recovery';
import type { BackoffPolicy } from '../shared/retry';
import { ServiceError } from '../shared/service-error';
import type { RecoveryReport } from '../../preload/contract';
import type { AggregatorSetup } from './aggregator-setup';
import { checkoutHandlers, type CheckoutHandlers } from './checkout-handlers';
import { makeClientSnFactory } from './client-sn';
import type { Core } from './core';
import type { Devices } from './device-setup';
import { setupLateWatch } from './late-watch-setup';
import { listeners, type OperatorName, type SerialScanClaim, type Subscribe } from './ports';
import { walletQrCodes } from './wallet-qr-codes';
import { msg } from '../../preload/messages';

export interface CheckoutPorts {
  aggregator: AggregatorSetup;
  devices: Devices;
  operatorName: OperatorName;
  /** True when the scanned code is taken elsewhere (an order number on the Orders screen). */
  claimScan: (code: string) => boolean;
  policies?: { qr: PollPolicy; scan: PollPolicy };
  lateWatchBackoff?: BackoffPolicy;
}

/** How long the cashier window has to take a serial scan before the cashier is told (never charged). */
const SERIAL_CLAIM_WITHIN_MS = 4_000;

export interface CheckoutFeature {
  service: CheckoutService;
  /** Every final wallet payment (receipts, cash's mixed tender, voice, customer display). */
  onFinal: Subscribe<FinalEvent>;
  /** Resolves when crash recovery is done (new payments are refused until then). */
  recovered: Promise<RecoveryReport>;
  handlers: CheckoutHandlers;
  /** Serial scans are paid only with the one-time token of their `serialScan` event. */
  serialScans: SerialScanClaim;
  stop(): void;
}

export function setupCheckout(core: Core, p: CheckoutPorts): CheckoutFeature {
  const { journal, settings, clock, timers, bus, log } = core;
  const finals = listeners<FinalEvent>(log);
  const late = setupLateWatch({ aggregator: p.aggregator.aggregator, journal, settings, clock, timers, bus, log, backoff: p.lateWatchBackoff });
  const service = new CheckoutService({
    aggregator: p.aggregator.aggregator,
    journal,
    clock,
    timers,
    newClientSn: makeClientSnFactory(() => clock.now()),
    config: () => {
      const s = settings.get();
      return { qrExpiryMs: s.checkout.qrExpirySeconds * 1000, scanWindowMs: s.checkout.scanWindowSeconds * 1000, maxAmountFen: s.checkout.maxAmountFen, operator: p.operatorName(), subject: `${s.shop.name}-${s.shop.terminalName}`, qrMode: s.checkout.qrMode, pollTimeScale: s.checkout.pollTimeScale };
    },
    onView: (view) => bus.emit('checkout', view),
    policies: p.policies,
    walletQrCodes,
    onQrWithdrawn: (w) => late.onQrWithdrawn(w),
    onFinal: (e) => finals.emit(e),
  });

  // Recovery waits for the terminal to be ready (check-in), then finishes every unfinished attempt.
  service.setRecovering(true);
  const recovered = (async () => {
    await p.aggregator.prepare();
    service.setRecovering(false);
    const report = await recoverUnfinished(journal.orders.unfinished(), service, clock, (r) => bus.emit('recovery', r));
    late.resume(); // after recovery, which may itself withdraw QRs (they are watched as they end)
    return report;
  })().catch((err): RecoveryReport => {
    log('recovery failed', err);
    service.setRecovering(false);
    return { done: true, recovered: [] };
  });

  // The serial scanner's code goes to the cashier window, which pays it with the amount on its
  // screen, exactly as a wedge scan (main's copy of the keypad may lag a fast scan).
  const tokens = createSerialScanTokens({
    clock, timers, newToken: randomUUID, claimWithinMs: SERIAL_CLAIM_WITHIN_MS,
    onUnclaimed: () => core.notice('warn', msg('paycode.serialNotTaken')),
  });
  p.devices.onScan((code) => {
    if (p.claimScan(code)) return;
    bus.emit('serialScan', { token: tokens.issue(code), masked: maskPaycode(code), at: clock.now() });
  });
  const serialScans: SerialScanClaim = {
    take(token) {
      const result = token === undefined ? null : tokens.claim(token);
      if (!result?.ok) throw new ServiceError('REFUSED', msg('paycode.scanTokenRefused'));
      return result.code;
    },
  };

  const handlers = checkoutHandlers({
    checkout: service, journal, settings, aggregator: p.aggregator, devices: () => p.devices.status(), warnings: core.warnings, recovered, clock, late, serialScans,
    pending: { set: (fen) => bus.emit('pendingAmount', { amountFen: fen }) },
  });
  return { service, onFinal: finals.subscribe, recovered, handlers, serialScans, stop: () => { late.stop(); tokens.stop(); } };
}
