/**
 * Receipt documents built from what the counter knows later: a journaled order (preview and
 * reprint from the history) and the engineer's test page. The sale receipt printed at PAID
 * (device-setup.ts) and the one built here from the journal say the same thing.
 */
import type { OrderView } from '../journal';
import type { ReceiptWidth, SaleReceipt, ShopInfo, TestPageReceipt } from '../devices/printer';
import type { Settings } from '../settings/schema';

export function shopInfo(s: Settings): ShopInfo {
  const lines = (text: string): string[] | undefined => {
    const out = text.split('\n').map((l) => l.trim()).filter(Boolean);
    return out.length ? out : undefined;
  };
  return { name: s.shop.name, header: lines(s.shop.receiptHeader), footer: lines(s.shop.receiptFooter) };
}

export function paperColumns(s: Settings): ReceiptWidth {
  return s.printer.width === 80 ? 48 : 32;
}

/** The sale receipt of a paid order, from the journal (time = when the payment became final). */
export function saleDocFromOrder(order: OrderView, s: Settings): SaleReceipt {
  return {
    kind: 'sale',
    shop: shopInfo(s),
    terminal: s.shop.terminalName,
    cashier: order.operator || s.operator.name,
    time: order.finishedAt ?? order.createdAt,
    amountFen: order.amountFen,
    wallet: order.wallet ?? 'other',
    sn: order.sn,
    clientSn: order.clientSn,
    paymentCode: order.codeMasked,
    ...(order.cash ? { cash: { ...order.cash } } : {}),
    ...(order.recovered ? { marks: ['recovered' as const] } : {}),
  };
}

export function testPageDoc(s: Settings, printerName: string | undefined, now: number): TestPageReceipt {
  return {
    kind: 'test',
    shop: shopInfo(s),
    terminal: s.shop.terminalName,
    cashier: s.operator.name,
    time: now,
    ...(printerName ? { printerName } : {}),
  };
}
