/**
 * 招商银行 polypay's polling rules, as documented [L §4.2.1] (reference: cmb-polypay.md §3):
 * - QR (主扫): first query 15 s after qrcodeapply, then every 5–10 s; after 10 unpaid queries,
 *   close the order and start a new one (the counter shows 已过期 and offers a new QR).
 * - Payment code (被扫): first query 5 s after pay, then every 5–10 s; after 10, cancel — and a
 *   cancel only ≥ 15 s after pay, after a query left the result unclear [L §4.9.1, 附录3].
 * - Refunds: query every 30 s; still pending after 10 min → stop and trust the T+1 statement [L §4.5.1].
 * Inside "5–10 s" we ask every 5 s while a customer is most likely to be paying, then every
 * 10 s, which gives the customer about 80 s (QR) and 70 s (code) before the tenth query.
 * Failed queries back off from 5 s to 10 s, never outside the documented range.
 */
import type { PlatformPollPolicy } from '../types';

export const CMB_POLL_POLICY: PlatformPollPolicy = {
  qr: {
    firstDelayMs: 15_000,
    steps: [{ untilMs: 40_000, everyMs: 5_000 }, { untilMs: Infinity, everyMs: 10_000 }],
    errorBaseMs: 5_000,
    errorMaxMs: 10_000,
    maxQueries: 10,
  },
  scan: {
    firstDelayMs: 5_000,
    steps: [{ untilMs: 30_000, everyMs: 5_000 }, { untilMs: Infinity, everyMs: 10_000 }],
    errorBaseMs: 5_000,
    errorMaxMs: 10_000,
    maxQueries: 10,
  },
  cancelNotBeforeMs: 15_000,
  refund: { everyMs: 30_000, giveUpAfterMs: 600_000 },
};
