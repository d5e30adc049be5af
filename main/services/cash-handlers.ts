/**
 * Handlers for the cash contract (preload/contract-cash.ts): cash sales and mixed tender
 * (CashService), the drawer behind the manager PIN, the shift's opening float and payouts.
 * PINs are checked through the operators' PIN port, as everywhere else (lockout included).
 */
import type { ShiftBook } from '../reports/shift';
import type { CashService } from '../checkout/cash-service';
import { detectPaycode, maskPaycode } from '../checkout/paycode';
import type { Journal } from '../journal';
import { openShiftRecord } from '../reports/shift';
import type { SettingsHandle } from '../settings/settings-store';
import type { PinResult } from '../../preload/contract';
import type { cashActions } from '../../preload/contract-cash';
import type { DrawerResult } from '../devices/printer';
import { ServiceError, type Handlers } from './dispatch';
import type { PinCheck, SerialScanClaim } from './ports';
import { fenOf as fenOfAmount, type EmptyAmountCode } from './amount-args';
import { msg } from '../../preload/messages';

export interface CashHandlerDeps {
  /** The one shift book of the counter (loaded once in create-services). */
  shifts: Promise<ShiftBook>;
  cash: CashService;
  journal: Journal;
  settings: SettingsHandle;
  /** The manager PIN (lockout, journaled refusals). */
  checkPin: PinCheck;
  kickDrawer: () => Promise<DrawerResult>;
  operator: () => string;
  log: (msg: string, err?: unknown) => void;
  serialScans: SerialScanClaim;
}

export type CashHandlers = Pick<Handlers, keyof typeof cashActions>;

type Auth = { ok: true; name: string } | { ok: false; auth: Exclude<PinResult, { ok: true }> };

export function cashHandlers(d: CashHandlerDeps): CashHandlers {
  const shifts = d.shifts;
  const fenOf = (amount: string, empty: EmptyAmountCode = 'amount.required'): number => fenOfAmount(amount, d.settings.get().checkout.maxAmountFen, empty);
  const manager = async (pin: string, action: string): Promise<Auth> => {
    const res = await d.checkPin('manager', pin, action);
    return res.ok ? { ok: true, name: res.operator.name } : { ok: false, auth: res };
  };

  return {
    cashStatus: async () => {
      const book = await shifts;
      return { mixedTender: d.settings.get().checkout.mixedTender, sale: d.cash.openSale(), shiftOpen: book.isOpen, floatFen: book.current().openingFloatFen ?? null };
    },
    cashSale: ({ amount, received, requestId, partial, saleId }) => d.cash.cash({
      amountFen: saleId ? 0 : fenOf(amount), receivedFen: fenOf(received, 'amount.receivedRequired'), requestId, partial, saleId,
    }),
    payRemainder: ({ saleId, requestId, code: typed, wallet, scanToken }) => {
      const code = scanToken === undefined ? typed : d.serialScans.take(scanToken); // a serial scan: its code, once
      if (code === undefined) return d.cash.payRemainder({ saleId, requestId, qrWallet: wallet });
      const detected = detectPaycode(code);
      if (!detected.ok) throw new ServiceError('REFUSED', detected.message);
      return d.cash.payRemainder({ saleId, requestId, scan: { code: detected.code, wallet: detected.wallet, masked: maskPaycode(detected.code) } });
    },
    abandonSale: async ({ saleId, pin }) => {
      const auth = await manager(pin, 'abandon_sale');
      if (!auth.ok) return auth;
      return { ok: true, value: { message: await d.cash.abandon(saleId, auth.name) } };
    },
    openDrawer: async ({ pin, reason }) => {
      const auth = await manager(pin, 'open_drawer');
      if (!auth.ok) return auth;
      await d.journal.append({ type: 'OPERATOR_ACTION', operator: auth.name, action: 'open_drawer', detail: `${reason}; at the counter: ${d.operator()}` });
      return { ok: true, value: await d.kickDrawer() };
    },
    openShift: async ({ float }) => {
      const floatFen = float.trim() === '' || /^0+(\.0*)?$/.test(float.trim()) ? 0 : fenOf(float, 'amount.floatRequired');
      const opened = openShiftRecord(await shifts, d.operator(), floatFen);
      if (!opened.ok) throw new ServiceError('REFUSED', opened.message);
      await d.journal.append(opened.record);
      return { shiftNo: opened.record.shiftNo, floatFen };
    },
    cashPayout: async ({ amount, reason, pin }) => {
      // Amount and reason are checked before the PIN, so a typo costs no PIN try.
      const amountFen = fenOf(amount, 'amount.payoutRequired');
      const why = reason.trim();
      if (!why) throw new ServiceError('REFUSED', msg('cash.payoutReasonRequired'));
      const auth = await manager(pin, 'cash_payout');
      if (!auth.ok) return auth;
      await d.journal.append({ type: 'CASH_PAYOUT', amountFen, operator: auth.name, reason: why });
      return { ok: true, value: { ...await d.kickDrawer(), amountFen, reason: why } };
    },
    setMixedTender: async ({ enabled, pin }) => {
      const auth = await manager(pin, 'mixed_tender');
      if (!auth.ok) return auth;
      const r = d.settings.update((cur) => ({ ...cur, checkout: { ...cur.checkout, mixedTender: enabled } }));
      if (!r.ok) throw new ServiceError('REFUSED', r.message);
      await d.journal.append({ type: 'OPERATOR_ACTION', operator: auth.name, action: 'mixed_tender', detail: enabled ? 'on' : 'off' });
      return { ok: true, value: { mixedTender: enabled } };
    },
  };
}
