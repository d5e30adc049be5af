/**
 * Where a serial scan goes. On the checkout a scanned code is the customer's payment code; on
 * the Orders screen (F2) it is an order number read from a receipt's QR, and it must never
 * charge anyone. The screen in front of the cashier claims the scanner (setScanTarget); main
 * routes each code here before the checkout sees it.
 */
export type ScanTarget = 'checkout' | 'history';

export interface ScanRouter {
  target(): ScanTarget;
  set(target: ScanTarget): ScanTarget;
  /** True when the code was taken as an order number (then it must not start a payment). */
  claim(code: string): boolean;
}

export function createScanRouter(onOrderScan: (code: string) => void): ScanRouter {
  let target: ScanTarget = 'checkout';
  return {
    target: () => target,
    set(next) { target = next; return target; },
    claim(code) {
      if (target !== 'history') return false;
      const text = code.trim();
      if (text) onOrderScan(text);
      return true;
    },
  };
}
