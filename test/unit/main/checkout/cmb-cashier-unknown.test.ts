/**
 * A counter set up with a 收银员 id the bank does not know [cmb-polypay.md §2 userId, §5
 * USERID_NOT_EXIST]: the polypay sandbox answers the documented code on every API that carries a
 * cashier, and the real driver and checkout turn it into a words-on-screen failure (nothing charged,
 * no 支付成功), in both languages; the engineer's test button names it too.
 */
import { afterEach, describe, it } from 'vitest';
import { expect, zhOf } from '../../../support/zh-expect';
import { startCmbSandbox, type CmbSandbox } from '../../../../main/aggregator/cmb/sandbox';
import { createCmbDriver } from '../../../../main/aggregator/cmb';
import { probeCmb } from '../../../../main/aggregator/cmb/probe';
import { sandboxCmbConfig } from '../../../../main/aggregator/cmb/sandbox-config';
import { nodeHttpPost } from '../../../../main/aggregator/upay/http';
import { messagesEn } from '../../../../renderer/src/i18n/messages-en';
import { cmbSandboxControl } from '../../../support/cmb-sandbox-control';
import { journalIn, makeService, requestId, tempDir, wechatCode } from './service-rig';

const STRANGER = 'N009999999'; // not a cashier of the sandbox merchant (test-keys.ts)
let sb: CmbSandbox | undefined;
afterEach(async () => { await sb?.close(); sb = undefined; });

async function counterWithUnknownCashier() {
  sb = await startCmbSandbox({ port: 0 });
  const config = { ...sandboxCmbConfig(sb.url), userId: STRANGER };
  const driver = createCmbDriver({ config, timeoutMs: 3_000 });
  const journal = await journalIn(await tempDir('yima-cmb-cashier-'));
  return { config, driver, journal, bank: cmbSandboxControl(sb.url), checkout: makeService({ aggregator: driver, journal }) };
}

describe('招商银行: a cashier id the bank does not know', () => {
  it('QR: the bank answers USERID_NOT_EXIST, the screen says so in words, nothing is charged', async () => {
    const c = await counterWithUnknownCashier();
    const v = await c.checkout.service.startQr(1230, requestId());
    expect(v.phase).toBe('result');
    expect(v.result?.outcome).toBe('FAILED');
    expect(v.result?.message).toBe('下单失败：招商银行不认识本机设置的收银员编号（USERID_NOT_EXIST）：请工程师在“收款平台”中核对收银员编号');
    expect(messagesEn['platform.cashierUnknown']).toContain('cashier id');
    expect(c.checkout.views.some((x) => x.result?.outcome === 'PAID')).toBe(false);
    expect(await c.bank.orders()).toEqual([]);
    expect((await c.bank.requests()).map((r) => r.api)).toEqual(['qrcodeapply']);
    expect(c.journal.orders.list().map((o) => o.status)).toEqual(['failed']);
  });

  it('payment code: the same answer to pay, a failure in words, the customer not charged', async () => {
    const c = await counterWithUnknownCashier();
    await c.checkout.service.startScan(880, wechatCode('00'), 'wechat', '1346****00', requestId());
    const r = await c.checkout.result();
    expect(r.outcome).toBe('FAILED');
    expect(zhOf(r.message)).toBe('支付失败：招商银行不认识本机设置的收银员编号（USERID_NOT_EXIST）：请工程师在“收款平台”中核对收银员编号');
    expect(await c.bank.orders()).toEqual([]);
  });

  it('the engineer’s test button: the signed query is answered USERID_NOT_EXIST and named as the cashier id', async () => {
    const c = await counterWithUnknownCashier();
    const probe = await probeCmb(c.config, { http: nodeHttpPost, clock: Date.now });
    expect(probe).toEqual({ kind: 'cashierUnknown', code: 'USERID_NOT_EXIST' });
    // with the bank's own cashier id the same query is fine
    expect((await probeCmb(sandboxCmbConfig(sb!.url), { http: nodeHttpPost, clock: Date.now })).kind).toBe('ok');
  });
});
