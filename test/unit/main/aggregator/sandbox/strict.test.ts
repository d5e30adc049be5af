/** The sandbox is as strict as the 收钱吧 documentation, and records every violation it refuses. */
import { describe, expect, it } from 'vitest';
import { sign } from '../../../../../main/aggregator/sandbox/protocol';
import { TEST_ACTIVATION_CODE, TEST_APP_ID, TEST_VENDOR_KEY, TEST_VENDOR_SN } from '../../../../../main/aggregator/sandbox/test-vendor';
import { activate, control, newClientSn, payFields, postRaw, precreateFields, sandbox, signedPost, upay, wechatCode } from './helpers';

async function violations(base: string): Promise<Array<Record<string, unknown>>> {
  return (await control(base, 'GET', 'violations')).body.violations as Array<Record<string, unknown>>;
}

describe('strict sandbox: documented request rules', () => {
  it('refuses a precreate without payway (precreate.md: payway Y) and records it', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const { payway: _p, sub_payway: _s, ...noPayway } = precreateFields(newClientSn());
    const r = await upay(s.url, t, 'precreate', noPayway);
    expect(r.json).toMatchObject({ result_code: '400', error_code: 'INVALID_PARAMS' });
    expect(r.json.error_message).toContain('payway');
    expect(await violations(s.url)).toEqual([expect.objectContaining({ op: 'precreate', field: 'payway', source: 'zh-cn/api/interface/precreate.md', refused: true })]);
  });

  it('every JSON value must be a string (sign.md): a numeric total_amount is refused', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const body = { terminal_sn: t.sn, ...payFields(newClientSn(), wechatCode()), total_amount: 1000 };
    const r = await signedPost(s.url, '/upay/v2/pay', body, t.sn, t.key);
    expect(r.json.error_code).toBe('INVALID_PARAMS');
    expect(await violations(s.url)).toContainEqual(expect.objectContaining({ field: 'total_amount', source: 'zh-cn/api/sign.md', value: '1000' }));
  });

  it.each([
    ['client_sn', 'x'.repeat(33), 'pay'],
    ['subject', '字'.repeat(65), 'pay'],
    ['operator', 'o'.repeat(33), 'pay'],
    ['total_amount', '12345678901', 'pay'],
    ['total_amount', '0', 'pay'],
  ] as const)('field limits: %s = %s refused', async (field, value, op) => {
    const s = await sandbox();
    const t = await activate(s.url);
    const r = await upay(s.url, t, op, { ...payFields(newClientSn(), wechatCode()), [field]: value });
    expect(r.json.error_code).toBe('INVALID_PARAMS');
    expect(await violations(s.url)).toContainEqual(expect.objectContaining({ op, field, source: 'zh-cn/api/interface/pay.md' }));
  });

  it('refund: refund_request_no over 20 characters and a missing operator are refused (refund.md)', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const long = await upay(s.url, t, 'refund', { client_sn: 'a', refund_request_no: 'R'.repeat(21), refund_amount: '1', operator: 'o' });
    expect(long.json.error_code).toBe('INVALID_PARAMS');
    const noOp = await upay(s.url, t, 'refund', { client_sn: 'a', refund_request_no: 'R1', refund_amount: '1' });
    expect(noOp.json.error_code).toBe('INVALID_PARAMS');
    expect((await violations(s.url)).map((v) => v.field)).toEqual(['refund_request_no', 'operator']);
  });

  it('an upper-case Authorization signature is refused (the docs\' demos sign lower-case hex)', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const raw = JSON.stringify({ terminal_sn: t.sn, client_sn: 'x' });
    const upper = await postRaw(`${s.url}/upay/v2/query`, raw, `${t.sn} ${sign(raw, t.key).toUpperCase()}`);
    expect(upper.json.error_code).toBe('ILLEGAL_SIGN');
    const lower = await postRaw(`${s.url}/upay/v2/query`, raw, `${t.sn} ${sign(raw, t.key)}`);
    expect(lower.json.result_code).toBe('200');
    expect(await violations(s.url)).toEqual([expect.objectContaining({ field: 'Authorization', source: 'zh-cn/api/sign.md' })]);
  });

  it('activating a device_id that is already active is refused (设备号重复, activate.md FAQ)', async () => {
    const s = await sandbox();
    await activate(s.url, 'pos-dup');
    const again = await signedPost(s.url, '/terminal/activate', { app_id: TEST_APP_ID, code: TEST_ACTIVATION_CODE, device_id: 'pos-dup' }, TEST_VENDOR_SN, TEST_VENDOR_KEY);
    expect(again.json.result_code).toBe('400');
    expect(again.json.error_message).toContain('设备号重复');
  });

  it('net_amount equals total_amount while nothing was refunded: CREATED and PAY_CANCELED (precreate.md)', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    const qrSn = newClientSn();
    const pre = await upay(s.url, t, 'precreate', precreateFields(qrSn, '1230'));
    expect(pre.biz.data).toMatchObject({ order_status: 'CREATED', total_amount: '1230', net_amount: '1230', payway: '3', sub_payway: '2' });
    const failSn = newClientSn();
    const fail = await upay(s.url, t, 'pay', payFields(failSn, wechatCode('21'), '700'));
    expect(fail.biz.data).toMatchObject({ order_status: 'PAY_CANCELED', total_amount: '700', net_amount: '700', payway: '3' });
    await upay(s.url, t, 'cancel', { client_sn: qrSn });
    expect((await upay(s.url, t, 'query', { client_sn: qrSn })).biz.data).toMatchObject({ order_status: 'CANCELED', net_amount: '1230' });
    expect(await violations(s.url)).toEqual([]);
  });

  it('violations are cleared with DELETE and with reset', async () => {
    const s = await sandbox();
    const t = await activate(s.url);
    await upay(s.url, t, 'query', {});
    expect(await violations(s.url)).toHaveLength(1);
    await control(s.url, 'DELETE', 'violations');
    expect(await violations(s.url)).toEqual([]);
  });
});
