/**
 * The checkout feature: the payment flow (QR, scan), the late-payment watch, crash recovery at
 * start, the amount on the keypad and the serial scanner's payments. Other features reach it
 * through the ports it returns (the service, final events), never through its contract actions.
 */
import { CheckoutService, type FinalEvent } from '../checkout/checkout-service';
import { detectPaycode, maskPaycode } from '../checkout/paycode';
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
import { requireKeys } from './keys-guard';
import { setupLateWatch } from './late-watch-setup';
import { listeners, type OperatorName, type Subscribe } from './ports';
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

export interface CheckoutFeature {
  service: CheckoutService;
  /** Every final wallet payment (receipts, cash's mixed tender, voice, customer display). */
  onFinal: Subscribe<FinalEvent>;
  /** Resolves when crash recovery is done (new payments are refused until then). */
  recovered: Promise<RecoveryReport>;
  handlers: CheckoutHandlers;
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

  // The serial scanner pays the amount on the keypad, like a wedge scan (same checks, same key guard).
  let pendingAmountFen: number | null = null;
  const keys = requireKeys(core.secrets);
  p.devices.onScan((code) => {
    if (p.claimScan(code)) return;
    const fen = pendingAmountFen;
    if (fen === null) { core.notice('warn', msg('paycode.amountFirst')); return; }
    void (async () => {
      keys();
      const detected = detectPaycode(code);
      if (!detected.ok) throw new ServiceError('REFUSED', detected.message);
      await service.startScan(fen, detected.code, detected.wallet, maskPaycode(detected.code), `serial-${clock.now()}-${code.slice(-6)}`);
    })().catch((err) => {
      if (err instanceof ServiceError) { core.notice('error', err.msg); return; }
      log('serial scan payment failed', err);
      core.notice('error', msg('error.internal', { detail: err instanceof Error ? err.message : String(err) }));
    });
  });

  const handlers = checkoutHandlers({
    checkout: service, journal, settings, aggregator: p.aggregator, devices: () => p.devices.status(), warnings: core.warnings, recovered, clock, late,
    pending: { set: (fen) => { pendingAmountFen = fen; bus.emit('pendingAmount', { amountFen: fen }); } },
  });
  return { service, onFinal: finals.subscribe, recovered, handlers, stop: () => late.stop() };
}
