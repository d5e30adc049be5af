/**
 * 收钱吧 Upay's polling: the rules the checkout has always used with it (Upay asks for queries
 * every 2 s, then 5 s; a payment code is cancelled at the end of its window, at once if asked).
 * The QR and scan windows themselves are the shop's settings (checkout.qrExpirySeconds,
 * checkout.scanWindowSeconds); Upay sets no count limit.
 */
import type { PlatformPollPolicy } from '../types';

export const UPAY_POLL_POLICY: PlatformPollPolicy = {
  /** Dynamic QR: ~1 s for the first 10 s, 2 s to one minute, then 5 s. */
  qr: {
    steps: [{ untilMs: 10_000, everyMs: 1_000 }, { untilMs: 60_000, everyMs: 2_000 }, { untilMs: Infinity, everyMs: 5_000 }],
    errorBaseMs: 1_000,
    errorMaxMs: 8_000,
  },
  /** Customer's payment code in progress (password entry): 1 s for 10 s, then 3 s within the 45 s window. */
  scan: {
    steps: [{ untilMs: 10_000, everyMs: 1_000 }, { untilMs: Infinity, everyMs: 3_000 }],
    errorBaseMs: 1_000,
    errorMaxMs: 5_000,
  },
  cancelNotBeforeMs: 0,
};
