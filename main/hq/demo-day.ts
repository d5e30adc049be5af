/**
 * `npm run hq -- --demo`: a small simulated day (3 stores × 2 counters) written into the journal
 * table the way counters sync it, so the embedded dashboard shows figures without a counter.
 */
import { hourOf } from '../shared/dates';
import { addStore } from './provision';
import type { Sql } from './db';

const WALLETS = ['wechat', 'alipay', 'unionpay'] as const;

export async function loadDemoDay(sql: Sql, day: string, payments = 120): Promise<void> {
  const stores = [['DEMO-01', '南京西路店'], ['DEMO-02', '五角场店'], ['DEMO-03', '徐家汇店']] as const;
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  for (const [storeId, name] of stores) {
    await addStore(sql, { storeId, name, password: `demo-${storeId}-${Math.random().toString(36).slice(2)}`, settleAccount: `招商银行 6225****${storeId.slice(-2)}01` });
    for (const t of [1, 2]) {
      const terminal = `${storeId}-T${t}`;
      const rows: { seq: number; ts: number; hour: number; type: string; body: string }[] = [];
      let seq = 0;
      const add = (b: Record<string, unknown>, ts: number) => { seq++; rows.push({ seq, ts, hour: hourOf(ts), type: String(b.type), body: JSON.stringify({ ...b, seq, ts }) }); };
      for (let i = 0; i < payments; i++) {
        const ts = new Date(y, m - 1, d, 8, 0, 0).getTime() + Math.floor((i * 13 * 3_600_000) / payments);
        const clientSn = `${terminal}-${i}`;
        const amountFen = 300 + ((i * 7919 + t * 131) % 9_700);
        add({ type: 'ATTEMPT_CREATED', clientSn, method: 'qr', amountFen, operator: '收银员', subject: name, windowMs: 45_000 }, ts);
        add({ type: 'PAYMENT_FINAL', clientSn, outcome: 'PAID', amountFen, sn: `7895${t}${i}`, wallet: WALLETS[i % 3] }, ts + 4_000);
        if (i % 40 === 7) {
          add({ type: 'REFUND_REQUESTED', clientSn, refundRequestNo: `R-${clientSn}`, amountFen: Math.floor(amountFen / 2), operator: '店长' }, ts + 60_000);
          add({ type: 'REFUND_FINAL', clientSn, refundRequestNo: `R-${clientSn}`, amountFen: Math.floor(amountFen / 2), outcome: 'REFUNDED' }, ts + 61_000);
        }
      }
      await sql.query(
        `INSERT INTO journal_records (store_id, terminal_id, seq, ts, day, hour, type, body)
         SELECT $1, $2, r.seq, r.ts, $3::date, r.hour, r.type, r.body FROM unnest($4::bigint[], $5::bigint[], $6::smallint[], $7::text[], $8::jsonb[]) AS r(seq, ts, hour, type, body)
         ON CONFLICT DO NOTHING`,
        [storeId, terminal, day, rows.map((r) => r.seq), rows.map((r) => r.ts), rows.map((r) => r.hour), rows.map((r) => r.type), rows.map((r) => r.body)]);
      await sql.query(`INSERT INTO terminal_status (store_id, terminal_id, terminal_name, head_seq, synced_seq, last_record_ts) VALUES ($1, $2, $3, $4, $4, $5)
        ON CONFLICT (store_id, terminal_id) DO UPDATE SET reported_at = now()`, [storeId, terminal, `${t}号收银台`, seq, rows[rows.length - 1]!.ts]);
    }
  }
}
