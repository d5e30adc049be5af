/** Receipt documents for the manager's actions: refund, void (撤销) and the Z report (交班). */
import type { ChannelTotal, RefundReceipt, ShiftCloseReceipt, ShopInfo, VoidReceipt } from '../devices/printer';
import type { OrderView } from '../journal/order-view';
import type { RefundOutcome } from '../refunds';
import type { ZReport } from '../reports/types';
import type { Settings } from '../settings/schema';

function shop(s: Settings): ShopInfo {
  const lines = (text: string): string[] | undefined => {
    const out = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return out.length ? out : undefined;
  };
  return { name: s.shop.name, header: lines(s.shop.receiptHeader), footer: lines(s.shop.receiptFooter) };
}

export function refundDoc(r: RefundOutcome, o: OrderView, s: Settings, operator: string, now: number): RefundReceipt | VoidReceipt {
  const base = { shop: shop(s), terminal: s.shop.terminalName, cashier: operator, time: now, wallet: o.wallet ?? 'other', clientSn: o.clientSn, ...(o.sn ? { sn: o.sn } : {}) };
  if (r.kind === 'void') return { ...base, kind: 'void', amountFen: r.amountFen };
  return { ...base, kind: 'refund', amountFen: r.amountFen, originalAmountFen: o.amountFen, refundRequestNo: r.refundRequestNo };
}

export function shiftCloseDoc(z: ZReport, s: Settings): ShiftCloseReceipt {
  const channels: ChannelTotal[] = Object.entries(z.totals.byWallet).map(([wallet, b]) => ({
    wallet: wallet as ChannelTotal['wallet'], count: b.count, amountFen: b.paidFen, refundCount: b.refundCount, refundFen: b.refundFen,
  }));
  return {
    kind: 'shift-close', shop: shop(s), terminal: s.shop.terminalName, cashier: z.operator, time: z.toTs,
    shiftId: `Z${String(z.zNo).padStart(4, '0')} / 第${z.shiftNo}班`, openedAt: z.openedAt ?? (z.fromTs > 0 ? z.fromTs : z.toTs), channels,
    ...(z.cash ? { cash: z.cash } : {}),
  };
}
