/** client_sn: our idempotency key, ≤ 32 chars, unique per attempt: YM + local time + 6 random digits. */
import { randomInt } from 'node:crypto';
import { formatDate } from '../shared/dates';

export function makeClientSnFactory(clock: () => number): () => string {
  let last = '';
  return () => {
    const stamp = formatDate(clock(), 'YYYYMMDDHHmmss');
    let sn: string;
    do {
      sn = `YM${stamp}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    } while (sn === last);
    last = sn;
    return sn;
  };
}
