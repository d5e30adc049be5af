/**
 * The fault matrix's cases on 招商银行 聚合收款, by the bank's own rules [cmb-polypay.md §3]:
 * a timeout, a SYSTERM_ERROR (spelled so) or an answer whose SM2 signature does not verify is an
 * unknown outcome → orderquery until definite; an order still unpaid when the rules end it is
 * closed (QR) or cancelled (payment code, never sooner than 15 s after pay — scaled here). Where
 * the outcome differs from 收钱吧 it is because the bank has no key rotation: a bad signature is not
 * re-signed after a check-in, it is simply an answer the counter cannot trust, so it queries.
 */
import type { Case, Fault } from './fault-cases';

/** The bank never acted on the request: nothing exists, nothing charged. */
const NOT_PROCESSED: Fault[] = ['timeout', 'reset', 'http500', 'html', 'systerm_error'];
/** The bank acted, the counter could not read or trust the answer. */
const ACTED_UNREAD: Fault[] = ['malformed', 'lost_response', 'bad_signature', 'systerm_error_after'];
const ALL: Fault[] = [...NOT_PROCESSED, ...ACTED_UNREAD];
/** Past the driver's timeout (2 s, fault-rig.ts TIMING), well inside the scan window (7 s). */
const LATE_MS = 2_400;
/** Longer than the driver's timeout: the counter gives up while the bank still acts. */
const SLOW_MS = 2_600;

export const CMB_CASES: Case[] = [
  // pay [§3: pay timeout / SYSTERM_ERROR → unknown → query]: not processed → the query finds no
  // order → failed, nothing charged; processed → the query finds S, charged once, never cancelled.
  ...NOT_PROCESSED.map((fault): Case => ({ op: 'pay', fault, times: 1, story: 'scan-instant', expect: 'FAILED', charged: 0 })),
  ...ACTED_UNREAD.map((fault): Case => ({ op: 'pay', fault, times: 1, story: 'scan-instant', expect: 'PAID', charged: 1 })),
  // the bank charges after the counter gave up on the answer but inside the payment's window: found by the next query
  { op: 'pay', fault: 'latency', ms: LATE_MS, times: 1, story: 'scan-instant', expect: 'PAID', charged: 1 },
  { op: 'pay', fault: 'hold', ms: SLOW_MS, times: 1, story: 'scan-instant', expect: 'PAID', charged: 1 },
  // qrcodeapply [§3: timeout / any FAIL → not created]: no QR reached the customer. An order the bank
  // did create behind an unreadable answer is closed (关单) so it can never be paid.
  ...NOT_PROCESSED.map((fault): Case => ({ op: 'precreate', fault, times: 1, story: 'qr-pays', expect: 'FAILED', charged: 0 })),
  ...ACTED_UNREAD.map((fault): Case => ({ op: 'precreate', fault, times: 1, story: 'qr-pays', expect: 'CANCELED', charged: 0 })),
  { op: 'precreate', fault: 'hold', ms: SLOW_MS, times: 1, story: 'qr-pays', expect: 'CANCELED', charged: 0 },
  // orderquery [§3: query FAIL/SYSTERM_ERROR is not a failure; query again]
  ...ALL.flatMap((fault): Case[] => [
    { op: 'query', fault, times: 2, story: 'qr-pays', expect: 'PAID', charged: 1 },
    { op: 'query', fault, times: 2, story: 'scan-password', expect: 'PAID', charged: 1 },
  ]),
  // a bank whose answers never verify (or never come): 需人工确认 even though the customer paid —
  // an unverified "S" is not a payment [issue 18 item 1]; "query again" settles it once they verify.
  { op: 'query', fault: 'bad_signature', times: -1, story: 'qr-pays', expect: 'NEEDS_ATTENTION', charged: 1, then: 'PAID' },
  { op: 'query', fault: 'bad_signature', times: -1, story: 'scan-password', expect: 'NEEDS_ATTENTION', charged: 1, then: 'PAID' },
  { op: 'query', fault: 'systerm_error', times: -1, story: 'qr-pays', expect: 'NEEDS_ATTENTION', charged: 1, then: 'PAID' },
  { op: 'query', fault: 'http500', times: -1, story: 'scan-password', expect: 'NEEDS_ATTENTION', charged: 1, then: 'PAID' },
  { op: 'query', fault: 'timeout', times: -1, story: 'qr-unpaid', expect: 'NEEDS_ATTENTION', charged: 0, then: 'CANCELED' },
  // close / cancel [§3: cancel SYSTERM_*, timeout → unknown → query the payment], then again
  ...ALL.flatMap((fault): Case[] => [
    { op: 'cancel', fault, times: 1, story: 'qr-cancel', expect: 'CANCELED', charged: 0 },
    { op: 'cancel', fault, times: 1, story: 'scan-never', expect: 'CANCELED', charged: 0 },
  ]),
  { op: 'cancel', fault: 'http500', times: -1, story: 'qr-cancel', expect: 'NEEDS_ATTENTION', charged: 0, then: 'CANCELED' },
  { op: 'cancel', fault: 'bad_signature', times: -1, story: 'scan-never', expect: 'CANCELED', charged: 0 },
  { op: 'cancel', fault: 'lost_response', times: -1, story: 'scan-never', expect: 'CANCELED', charged: 0 },
  { op: 'cancel', fault: 'hold', ms: SLOW_MS, times: 1, story: 'qr-cancel', expect: 'CANCELED', charged: 0 },
];
