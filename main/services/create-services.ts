/**
 * The composition root shared by the Electron app and the loopback harness: opens settings,
 * secrets and the journal in the data directory, connects the aggregator, builds the checkout,
 * runs crash recovery, and exposes one `dispatch` plus an event bus. Every side effect (clock,
 * timers, storage, keychain, HTTP) comes in through the options.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { HttpPost } from '../aggregator/upay';
import { CheckoutService, type FinalEvent } from '../checkout/checkout-service';
import { recoverUnfinished } from '../checkout/recovery';
import { systemClock, systemTimers, type Clock, type Timers } from '../shared/time';
import type { PollPolicy } from '../checkout/poll-policy';
import { openJournal, type Journal } from '../journal';
import { openSecrets, type SecretCipher } from '../settings/secrets';
import { openSettings, type ConfFactory, type SettingsHandle } from '../settings/settings-store';
import type { EventPayload, Notice, RecoveryReport } from '../../preload/contract';
import { fenToYuanString } from '../shared/money';
import type { OsPrinting } from '../devices/printer';
import { setupDevices, type Devices } from './device-setup';
import { setupAggregator, type AggregatorSetup } from './aggregator-setup';
import { makeClientSnFactory } from './client-sn';
import { createDispatch, fail, type Dispatch, type Handlers } from './dispatch';
import { EventBus } from './event-bus';
import { defaultContractCheck, type ContractCheck } from './contract-check';
import { checkoutHandlers } from './checkout-handlers';
import { preferencesHandlers } from './preferences-handlers';
import { managerHandlers } from './manager-handlers';
import { printerHandlers } from './printer-handlers';
import { engineerHandlers } from './engineer-handlers';
import { operatorHandlers } from './operator-handlers';
import { openOperators } from '../manager/operators';
import { createScanRouter } from '../manager/scan-target';
import { sharedLog } from '../logs/rotating-log';
import { setupCash } from './cash-setup';
import { loadShiftBook } from '../manager/shift-loader';
import { msg, type Msg } from '../../preload/messages';
import { zhText } from '../i18n/zh-text';
import { setupSync } from '../sync/setup-sync';
import { setupLateWatch } from './late-watch-setup';
import { walletQrCodes } from './wallet-qr-codes';
import { refuseWithoutKeys } from './keys-guard';

export interface ServicesOptions {
  dataDir: string;
  confFactory: ConfFactory;
  cipher: SecretCipher;
  aggregatorUrl?: string;
  /** `--gateway URL` (unified QR's WAP gateway). */
  gatewayUrl?: string;
  clock?: Clock;
  timers?: Timers;
  http?: HttpPost;
  log?: (msg: string, err?: unknown) => void;
  /** Called for every final payment (receipt queue, voice, customer display). */
  onFinal?: (e: FinalEvent) => void;
  /** Polling policies override (benchmarks compare the adaptive policy with a fixed loop). */
  policies?: { qr: PollPolicy; scan: PollPolicy };
  /** Start-flag overrides for devices (`--scanner`, `--printer`). */
  devices?: { scanner?: { path: string; baudRate: number }; printer?: string };
  /** The OS printer, where the platform offers one (Electron). */
  osPrinting?: OsPrinting;
  /** Results and events checked against the contract (default: strict unless NODE_ENV=production). */
  contractCheck?: ContractCheck;
  /** Start flags `--hq postgres://… --store ID`: head-office sync (main/sync/). */
  hq?: { url: string; storeId?: string; storeName?: string };
  /** Late-payment watch backoff (tests shorten it; the watch time is the setting lateWatchSeconds). */
  lateWatchBackoff?: { firstDelayMs: number; factor: number; maxDelayMs: number };
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  settings: SettingsHandle;
  journal: Journal;
  checkout: CheckoutService;
  aggregator: AggregatorSetup;
  devices: Devices;
  /** Resolves when crash recovery is done (new payments are refused until then). */
  recovered: Promise<RecoveryReport>;
  warnings: Msg[];
  stop(): Promise<void>;
}

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const clock = opts.clock ?? systemClock;
  const timers = opts.timers ?? systemTimers;
  const log = opts.log ?? sharedLog(join(opts.dataDir, 'logs')).log;
  mkdirSync(opts.dataDir, { recursive: true });

  let pendingAmountFen: number | null = null;
  const settings = openSettings(opts.dataDir, opts.confFactory, () => clock.now());
  const secrets = openSecrets(opts.dataDir, opts.cipher, () => clock.now());
  const warnings: Msg[] = [...settings.warnings, ...(secrets.warning ? [secrets.warning] : []), ...(secrets.damaged() ? [secrets.damaged()!] : [])];
  const journal = await openJournal({ dir: join(opts.dataDir, 'journal'), clock: () => clock.now(), warn: (m) => { warnings.push(msg('warn.technical', { detail: m })); log(m); } });
  for (const c of journal.report.corrupt) warnings.push(msg('warn.journalCorrupt', { line: String(c.line), file: c.file, detail: c.reason }));
  if (journal.report.notWritable) warnings.push(msg('warn.dataNotWritable', { detail: journal.report.notWritable }));

  const aggregator = await setupAggregator({ dataDir: opts.dataDir, settings: settings.get(), secrets, aggregatorUrl: opts.aggregatorUrl, gatewayUrl: opts.gatewayUrl, clock: () => clock.now(), http: opts.http, log });
  const contractCheck = opts.contractCheck ?? defaultContractCheck();
  const bus = new EventBus(contractCheck, log);
  const notice = (level: Notice['level'], message: Msg) => bus.emit('notice', { level, message, at: clock.now() });
  // The signed-in operator takes the payments; on the Orders screen a scan is an order number.
  const operators = openOperators({ dataDir: opts.dataDir, append: (b) => journal.append(b), clock: () => clock.now(), log, onChange: (operator) => bus.emit('operator', { operator }) });
  const pinProblem = operators.pinFileProblem();
  if (pinProblem) { warnings.push(pinProblem); log(zhText(pinProblem)); }
  const scanRouter = createScanRouter((code) => bus.emit('orderScan', { code, at: clock.now() }));
  // The serial scanner goes through the same action as a wedge scan, with the keypad's amount.
  const rawFrames = new Set<(f: EventPayload<'scannerFrame'>) => void>();
  let dispatch: Dispatch = async () => fail('RECOVERING', msg('error.starting'));
  const devices = await setupDevices({
    dataDir: opts.dataDir, settings: () => settings.get(), override: opts.devices, osPrinting: opts.osPrinting, clock, bus, log,
    cashierOf: (clientSn) => journal.orders.get(clientSn)?.operator,
    onRawFrame: (f) => { for (const fn of rawFrames) fn(f); },
    onScan: (code) => {
      if (scanRouter.claim(code)) return;
      const fen = pendingAmountFen;
      if (fen === null) { notice('warn', msg('paycode.amountFirst')); return; }
      void dispatch('startScanPayment', { amount: fenToYuanString(fen), code, requestId: `serial-${clock.now()}-${code.slice(-6)}`, source: 'serial' })
        .then((env) => { if (!env.ok) notice('error', env.error.msg); });
    },
  });

  const late = setupLateWatch({ aggregator: aggregator.aggregator, journal, settings, clock, timers, bus, log, backoff: opts.lateWatchBackoff });
  const checkout = new CheckoutService({
    aggregator: aggregator.aggregator,
    journal,
    clock,
    timers,
    newClientSn: makeClientSnFactory(() => clock.now()),
    config: () => {
      const s = settings.get();
      return { qrExpiryMs: s.checkout.qrExpirySeconds * 1000, scanWindowMs: s.checkout.scanWindowSeconds * 1000, maxAmountFen: s.checkout.maxAmountFen, operator: operators.session.nameOr(s.operator.name), subject: `${s.shop.name}-${s.shop.terminalName}`, qrMode: s.checkout.qrMode };
    },
    onView: (view) => bus.emit('checkout', view),
    policies: opts.policies,
    walletQrCodes,
    onQrWithdrawn: (w) => late.onQrWithdrawn(w),
    onFinal: (e) => { devices.printSale(e); opts.onFinal?.(e); cash.service.walletFinal(e); },
  });
  // One shift book (float, payouts, Z numbers) for the cash and the manager actions: the journal is read once.
  const shifts = loadShiftBook(join(opts.dataDir, 'journal'), (l) => journal.onRecord(l), (m) => log(m));
  const cash = setupCash({ shifts, checkout, journal, settings, devices, bus, clock, log, notice, onFinal: opts.onFinal, operator: () => operators.session.nameOr(settings.get().operator.name), verifyPin: (pin) => dispatch('verifyPin', { role: 'manager', pin }) });

  // Recovery waits for the terminal to be ready (check-in), then finishes every unfinished attempt.
  checkout.setRecovering(true);
  const recovered = (async () => {
    await aggregator.prepare();
    checkout.setRecovering(false);
    const report = await recoverUnfinished(journal.orders.unfinished(), checkout, clock, (r) => bus.emit('recovery', r));
    late.resume(); // after recovery, which may itself withdraw QRs (they are watched as they end)
    return report;
  })().catch((err): RecoveryReport => {
    log('recovery failed', err);
    checkout.setRecovering(false);
    return { done: true, recovered: [] };
  });

  // Head-office sync reads the journal files on its own; a payment never waits for it.
  const sync = setupSync({ dataDir: opts.dataDir, settings, secrets, journal, emit: (v) => bus.emit('sync', v), clock: () => clock.now(), timers, log, flags: opts.hq });
  const pending = { get: () => pendingAmountFen, set: (fen: number | null) => { pendingAmountFen = fen; bus.emit('pendingAmount', { amountFen: fen }); } };
  // One handler table per feature; TypeScript checks that together they cover the contract.
  const handlers: Handlers = {
    ...preferencesHandlers({ settings, bus }),
    ...checkoutHandlers({ checkout, journal, settings, aggregator, devices: () => devices.status(), warnings, recovered, clock, pending, late }),
    ...managerHandlers({ dataDir: opts.dataDir, journal, settings, aggregator: aggregator.aggregator, get printer() { return devices.printer; }, clock, bus, log, operators, shifts, recovered }),
    ...operatorHandlers({ operators, scanRouter }),
    ...printerHandlers({ get printer() { return devices.printer; }, jobs: devices.printQueue, journal, settings, clock, bus, printerSpec: opts.devices?.printer }),
    ...cash.handlers,
    ...sync.handlers,
    ...engineerHandlers({ dataDir: opts.dataDir, settings, secrets, aggregator, devices, bus, clock, warnings, verifyPin: (role, pin) => dispatch('verifyPin', { role, pin }), journal: (who, action, detail) => operators.session.journal(who, action, detail), overrides: opts.devices, rawFrames: (fn) => rawFrames.add(fn) }),
  };
  refuseWithoutKeys(handlers, secrets);
  dispatch = createDispatch(handlers, log, contractCheck);
  return {
    dispatch,
    bus, settings, journal, checkout, aggregator, devices, recovered, warnings,
    async stop() {
      await sync.stop();
      late.stop();
      await devices.close();
      await journal.close();
      await aggregator.close();
    },
  };
}
