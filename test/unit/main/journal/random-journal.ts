/**
 * Random journals for the snapshot property test: several business days (UTC), some split into
 * segments, orders created before midnight and finished after it, refunds days later, late PAID
 * after FAILED, amount mismatches, duplicates, records whose ATTEMPT_CREATED comes files later or
 * never, sequence numbers going back, ignored record types; then corrupt lines and a torn tail.
 */
import { encodeLine, journalFileName, type JournalRecord, type JournalRecordBody } from '../../../../main/journal/index';

export const DAY_MS = 86_400_000;
export const R0 = Date.UTC(2026, 2, 10);
export const utcDay = (ts: number): string => new Date(ts).toISOString().slice(0, 10);

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RandomJournal {
  files: Map<string, Buffer>;
  days: string[];
  /** Days with any record, plus neighbours: where totals are compared. */
  lastTs: number;
}

const WALLETS = ['wechat', 'alipay', 'unionpay'] as const;

export function randomJournal(seed: number, opts: { malformed?: boolean; days?: number; perDay?: number } = {}): RandomJournal {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const nDays = opts.days ?? 2 + Math.floor(r() * 5);
  const created: { sn: string; amount: number; wallet: string }[] = [];
  const paidOnes: typeof created = [];
  const later: string[] = []; // orphans whose ATTEMPT_CREATED comes on a later day
  const lines = new Map<string, Buffer[]>();
  let seq = 0;
  let n = 0;
  let lastTs = R0;
  const days: string[] = [];
  for (let d = 0; d < nDays; d++) {
    const dayStart = R0 + d * DAY_MS;
    const day = utcDay(dayStart);
    days.push(day);
    const segments = r() < 0.2 ? 2 : 1;
    const count = opts.perDay ?? 10 + Math.floor(r() * 60);
    for (let i = 0; i < count; i++) {
      // The last records of a day sit just before midnight: their orders finish the next day.
      const ts = i >= count - 3 ? dayStart + DAY_MS - 1000 * (count - i) : dayStart + 8 * 3_600_000 + i * 1000;
      const body = nextBody();
      if (!body) continue;
      seq = r() < 0.03 ? Math.max(1, seq - 2) : seq + 1;
      lastTs = ts;
      const file = journalFileName(day, segments === 2 && i > count / 2 ? 2 : 1);
      const list = lines.get(file) ?? [];
      list.push(encodeLine({ ...body, seq, ts } as JournalRecord));
      lines.set(file, list);
    }
  }

  function nextBody(): JournalRecordBody | null {
    const x = r();
    if (x < 0.3 || created.length === 0) {
      const sn = later.length && r() < 0.3 ? later.shift()! : `S${seed}-${n++}`;
      // Malformed (schema-invalid but CRC-valid): no amount → NaN totals, which JSON cannot carry.
      const amount = opts.malformed && seed % 10 === 0 && r() < 0.05 ? (undefined as unknown as number) : 100 + Math.floor(r() * 5000);
      const wallet = pick(WALLETS);
      created.push({ sn, amount, wallet });
      if (r() < 0.1) {
        paidOnes.push({ sn, amount, wallet: 'cash' });
        return { type: 'CASH_SALE', clientSn: sn, amountFen: amount, receivedFen: amount + 100, changeFen: 100, operator: 'c1', subject: '现金' };
      }
      return { type: 'ATTEMPT_CREATED', clientSn: sn, method: r() < 0.5 ? 'qr' : 'scan', amountFen: amount, operator: pick(['001', '002', '店长']), subject: '商品', windowMs: 45_000, ...(r() < 0.5 ? { wallet } : {}) };
    }
    const o = pick(created);
    if (x < 0.4) return { type: 'QR_READY', clientSn: o.sn, sn: opts.malformed && r() < 0.1 ? (null as unknown as string) : `Q${o.sn}`, qrCode: `https://qr/${o.sn}`, expiresAt: 1 };
    if (x < 0.6) {
      const outcome = pick(['PAID', 'PAID', 'PAID', 'FAILED', 'CANCELED', 'EXPIRED'] as const);
      const amount = r() < 0.05 ? o.amount + 1 : opts.malformed && r() < 0.05 ? (undefined as unknown as number) : o.amount;
      if (outcome === 'PAID') paidOnes.push(o);
      return { type: 'PAYMENT_FINAL', clientSn: o.sn, outcome, amountFen: amount, wallet: o.wallet as 'wechat', tradeNo: `T${o.sn}`, ...(r() < 0.2 ? { recovered: true, message: '已恢复' } : {}) };
    }
    if (x < 0.65) return { type: 'NEEDS_ATTENTION', clientSn: o.sn, reason: '超时' };
    if (x < 0.7) return { type: 'CANCEL_REQUESTED', clientSn: o.sn, reason: 'cashier' };
    if (x < 0.82 && paidOnes.length) {
      const p = pick(paidOnes);
      const no = `R${p.sn}-${Math.floor(r() * 2)}`;
      if (r() < 0.5) return { type: 'REFUND_REQUESTED', clientSn: p.sn, refundRequestNo: no, amountFen: Math.ceil(p.amount / 2), operator: '店长', ...(r() < 0.3 ? { kind: 'void' as const } : {}) };
      return { type: 'REFUND_FINAL', clientSn: p.sn, refundRequestNo: no, amountFen: Math.ceil(p.amount / 2), outcome: r() < 0.8 ? 'REFUNDED' : 'FAILED' };
    }
    if (x < 0.86) {
      // A record before its attempt: the attempt comes later (or never: rebuilt at the end of replay).
      const sn = `L${seed}-${n++}`;
      if (r() < 0.6) later.push(sn);
      return { type: 'PAYMENT_FINAL', clientSn: sn, outcome: 'PAID', amountFen: 700, wallet: 'alipay' };
    }
    if (x < 0.88) return { type: 'ATTEMPT_CREATED', clientSn: o.sn, method: 'scan', amountFen: 1, operator: 'dup', subject: 'dup', windowMs: 1 };
    if (x < 0.94) return { type: 'REQUEST_SENT', clientSn: o.sn, op: 'query' };
    if (x < 0.96) return { type: 'OPERATOR_ACTION', operator: '店长', action: 'signIn' };
    if (x < 0.98) return { type: 'CASH_PAYOUT', amountFen: 500, operator: '店长', reason: '找零' };
    return { type: 'SHIFT_OPENED', shiftNo: n, operator: '001' };
  }

  const files = new Map<string, Buffer>();
  for (const [name, list] of [...lines].sort(([a], [b]) => (a < b ? -1 : 1))) files.set(name, Buffer.concat(list));
  damage(files, r);
  return { files, days, lastTs };
}

/** Corrupt a few lines anywhere (a flipped byte, a cut line) and sometimes tear the newest file's tail. */
function damage(files: Map<string, Buffer>, r: () => number): void {
  const names = [...files.keys()];
  for (const name of names) {
    if (r() >= 0.25) continue;
    const buf = Buffer.from(files.get(name)!);
    const at = Math.floor(r() * buf.length);
    if (buf[at] !== 0x0a) buf[at] = buf[at]! ^ 0x04;
    files.set(name, buf);
  }
  const newest = names.at(-1)!;
  if (r() < 0.4) {
    const buf = files.get(newest)!;
    files.set(newest, Buffer.concat([buf, Buffer.from('{"type":"ATTEMPT_CREATED","clientSn":"TORN","amo')]));
  }
}
