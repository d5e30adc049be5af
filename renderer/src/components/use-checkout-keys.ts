/**
 * Keyboard-first checkout: digits/./Backspace edit the amount, Enter collects, Esc clears or
 * cancels. A fast burst of keys ending in Enter is a keyboard-wedge scanner, not amount entry.
 */
import { useEffect } from 'react';
import { useStore } from '../store';
import { detectWedgeScan, DEFAULT_WEDGE, type WedgeKey } from '../wedge';
import { PICK_WALLETS } from './WalletPicker';

interface LoggedKey extends WedgeKey { amountBefore: string }

export function useCheckoutKeys(): void {
  useEffect(() => {
    const log: LoggedKey[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.ctrlKey || e.altKey || e.metaKey) return;
      const s = useStore.getState();
      if (s.latePayments.length > 0) return; // the late-payment dialog has the keyboard (its buttons)
      const at = e.timeStamp || performance.now();
      if (s.walletPick) { // per-wallet QR mode: 1 / 2 / 3 pick the wallet, Esc goes back
        const w = PICK_WALLETS[Number(e.key) - 1];
        if (w) { e.preventDefault(); void s.pickWallet(w); }
        if (e.key === 'Escape') { e.preventDefault(); s.setWalletPick(false); }
        return;
      }
      if (e.key === 'F8') { e.preventDefault(); log.length = 0; s.openCash(); return; } // 现金
      if (e.key === 'Enter') {
        e.preventDefault();
        const code = detectWedgeScan(log, at, { ...DEFAULT_WEDGE, maxGapMs: s.wedgeMaxGapMs });
        const first = code ? log[log.length - code.length] : undefined;
        log.length = 0;
        if (code && first) {
          s.setAmountText(first.amountBefore); // the burst was a scan, not digits of the amount
          void s.scan({ code });
          return;
        }
        if (s.view.phase === 'result') void s.next();
        else void s.collect();
        return;
      }
      if (e.key === 'Escape') {
        e.preventDefault();
        log.length = 0;
        if (s.view.phase === 'waiting') void s.cancel();
        else if (s.view.phase === 'result') s.pressKey('C'); // next customer, starting at ¥0
        else s.setAmountText('');
        return;
      }
      if (e.key.length === 1 || e.key === 'Backspace') {
        log.push({ key: e.key, at, amountBefore: s.amountText });
        if (log.length > 64) log.shift();
        if (/^[\d.]$/.test(e.key) || e.key === 'Backspace') { e.preventDefault(); s.pressKey(e.key); }
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
