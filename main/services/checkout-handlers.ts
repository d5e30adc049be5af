/** Handlers for the checkout's contract actions; thin: validation already happened in dispatch. */
import type { CheckoutService } from '../checkout/checkout-service';
import type { Clock } from '../shared/time';
import { detectPaycode, maskPaycode } from '../checkout/paycode';
import { parseYuanToFen } from '../shared/money';
import { localBusinessDay, type Journal } from '../journal';
import type { SettingsHandle } from '../settings/settings-store';
import type { DeviceStatus, OrderView, RecoveryReport } from '../../preload/contract';
import type { checkoutActions } from '../../preload/contract-checkout';
import type { AggregatorSetup } from './aggregator-setup';
import { ServiceError, type Handlers } from './dispatch';
import type { Msg } from '../../preload/messages';
import { fenOf as fenOfAmount, type EmptyAmountCode } from './amount-args';
import type { LateWatchSetup } from './late-watch-setup';
import type { SerialScanClaim } from './ports';

export interface CheckoutHandlerDeps {
  checkout: CheckoutService;
  journal: Journal;
  settings: SettingsHandle;
  aggregator: AggregatorSetup;
  devices: () => DeviceStatus;
  warnings: Msg[];
  recovered: Promise<RecoveryReport>;
  clock: Clock;
  /** The amount on the keypad (fen) for the customer display. */
  pending: { set(fen: number | null): void };
  serialScans: SerialScanClaim;
  late: Pick<LateWatchSetup, 'pending' | 'dismiss'>;
}

export type CheckoutHandlers = Pick<Handlers, keyof typeof checkoutActions>;

export function checkoutHandlers(d: CheckoutHandlerDeps): CheckoutHandlers {
  let recovery: RecoveryReport = { done: false, recovered: [] };
  const fenOf = (amount: string, empty?: EmptyAmountCode): number => fenOfAmount(amount, d.settings.get().checkout.maxAmountFen, empty);
  void d.recovered.then((r) => { recovery = r; });

  return {
    getSnapshot: () => {
      const s = d.settings.get();
      return {
        checkout: d.checkout.current(),
        devices: d.devices(),
        recovery,
        shopName: s.shop.name,
        maxAmountFen: s.checkout.maxAmountFen,
        wedgeMaxGapMs: s.scanner.wedgeMaxGapMs,
        aggregator: { mode: d.aggregator.mode, ...d.aggregator.status() },
        warnings: [...d.warnings],
        qrMode: s.checkout.qrMode,
        latePayments: d.late.pending(),
      };
    },
    setPendingAmount: ({ amount }) => {
      const parsed = amount.trim() === '' ? null : parseYuanToFen(amount, d.settings.get().checkout.maxAmountFen);
      d.pending.set(parsed?.ok ? parsed.fen : null);
      return parsed === null || parsed.ok ? { ok: true } : { ok: false, message: parsed.message };
    },
    startQrPayment: ({ amount, requestId, wallet }) => d.checkout.startQr(fenOf(amount), requestId, undefined, wallet),
    startScanPayment: ({ amount, code, requestId, source, scanToken }) => {
      // A serial scan's code is the one main holds for its token, taken once (whatever the amount check says after).
      const scanned = source === 'serial' ? d.serialScans.take(scanToken) : code ?? '';
      const amountFen = fenOf(amount, source === 'serial' ? 'paycode.amountFirst' : undefined);
      const detected = detectPaycode(scanned);
      if (!detected.ok) throw new ServiceError('REFUSED', detected.message);
      return d.checkout.startScan(amountFen, detected.code, detected.wallet, maskPaycode(detected.code), requestId);
    },
    cancelPayment: ({ clientSn }) => d.checkout.cancel(clientSn),
    queryAgain: ({ clientSn }) => d.checkout.queryAgain(clientSn),
    dismissResult: () => d.checkout.dismiss(),
    dayTotals: ({ day }) => d.journal.orders.totals(day ?? localBusinessDay(d.clock.now())),
    listOrders: ({ day }) => d.journal.orders.list(day ? { day } : {}).map(toOrderView),
    dismissLatePayment: ({ clientSn }) => d.late.dismiss(clientSn),
  };
}

function toOrderView(o: ReturnType<Journal['orders']['list']>[number]): OrderView {
  return { clientSn: o.clientSn, day: o.day, method: o.method, amountFen: o.amountFen, status: o.status, wallet: o.wallet, sn: o.sn, createdAt: o.createdAt, finishedAt: o.finishedAt, message: o.message, refundedFen: o.refundedFen };
}
