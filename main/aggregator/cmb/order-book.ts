/**
 * What the driver remembers per order id: its kind (QR → close, payment code → cancel), the
 * cashier id it was made with (query/close/cancel must repeat it [ref cmb-polypay.md §2]), the
 * amount, and the QR's validity (a failed scan is not final before it [ref §3]).
 */
export interface BookedOrder { kind: 'qr' | 'pay'; userId: string; amountFen: number; validUntil: number }

export interface OrderBook {
  get(orderId: string): BookedOrder | undefined;
  put(orderId: string, order: BookedOrder): void;
}

export function createOrderBook(max = 2_000): OrderBook {
  const m = new Map<string, BookedOrder>();
  return {
    get: (id) => m.get(id),
    put(id, o) {
      m.set(id, o);
      if (m.size > max) m.delete(m.keys().next().value as string);
    },
  };
}
