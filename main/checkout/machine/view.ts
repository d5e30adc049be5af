/**
 * What the screen shows, derived from the machine's state (never kept beside it): the phase,
 * the QR only once it is journaled, 支付成功 only in a PAID result.
 */
import type { CheckoutView } from '../../../preload/contract';
import type { MState } from './machine-types';

export function viewOf(s: MState, now: number): CheckoutView {
  switch (s.tag) {
    case 'idle': case 'recovering':
      return { phase: s.tag, serverNow: now };
    case 'journaling': case 'requesting': case 'qr_journaling':
      // The QR answer may be in hand, but it is not shown before QR_READY is on disk.
      return { phase: 'creating', serverNow: now, method: s.att.method, clientSn: s.att.clientSn, amountFen: s.att.amountFen, ...(s.att.wallet ? { wallet: s.att.wallet } : {}), progress: { code: s.att.method === 'qr' ? 'checkout.creatingQr' : 'checkout.charging' } };
    case 'waiting': case 'closing':
      return {
        phase: s.tag === 'waiting' ? 'waiting' : 'cancelling', serverNow: now, method: s.att.method, clientSn: s.att.clientSn, amountFen: s.att.amountFen,
        ...(s.att.qrCode ? { qrCode: s.att.qrCode } : {}), expiresAt: s.att.deadline, ...(s.att.wallet ? { wallet: s.att.wallet } : {}), progress: s.progress,
      };
    case 'tendered':
      return { ...s.view, serverNow: now };
    case 'result':
      return { phase: 'result', serverNow: now, method: s.att.method, clientSn: s.att.clientSn, amountFen: s.att.amountFen, ...(s.result.wallet ? { wallet: s.result.wallet } : {}), result: s.result };
  }
}
