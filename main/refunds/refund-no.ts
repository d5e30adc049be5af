/**
 * refund_request_no: the refund's idempotency key (Upay: at most 20 characters). Made and
 * journaled before the first network call and reused for every retry of that refund.
 * R = refund, V = void (撤销); then local time yyMMddHHmmss and 6 random digits (19 chars).
 */
import { randomInt } from 'node:crypto';

export type RefundKind = 'refund' | 'void';

export function makeRefundNoFactory(clock: () => number, random: () => number = () => randomInt(0, 1_000_000)): (kind: RefundKind) => string {
  let last = '';
  return (kind) => {
    const d = new Date(clock());
    const p = (n: number, w = 2): string => String(n).padStart(w, '0');
    let no: string;
    do {
      no = `${kind === 'void' ? 'V' : 'R'}${p(d.getFullYear() % 100)}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}${p(random(), 6)}`;
    } while (no === last);
    last = no;
    return no;
  };
}
