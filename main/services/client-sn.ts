/** client_sn: our idempotency key, ≤ 32 chars, unique per attempt: YM + local time + 6 random digits. */
import { randomInt } from 'node:crypto';

export function makeClientSnFactory(clock: () => number): () => string {
  let last = '';
  return () => {
    const d = new Date(clock());
    const p = (n: number, w = 2) => String(n).padStart(w, '0');
    let sn: string;
    do {
      sn = `YM${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}${p(randomInt(0, 1_000_000), 6)}`;
    } while (sn === last);
    last = sn;
    return sn;
  };
}
