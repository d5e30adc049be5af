/** The cash feature: cash sales, mixed tender (cash + a wallet for the rest), the drawer, shifts' cash. */
import { randomInt } from 'node:crypto';
import { CashService } from '../checkout/cash-service';
import type { FinalEvent } from '../checkout/checkout-service';
import { kickDrawer } from '../devices/printer';
import { cashHandlers, type CashHandlers } from './cash-handlers';
import type { CheckoutFeature } from './checkout-setup';
import type { Core } from './core';
import type { Devices } from './device-setup';
import type { OperatorName, PinCheck } from './ports';

export interface CashPorts {
  checkout: Pick<CheckoutFeature, 'service' | 'onFinal' | 'serialScans'>;
  devices: Devices;
  checkPin: PinCheck;
  operatorName: OperatorName;
  /** Every final cash sale (voice, customer display). */
  onFinal?: (e: FinalEvent) => void;
}

export function setupCash(core: Core, p: CashPorts): { service: CashService; handlers: CashHandlers } {
  const { settings, clock, log } = core;
  const drawer = async () => {
    const r = await kickDrawer(p.devices.printer);
    if (!r.opened) core.notice('warn', r.message);
    return r;
  };
  const service = new CashService({
    checkout: p.checkout.service,
    journal: core.journal,
    config: () => {
      const s = settings.get();
      return { operator: p.operatorName(), subject: `${s.shop.name}-${s.shop.terminalName}`, mixedTender: s.checkout.mixedTender };
    },
    newSaleId: () => `S${clock.now().toString(36)}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`,
    onFinal: (e) => { p.devices.printSale(e); p.onFinal?.(e); },
    openDrawer: () => { void drawer().catch((err) => log('drawer kick failed', err)); },
    onSale: (sale) => core.bus.emit('sale', sale),
  });
  // A wallet paying the rest of a mixed sale finishes that sale.
  p.checkout.onFinal((e) => service.walletFinal(e));
  const handlers = cashHandlers({ shifts: core.shifts, cash: service, journal: core.journal, settings, checkPin: p.checkPin, kickDrawer: drawer, operator: p.operatorName, log, serialScans: p.checkout.serialScans });
  return { service, handlers };
}
