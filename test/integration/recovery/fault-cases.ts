/** The fault matrix's vocabulary: which request fails how, what the people at the counter do, what must come of it. */
import type { Result } from './fault-rig';

export type Op = 'pay' | 'precreate' | 'query' | 'cancel';
/** systerm_error(_after): 招商银行's documented system error, before or after the bank acted [cmb-polypay.md §3]. */
export type Fault = 'timeout' | 'reset' | 'http500' | 'html' | 'malformed' | 'bad_signature' | 'lost_response' | 'latency' | 'hold' | 'systerm_error' | 'systerm_error_after';
export type Outcome = Result['outcome'];
/**
 * What the people at the counter do:
 *  qr-pays       the QR is shown and the customer pays it
 *  qr-cancel     the QR is shown and the cashier presses 取消
 *  qr-unpaid     the QR is shown and nobody pays (the window ends)
 *  scan-instant  a payment code that is charged at once
 *  scan-password a payment code that needs the password; the customer enters it
 *  scan-never    a payment code whose password is never entered (the window ends)
 */
export type Story = 'qr-pays' | 'qr-cancel' | 'qr-unpaid' | 'scan-instant' | 'scan-password' | 'scan-never';

export interface Case { op: Op; fault: Fault; times: number; story: Story; expect: Outcome; charged: 0 | 1; then?: Outcome; ms?: number }

/** Longer than the driver's timeout: the counter gives up while the platform still acts (late or silently). */
export const SLOW_MS = 1_300;
