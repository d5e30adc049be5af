/**
 * Keyboard-wedge scanners (USB HID) type a payment code as a burst of keystrokes ending in
 * Enter, far faster than a person. This pure detector tells a scan from amount entry.
 */
export interface WedgeKey { key: string; at: number }

export interface WedgeOptions {
  maxGapMs: number;
  minLength: number;
  /** One scanned character; default a digit (payment codes). Order numbers on receipts may hold letters. */
  chars?: RegExp;
}
export const ORDER_NO_CHARS = /^[0-9A-Za-z]$/;
export const DEFAULT_WEDGE: WedgeOptions = { maxGapMs: 30, minLength: 10 };

/**
 * Given the keys typed before an Enter (oldest first) and the Enter's time, returns the scanned
 * text when the trailing run of digits arrived as a fast burst, else null.
 */
export function detectWedgeScan(keys: readonly WedgeKey[], enterAt: number, opts: WedgeOptions = DEFAULT_WEDGE): string | null {
  let text = '';
  let next = enterAt;
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i]!;
    // Payment codes are digits only: a dot or letter ends the burst (it was typed, not scanned).
    if (next - k.at > opts.maxGapMs || !(opts.chars ?? /^\d$/).test(k.key)) break;
    text = k.key + text;
    next = k.at;
  }
  return text.length >= opts.minLength ? text : null;
}
