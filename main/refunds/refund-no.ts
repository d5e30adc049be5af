/**
 * refund_request_no: the refund's idempotency key (Upay: at most 20 characters). Made and
 * journaled before the first network call and reused for every retry of that refund.
 * R = refund, V = void (撤销); then local time yyMMddHHmmss and 6 random digits (19 chars).
 */
import { randomInt } from 'node:crypto';
import { formatDate } from '../shared/dates';

export type RefundKind = 'refund' | 'void';

export function makeRefundNoFactory(clock: () => number, random: () => number = () => randomInt(0, 1_000_000)): (kind: RefundKind) => string {
  let last = '';
  return (kind) => {
    const stamp = formatDate(clock(), 'YYMMDDHHmmss');
    let no: string;
    do {
      no = `${kind === 'void' ? 'V' : 'R'}${stamp}${String(random()).padStart(6, '0')}`;
    } while (no === last);
    last = no;
    return no;
  };
}
