/** Wires the cash service (cash sales, mixed tender, drawer) into the composition root. */
import type { ShiftBook } from '../reports/shift';
import { randomInt } from 'node:crypto';
import { CashService } from '../checkout/cash-service';
import type { CheckoutService, FinalEvent } from '../checkout/checkout-service';
import type { Clock } from '../shared/time';
import { kickDrawer } from '../devices/printer';
import type { Journal } from '../journal';
import type { SettingsHandle } from '../settings/settings-store';
import type { Envelope, Notice } from '../../preload/contract';
import { cashHandlers, type CashHandlers } from './cash-handlers';
import type { Devices } from './device-setup';
import type { EventBus } from './event-bus';
import type { Msg } from '../../preload/messages';

export interface CashSetupDeps {
  shifts: Promise<ShiftBook>;
  checkout: CheckoutService;
  journal: Journal;
  settings: SettingsHandle;
  devices: Devices;
  bus: EventBus;
  clock: Clock;
  log: (msg: string, err?: unknown) => void;
  notice: (level: Notice['level'], message: Msg) => void;
  onFinal?: (e: FinalEvent) => void;
  operator: () => string;
  verifyPin: (pin: string) => Promise<Envelope<unknown>>;
}

export function setupCash(d: CashSetupDeps): { service: CashService; handlers: CashHandlers } {
  const drawer = async () => {
    const r = await kickDrawer(d.devices.printer);
    if (!r.opened) d.notice('warn', r.message);
    return r;
  };
  const service = new CashService({
    checkout: d.checkout,
    journal: d.journal,
    config: () => {
      const s = d.settings.get();
      return { operator: d.operator(), subject: `${s.shop.name}-${s.shop.terminalName}`, mixedTender: s.checkout.mixedTender };
    },
    newSaleId: () => `S${d.clock.now().toString(36)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
    onFinal: (e) => { d.devices.printSale(e); d.onFinal?.(e); },
    openDrawer: () => { void drawer().catch((err) => d.log('drawer kick failed', err)); },
    onSale: (sale) => d.bus.emit('sale', sale),
  });
  const handlers = cashHandlers({ shifts: d.shifts, cash: service, journal: d.journal, settings: d.settings, verifyPin: d.verifyPin, kickDrawer: drawer, operator: d.operator, log: d.log });
  return { service, handlers };
}
