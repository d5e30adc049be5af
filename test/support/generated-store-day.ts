/**
 * A generated store's three days of counter journals (two counters, seeded, ~1,000 orders) with
 * every path the order fold knows: QR and scanned payments, cash sales, failures, cancellations,
 * late payments after a cancel, duplicate finals, a PAID for another amount (needs attention),
 * NEEDS_ATTENTION alone, orders left pending, a wallet known only from the scanned code, refunds
 * on the same and later days (partial, full, failed then refunded, journaled twice, two of one
 * order) — and the platform's statement for the middle day with every kind of difference.
 */
import { STATEMENT_HEADER } from '../../main/aggregator/sandbox';
import type { JournalRecord } from '../../main/journal/records';
import { localDay } from '../../main/shared/dates';
import { fenToYuanString as yuan } from '../../main/shared/money';

export const DAYS = ['2026-11-30', '2026-12-01', '2026-12-02'] as const;
export const MIDDLE = DAYS[1];

export interface GenRecord { terminalId: string; day: string; rec: JournalRecord }

const WALLETS = ['wechat', 'alipay', 'unionpay', 'ecny', 'bestpay'] as const;
const OUTCOMES = ['paid', 'paid', 'paid', 'paid', 'cash', 'failed', 'canceled', 'expired', 'late', 'dup', 'mismatch', 'mismatchThenPaid', 'attention', 'pending', 'failedThenMismatch', 'paidThenFailed', 'failedWalletLatePaid'] as const;

function rng(seed: number): () => number {
  let s = seed;
  return () => { s = (s * 1_103_515_245 + 12_345) % 2 ** 31; return s / 2 ** 31; };
}

type Ev = { ts: number; body: Record<string, unknown> };

/** One counter's journal over the three days, in seq order. */
function counterDays(terminalId: string, seed: number): GenRecord[] {
  const rnd = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const evs: Ev[] = [];
  let n = 0;
  for (const [d, day] of DAYS.entries()) {
    const count = d === 1 ? 260 : 120;
    const [y, m, dd] = day.split('-').map(Number) as [number, number, number];
    for (let i = 0; i < count; i++) {
      const t0 = new Date(y, m - 1, dd, 8, 0, 0).getTime() + Math.floor((i / count) * 13 * 3_600_000);
      const cs = `${terminalId}-${++n}`;
      const amountFen = 1 + Math.floor(rnd() * 30_000);
      const wallet = pick(WALLETS);
      const kind = OUTCOMES[n % OUTCOMES.length]!;
      const add = (dt: number, body: Record<string, unknown>) => evs.push({ ts: t0 + dt, body: { clientSn: cs, ...body } });
      const sn = `78${seed}${n}`;
      if (kind === 'cash') {
        add(0, { type: 'CASH_SALE', amountFen, receivedFen: amountFen, changeFen: 0, operator: '收银员', subject: '店' });
      } else {
        const qr = rnd() < 0.5;
        add(0, { type: 'ATTEMPT_CREATED', method: qr ? 'qr' : 'scan', amountFen, operator: `收银员${n % 3}`, subject: '店', windowMs: 45_000, ...(qr ? {} : { wallet }) });
        add(5, { type: 'REQUEST_SENT', op: qr ? 'precreate' : 'pay' });
        if (qr) add(300, { type: 'QR_READY', sn: rnd() < 0.7 ? sn : undefined, qrCode: 'https://qr.example/x', expiresAt: t0 + 240_000 });
        const w = qr || rnd() < 0.8 ? { wallet } : {}; // a scanned code's wallet is on the attempt
        const paidRec = (dt: number, fen = amountFen) => add(dt, { type: 'PAYMENT_FINAL', outcome: 'PAID', amountFen: fen, sn, ...w });
        const other = (dt: number, outcome: string, extra: object = {}) => add(dt, { type: 'PAYMENT_FINAL', outcome, amountFen, message: 'x', ...extra });
        if (kind === 'paid') paidRec(4_000);
        else if (kind === 'failed') other(4_000, 'FAILED', w);
        else if (kind === 'canceled') { add(3_000, { type: 'CANCEL_REQUESTED', reason: 'cashier' }); other(4_000, 'CANCELED'); }
        else if (kind === 'expired') other(60_000, 'EXPIRED');
        else if (kind === 'late') { other(4_000, 'CANCELED'); add(90_000, { type: 'PAYMENT_FINAL', outcome: 'PAID', amountFen, sn: `${sn}L`, ...w, late: true }); }
        else if (kind === 'dup') { paidRec(4_000); paidRec(4_500); }
        else if (kind === 'mismatch') paidRec(4_000, amountFen + 100);
        else if (kind === 'mismatchThenPaid') { add(4_000, { type: 'PAYMENT_FINAL', outcome: 'PAID', amountFen: amountFen + 1, sn: `${sn}m`, wallet: 'unionpay' }); paidRec(9_000); }
        else if (kind === 'attention') add(50_000, { type: 'NEEDS_ATTENTION', reason: '网络超时', sn: `${sn}a` });
        else if (kind === 'failedThenMismatch') { other(4_000, 'FAILED', { sn: `${sn}f` }); paidRec(8_000, amountFen * 2); }
        else if (kind === 'paidThenFailed') { paidRec(4_000); other(8_000, 'FAILED', { wallet: 'ecny', sn: `${sn}x` }); }
        else if (kind === 'failedWalletLatePaid') { other(4_000, 'FAILED', { wallet: 'bestpay' }); add(9_000, { type: 'PAYMENT_FINAL', outcome: 'PAID', amountFen, sn }); }
        // 'pending': nothing more
      }
      const paid = ['paid', 'cash', 'late', 'dup', 'mismatchThenPaid', 'paidThenFailed', 'failedWalletLatePaid'].includes(kind);
      if (!paid || rnd() > 0.25) continue;
      // A refund: the same day, or one or two days later (within the three days).
      const later = d < 2 && rnd() < 0.6 ? 86_400_000 * (d === 0 && rnd() < 0.3 ? 2 : 1) : 0;
      const at = (dt: number) => later + 600_000 + dt;
      const half = Math.max(1, Math.floor(amountFen / 2));
      const shape = Math.floor(rnd() * 5);
      const refund = (no: string, fen: number, dt: number, outcome = 'REFUNDED') => {
        add(at(dt), { type: 'REFUND_REQUESTED', refundRequestNo: no, amountFen: fen, operator: '店长' });
        add(at(dt + 800), { type: 'REFUND_FINAL', refundRequestNo: no, amountFen: fen, outcome });
      };
      if (shape === 0) refund(`${cs}-r1`, half, 0);
      else if (shape === 1) refund(`${cs}-r1`, amountFen, 0);
      else if (shape === 2) { refund(`${cs}-r1`, half, 0, 'FAILED'); add(at(5_000), { type: 'REFUND_FINAL', refundRequestNo: `${cs}-r1`, amountFen: half, outcome: 'REFUNDED' }); }
      else if (shape === 3) { refund(`${cs}-r1`, half, 0); add(at(3_000), { type: 'REFUND_FINAL', refundRequestNo: `${cs}-r1`, amountFen: half, outcome: 'REFUNDED' }); }
      else { refund(`${cs}-r1`, Math.floor(half / 2) || 1, 0); refund(`${cs}-r2`, Math.floor(half / 3) || 1, 60_000); }
    }
  }
  evs.sort((a, b) => a.ts - b.ts);
  return evs.map((e, i) => {
    const body = Object.fromEntries(Object.entries(e.body).filter(([, v]) => v !== undefined));
    return { terminalId, day: localDay(e.ts), rec: { ...body, seq: i + 1, ts: e.ts } as unknown as JournalRecord };
  });
}

