/**
 * Chain reconciliation at head office: a store's statement file against what its counters synced,
 * folded with the counter's own reconciliation — every difference names the store and the order.
 * Then the same through the dashboard's HTTP API (login, Origin check, statement upload).
 */
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { STATEMENT_HEADER } from '../../../main/aggregator/sandbox';
import { ensureAdmin } from '../../../main/hq/auth';
import { reconcileStore } from '../../../main/hq/ledger';
import { startHqServer } from '../../../main/hq/server';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { startCounter } from '../../support/sync-rig';
import { pollUntil } from '../../support/poll-until';

let db: TestDb;
beforeAll(async () => { db = await freshDatabase(); });
afterAll(async () => { await db?.drop(); });

const today = (): string => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

test('statement vs synced journals: differences by store and order, via the API too', async () => {
  const s = await db.store('RC');
  const c = await startCounter({ storeId: s.storeId, url: s.url, terminalId: 'RC-1' });
  await c.sell(3, () => 1000); // RC-1-1 (wechat), RC-1-2 (alipay), RC-1-3 (wechat)
  await pollUntil(async () => c.worker.current.state, (st) => st === 'synced');
  await c.stop();
  const day = today();
  const t = `${day} 10:00:00`;
  // RC-1-2 is missing on the platform; an order the counter never made is on it.
  const csv = [STATEMENT_HEADER, `${t},RC-1-1,sn-RC-1-1,微信支付,收款,10.00,0.04,成功`, `${t},RC-1-3,sn-RC-1-3,微信支付,收款,10.00,0.04,成功`, `${t},,78950000999,支付宝,收款,5.00,0.02,成功`].join('\n');

  const r = await reconcileStore(db.sql, s.storeId, day, csv);
  const diffs = r.items.filter((i) => i.kind !== 'matched').map((i) => [i.kind, i.clientSn ?? i.sn, i.diffFen]);
  expect(diffs).toEqual(expect.arrayContaining([['only_counter', 'RC-1-2', -1000], ['only_aggregator', '78950000999', 500]]));
  expect(r.differences).toBe(2);

  await ensureAdmin(db.sql, 'admin-pass-rc');
  const hq = await startHqServer({ sql: db.sql, staticDir: join(process.cwd(), 'out/hq'), port: 0 });
  try {
    const origin = hq.url.replace(/\/$/, '');
    const refused = await fetch(`${hq.url}api/login`, { method: 'POST', headers: { origin: 'http://evil.example', 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-pass-rc' }) });
    expect(refused.status).toBe(403);
    expect((await fetch(`${hq.url}api/takings`)).status).toBe(401);
    const login = await fetch(`${hq.url}api/login`, { method: 'POST', headers: { origin, 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'admin-pass-rc' }) });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^yima_hq=/);
    const res = await fetch(`${hq.url}api/reconcile?day=${day}&file=${encodeURIComponent(`statement-${s.storeId}-${day}.csv`)}`, { method: 'POST', headers: { origin, cookie, 'content-type': 'text/csv' }, body: csv });
    const body = (await res.json()) as { storeId: string; differences: number; items: { kind: string; clientSn?: string }[] };
    expect(body.storeId).toBe(s.storeId);
    expect(body.differences).toBe(2);
    expect(body.items.map((i) => i.clientSn).filter(Boolean)).toEqual(['RC-1-2']);
    const unknown = await fetch(`${hq.url}api/reconcile?day=${day}&file=nobody.csv`, { method: 'POST', headers: { origin, cookie }, body: csv });
    expect(unknown.status).toBe(400);
    expect(((await unknown.json()) as { error: string }).error).toContain('门店');
  } finally {
    await hq.close();
  }
}, 60_000);
