import { describe, expect, it } from 'vitest';
import { STATEMENT_HEADER } from '../../../../../main/aggregator/sandbox/statement';
import { activate, alipayCode, control, newClientSn, payFields, precreateFields, sandbox, upay, wechatCode } from './helpers';

describe('sandbox statement', () => {
  it('lists one row per payment and per refund of the day, amounts in yuan', async () => {
    let now = new Date(2026, 2, 1, 9, 30, 0).getTime();
    const s = await sandbox({ clock: () => now });
    const t = await activate(s.url);
    const a = newClientSn();
    const b = newClientSn();
    const failed = newClientSn();
    const unpaid = newClientSn();
    await upay(s.url, t, 'pay', payFields(a, wechatCode(), '1230'));
    now += 60_000;
    await upay(s.url, t, 'pay', payFields(b, alipayCode(), '50000'));
    await upay(s.url, t, 'pay', payFields(failed, wechatCode('21'), '700'));
    await upay(s.url, t, 'precreate', precreateFields(unpaid));
    now += 60_000;
    await upay(s.url, t, 'refund', { client_sn: b, refund_request_no: 'R1', refund_amount: '10000', operator: 'm' });

    const st = await upay(s.url, t, 'statement', { date: '2026-03-01' });
    expect(st.biz.result_code).toBe('SUCCESS');
    const lines = (st.biz.data?.csv as string).trim().split('\n');
    expect(lines[0]).toBe(STATEMENT_HEADER);
    expect(lines[0]).toBe('交易时间,商户订单号,收钱吧订单号,支付方式,交易类型,金额(元),手续费(元),状态');
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(new RegExp(`^2026-03-01 09:30:00,${a},\\d{16},微信支付,收款,12\\.30,0\\.05,成功$`));
    expect(lines[2]).toMatch(new RegExp(`^2026-03-01 09:31:00,${b},\\d{16},支付宝,收款,500\\.00,1\\.90,成功$`));
    expect(lines[3]).toMatch(new RegExp(`^2026-03-01 09:32:00,${b},\\d{16},支付宝,退款,100\\.00,0\\.38,成功$`));
    expect(st.biz.data?.csv).not.toContain(failed);

    const other = await upay(s.url, t, 'statement', { date: '2026-03-02' });
    expect((other.biz.data?.csv as string).trim().split('\n')).toEqual([STATEMENT_HEADER]);
    expect((await upay(s.url, t, 'statement', { date: '1.3.2026' })).json.error_code).toBe('INVALID_PARAMS');
  });

  it('statement-edit leaves an order out and adds one the counter never saw', async () => {
    const now = new Date(2026, 2, 1, 12, 0, 0).getTime();
    const s = await sandbox({ clock: () => now });
    const t = await activate(s.url);
    const kept = newClientSn();
    const hidden = newClientSn();
    await upay(s.url, t, 'pay', payFields(kept, wechatCode(), '100'));
    await upay(s.url, t, 'pay', payFields(hidden, wechatCode(), '200'));
    expect((await control(s.url, 'POST', 'statement-edit', { omitClientSn: hidden, extra: { amountFen: 4321, wallet: 'unionpay' } })).status).toBe(200);

    const csv = (await upay(s.url, t, 'statement', { date: '2026-03-01' })).biz.data?.csv as string;
    const rows = csv.trim().split('\n').slice(1);
    expect(rows).toHaveLength(2);
    expect(csv).toContain(kept);
    expect(csv).not.toContain(hidden);
    expect(rows.some((r) => /^2026-03-01 12:00:00,,\d{16},云闪付,收款,43\.21,/.test(r))).toBe(true);
    // the hidden order is still a real, paid order
    expect((await upay(s.url, t, 'query', { client_sn: hidden })).biz.data?.order_status).toBe('PAID');
  });
});