export function generatedStore(): GenRecord[] {
  return [...counterDays('T1', 7), ...counterDays('T2', 11)];
}

/** The platform's statement of the middle day for `orders` (the counter's truth), with differences. */
export function statementWithDifferences(orders: { clientSn: string; day: string; status: string; amountFen: number; sn?: string; wallet?: string; refunds: { amountFen: number; status: string; finishedAt?: number }[] }[], businessDay: (ts: number) => string): string {
  const label: Record<string, string> = { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付', ecny: '数字人民币', bestpay: '翼支付', cash: '现金' };
  const t = `${MIDDLE} 12:00:00`;
  const lines: string[] = [];
  const row = (cs: string, sn: string, w: string | undefined, kind: string, fen: number, status = '成功') =>
    lines.push(`${t},${cs},${sn},${label[w ?? ''] ?? '其他'},${kind},${yuan(fen)},${yuan(Math.round(fen * 0.0038))},${status}`);
  let i = 0;
  for (const o of orders) {
    i++;
    if (o.wallet === 'cash') continue;
    const onDay = o.day === MIDDLE;
    if (onDay && o.status === 'paid') {
      if (i % 97 === 0) continue; // missing on the platform
      if (i % 89 === 0) row(o.clientSn, o.sn ?? '', o.wallet, '收款', o.amountFen + 1); // amount differs
      else if (i % 83 === 0) row('', o.sn ?? '', o.wallet, '收款', o.amountFen); // only the platform's order number
      else row(o.clientSn, o.sn ?? '', o.wallet, '收款', o.amountFen);
      if (i % 79 === 0) row(o.clientSn, o.sn ?? '', o.wallet, '撤单', o.amountFen); // reversed on the platform
    } else if (onDay && ['failed', 'canceled', 'expired', 'needs_attention'].includes(o.status) && i % 3 === 0) {
      row(o.clientSn, o.sn ?? '', o.wallet, '收款', o.amountFen); // the platform says it was paid
    } else if (onDay && o.status === 'pending') {
      row(o.clientSn, '', o.wallet, '收款', o.amountFen, 'FAIL');
    } else if (!onDay && o.status === 'paid' && i % 11 === 0) {
      row(o.clientSn, o.sn ?? '', o.wallet, '收款', o.amountFen); // listed on another day
    }
    for (const r of o.refunds) {
      if (r.status !== 'refunded' || r.finishedAt === undefined || businessDay(r.finishedAt) !== MIDDLE) continue;
      if (i % 7 !== 0) row(o.clientSn, o.sn ?? '', o.wallet, '退款', r.amountFen); // else: the refund is missing
    }
  }
  lines.push(`${t},,78950000999,支付宝,收款,5.00,0.02,成功`, `${t},,78950000998,微信支付,收款,0.00,0.00,FAIL`, 'not,a,row');
  return [STATEMENT_HEADER, ...lines].join('\n');
}
