/**
 * The signed-in operator through the whole composition root (createServices): real sandbox over
 * HTTP, real journal, settings and PIN file in a temp data directory. Payments and the totals by
 * cashier carry the name of whoever is signed in; with nobody signed in, the settings' name.
 */
import { walletOpens } from '../../../support/wallet-app';
import { mkdir, readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import iconv from 'iconv-lite';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../../main/services/create-services';
import { plaintextCipher } from '../../../../main/settings/secrets';
import type { ActionName, ActionResult, CheckoutView, Envelope } from '../../../../preload/contract';
import { recordsOnDisk, sandbox, tempDir } from '../checkout/service-rig';

const running: Services[] = [];
afterEach(async () => { for (const s of running.splice(0)) await s.stop(); });

async function counter() {
  const { sb, ctl } = await sandbox();
  const dir = await tempDir('yima-operator-');
  const sink = join(dir, 'printed');
  await mkdir(sink);
  const services = await createServices({
    dataDir: dir, aggregatorUrl: sb.url, cipher: plaintextCipher, log: () => undefined, devices: { printer: `file:${sink}` },
    confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never,
  });
  running.push(services);
  await services.recovered;
  const call = async <N extends ActionName>(name: N, args: unknown): Promise<ActionResult<N>> => {
    const env = await services.dispatch(name, args) as Envelope<ActionResult<N>>;
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value;
  };
  let n = 0;
  const pay = async (yuan: string): Promise<string> => {
    const view = await call('startQrPayment', { amount: yuan, requestId: `op-test-${++n}` }) as CheckoutView;
    await walletOpens(view.qrCode!, 'wechat'); // the customer's WeChat opens the unified QR
    await ctl.walletPay({ clientSn: view.clientSn! }, 'wechat');
    for (let i = 0; i < 100; i++) {
      const snap = await call('getSnapshot', {});
      if (snap.checkout.phase === 'result') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    await call('dismissResult', {});
    return view.clientSn!;
  };
  /** The receipts printed so far, decoded as the printer does (GBK). */
  const receipts = async (count: number): Promise<string[]> => {
    for (let i = 0; i < 100; i++) {
      const names = (await readdir(sink).catch(() => [] as string[])).filter((f) => f.endsWith('.bin')).sort();
      if (names.length >= count) return Promise.all(names.map(async (f) => iconv.decode(await readFile(join(sink, f)), 'gbk')));
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`fewer than ${count} receipts printed`);
  };
  return { call, pay, dir, receipts };
}

describe('the signed-in operator takes the payments', () => {
  it('a cashier the manager added signs in; payments and totals by cashier carry the name; signed out, the settings name', async () => {
    const c = await counter();
    expect(await c.call('saveOperator', { managerPin: '1111', role: 'cashier', name: '小王', pin: '1357' })).toMatchObject({ ok: false, auth: { reason: 'wrong' } });
    expect((await c.call('listOperators', {})).operators.map((p) => p.name)).not.toContain('小王');
    expect(await c.call('saveOperator', { managerPin: '8888', role: 'cashier', name: '小王', pin: '1357' })).toMatchObject({ ok: true });

    expect(await c.call('login', { role: 'cashier', pin: '1357' })).toMatchObject({ ok: true, operator: { role: 'cashier', name: '小王' } });
    const hers = await c.pay('3.00');
    expect(await c.call('orderDetail', { clientSn: hers })).toMatchObject({ operator: '小王', status: 'paid' });
    expect((await c.receipts(1))[0]).toContain('小王'); // the printed receipt names her

    await c.call('logout', {});
    await c.pay('1.00');
    const totals = await c.call('totals', {});
    expect(totals.byOperator['小王']).toMatchObject({ count: 1, paidFen: 300 });
    expect(totals.byOperator['收银员']).toMatchObject({ count: 1, paidFen: 100 });
    expect((await c.receipts(2))[1]).not.toContain('小王');

    const actions = (await recordsOnDisk(join(c.dir, 'journal'))).flatMap((r) => (r.type === 'OPERATOR_ACTION' ? [`${r.operator}:${r.action}`] : []));
    expect(actions).toEqual(expect.arrayContaining(['店长:save_operator', '小王:login', '小王:logout']));
  });

  it('adding a cashier retires the factory-default cashier PIN 0000', async () => {
    const c = await counter();
    expect(await c.call('login', { role: 'cashier', pin: '0000' })).toMatchObject({ ok: true, mustChange: true });
    await c.call('saveOperator', { managerPin: '8888', role: 'cashier', name: '小李', pin: '2580' });
    expect(await c.call('login', { role: 'cashier', pin: '0000' })).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await c.call('managerSession', {})).toMatchObject({ defaultPins: ['manager', 'engineer'] });
  });
});
