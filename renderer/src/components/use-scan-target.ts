/**
 * The screen in front claims the scanner: on Orders (F2) a scan is an order number from a
 * receipt's QR — the serial scanner's codes come back from main as `orderScan` and open the
 * order, and a keyboard-wedge burst typed outside a field does the same — everywhere else a
 * scan is a payment code for the checkout (the serial scanner's come as `serialScan`, with a
 * one-time token). Only the cashier window (App) uses this.
 */
import { useEffect } from 'react';
import { useStore } from '../store';
import { pos } from '../pos';
import { detectWedgeScan, DEFAULT_WEDGE, ORDER_NO_CHARS, type WedgeKey } from '../wedge';
import type { Screen } from '../store/app-slice';

/** A scan older than this (e.g. replayed to a window that connected late) is not acted on. */
const FRESH_MS = 10_000;

export function useScanTarget(screen: Screen): void {
  const claim = useStore((s) => s.claimScanner);
  useEffect(() => { void claim(screen === 'history' ? 'history' : 'checkout'); }, [screen, claim]);

  // A payment code from the serial scanner: paid with the amount on this screen, like a wedge scan.
  useEffect(() => pos().onSerialScan(({ token }) => { void useStore.getState().scan({ scanToken: token }); }), []);

  useEffect(() => pos().onOrderScan(({ code, at }) => {
    const s = useStore.getState();
    if (s.screen === 'history' && Math.abs(Date.now() - at) < FRESH_MS) void s.lookupOrderNo(code);
  }), []);

  useEffect(() => {
    if (screen !== 'history') return;
    const log: WedgeKey[] = [];
    const onKey = (e: KeyboardEvent) => {
      if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement || e.ctrlKey || e.altKey || e.metaKey) return;
      const at = e.timeStamp || performance.now();
      if (e.key === 'Enter') {
        const code = detectWedgeScan(log, at, { ...DEFAULT_WEDGE, maxGapMs: useStore.getState().wedgeMaxGapMs, chars: ORDER_NO_CHARS });
        log.length = 0;
        if (code) { e.preventDefault(); void useStore.getState().lookupOrderNo(code); }
        return;
      }
      if (e.key.length === 1) {
        log.push({ key: e.key, at });
        if (log.length > 64) log.shift();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [screen]);
}
