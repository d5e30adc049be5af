/**
 * The composition root shared by the Electron app and the loopback harness. It reads as a table
 * of contents: open the core (settings, secrets, journal, event bus), connect the aggregator, then
 * let each feature set itself up from typed ports and return its contract handlers. Features reach
 * each other only through those ports (a PIN check, the scanner's codes, final payments), never
 * through `dispatch`. Every side effect (clock, timers, storage, keychain, HTTP) comes in through
 * the options.
 */
import { setupRestartableSync } from '../sync/restartable-sync';
import { setupAggregator } from './aggregator-setup';
import { setupCash } from './cash-setup';
import { setupCheckout } from './checkout-setup';
import { openCore } from './core';
import { setupDevices } from './device-setup';
import { createDispatch, type Handlers } from './dispatch';
import { setupEngineer } from './engineer-handlers';
import { setupHandlers } from './setup-handlers';
import { refuseWithoutKeys } from './keys-guard';
import { setupManager } from './manager-handlers';
import { setupOperators } from './operators-setup';
import { setupPreferences } from './preferences-handlers';
import { setupPrinter } from './printer-handlers';
import type { Services, ServicesOptions } from './services-options';

export type { Services, ServicesOptions };

export async function createServices(opts: ServicesOptions): Promise<Services> {
  const core = await openCore(opts);
  const { dataDir, settings, secrets, journal, clock, timers, bus, log } = core;

  // Shared parts: the aggregator, the people at the counter, the scanner and the printer.
  const aggregator = await setupAggregator({ dataDir, settings: settings.get(), secrets, aggregatorUrl: opts.aggregatorUrl, gatewayUrl: opts.gatewayUrl, clock: () => clock.now(), http: opts.http, log });
  const people = setupOperators(core);
  const devices = await setupDevices({ dataDir, settings: () => settings.get(), override: opts.devices, osPrinting: opts.osPrinting, clock, bus, log, cashierOf: (clientSn) => journal.orders.get(clientSn)?.operator });

  // The features, each from the ports it needs.
  const checkout = setupCheckout(core, { aggregator, devices, operatorName: people.operatorName, claimScan: (code) => people.scanRouter.claim(code), policies: opts.policies, lateWatchBackoff: opts.lateWatchBackoff });
  checkout.onFinal((e) => { devices.printSale(e); opts.onFinal?.(e); });
  const cash = setupCash(core, { checkout, devices, checkPin: people.checkPin, operatorName: people.operatorName, onFinal: opts.onFinal });
  // Background work that must end with the services (refund follow-ups).
  const lifetime = new AbortController();
  const manager = setupManager(core, { aggregator: aggregator.aggregator, devices, operators: people.operators, recovered: checkout.recovered, signal: lifetime.signal });
  const printer = setupPrinter(core, { devices, printerSpec: opts.devices?.printer });
  const engineer = setupEngineer(core, { aggregator, devices, checkPin: people.checkPin, operators: people.operators, overrides: opts.devices });
  const preferences = setupPreferences(core);
  // Head-office sync reads the journal files on its own; a payment never waits for it.
  const sync = setupRestartableSync({ dataDir, settings, secrets, journal, emit: (v) => bus.emit('sync', v), clock: () => clock.now(), timers, log, flags: opts.hq });

  // One handler table per feature; TypeScript checks that together they cover the contract.
  const handlers: Handlers = {
    ...preferences.handlers,
    ...checkout.handlers,
    ...manager.handlers,
    ...people.handlers,
    ...printer.handlers,
    ...cash.handlers,
    ...sync.handlers,
    ...engineer.handlers,
    ...setupHandlers({ dataDir, settings, secrets, runningPlatform: aggregator.platform ?? 'upay', requireEngineer: () => engineer.handlers.engineerView({}), orders: journal.orders, sync, clock: () => clock.now(), http: opts.http, log }),
  };
  refuseWithoutKeys(handlers, secrets);
  return {
    dispatch: createDispatch(handlers, log, core.contractCheck),
    bus, settings, journal, checkout: checkout.service, aggregator, devices, recovered: checkout.recovered, warnings: core.warnings,
    async stop() {
      lifetime.abort();
      await sync.stop();
      checkout.stop();
      await devices.close();
      await journal.close();
      await aggregator.close();
    },
  };
}
