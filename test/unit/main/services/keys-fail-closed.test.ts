/**
 * Issue 14 items 7 and 8, through the whole composition root (real sandbox over HTTP, real
 * files): a truncated secrets.json no longer stops the counter from starting; history shows,
 * payments are refused (SECRETS_DAMAGED) until the engineer activates again, and the damaged
 * file is kept aside. On a data directory that cannot be written, no check-in is sent: the key
 * never rotates at the platform without being saved here.
 */
import { readdirSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, describe, it } from 'vitest';
import { expect, zhOf } from '../../../support/zh-expect';
import { TEST_ACTIVATION_CODE } from '../../../../main/aggregator/sandbox';
import { createServices, type Services } from '../../../../main/services/create-services';
import { plaintextCipher } from '../../../../main/settings/secrets';
import type { CheckoutView, Envelope } from '../../../../preload/contract';
import { makeReadOnly } from '../../../support/read-only-dir';
import { sandbox, tempDir } from '../checkout/service-rig';

const running: Services[] = [];
const undo: (() => void)[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
  for (const u of undo.splice(0)) u();
});

async function start(dir: string, url: string) {
  const services = await createServices({
    dataDir: dir, aggregatorUrl: url, cipher: plaintextCipher, log: () => undefined,
    confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never,
  });
  running.push(services);
  await services.recovered;
  return services;
}
const call = async (s: Services, name: string, args: unknown = {}) => (await s.dispatch(name, args)) as Envelope<unknown>;

/** A WeChat payment code the sandbox charges at once (as in the kill -9 tests). */
async function paidOnce(s: Services, _ctl: Awaited<ReturnType<typeof sandbox>>['ctl']) {
  await call(s, 'setPendingAmount', { amount: '5.00' });
  const v = await call(s, 'startScanPayment', { amount: '5.00', code: '134567890123456780', requestId: 'keys-test-0001', source: 'wedge' });
  if (!v.ok) throw new Error(v.error.message);
  for (let i = 0; i < 100; i++) {
    const snap = (await call(s, 'getSnapshot')) as Envelope<{ checkout: CheckoutView }>;
    if (snap.ok && snap.value.checkout.phase === 'result') break;
    await new Promise((r) => setTimeout(r, 50));
  }
  await call(s, 'dismissResult');
}

describe('secrets.json damaged (item 7)', () => {
  it('starts, shows history and the warning, refuses payments until re-activated, keeps the damaged file aside', async () => {
    const { sb, ctl } = await sandbox();
    const dir = await tempDir('yima-keys-');
    const first = await start(dir, sb.url);
    await paidOnce(first, ctl);
    await first.stop();
    running.splice(0);
    const file = join(dir, 'secrets.json');
    truncateSync(file, Math.floor(statSync(file).size / 2)); // the power went while it was written
    const damaged = readFileSync(file);

    const s = await start(dir, sb.url); // today: "Unexpected end of JSON input" and no start at all
    expect(s.warnings.map(zhOf).join('\n')).toMatch(/终端密钥文件已损坏/);
    const aside = readdirSync(dir).filter((n) => n.startsWith('secrets.json.corrupt-'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dir, aside[0]!)).equals(damaged)).toBe(true);
    const list = (await call(s, 'listOrders')) as Envelope<{ status: string }[]>;
    expect(list.ok && list.value.map((o) => o.status)).toEqual(['paid']);
    const before = (await ctl.orders()).length;
    const refused = await call(s, 'startQrPayment', { amount: '1.00', requestId: 'keys-test-0002' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'SECRETS_DAMAGED' } });
    expect((await ctl.orders()).length).toBe(before); // nothing reached the aggregator

    // The engineer activates again.
    expect(await call(s, 'engineerUnlock', { pin: '6666' })).toMatchObject({ ok: true, value: { ok: true } });
    // The platform still has this device bound to the old terminal: 设备号重复 (activate.md FAQ 4)
    // until the merchant has it unbound (the sandbox's reset of terminals plays that part).
    expect(await call(s, 'activateTerminal', { code: TEST_ACTIVATION_CODE })).toMatchObject({ ok: true, value: { ok: false } });
    await fetch(`${sb.url}/__control/reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ terminals: true }) });
    expect(await call(s, 'activateTerminal', { code: TEST_ACTIVATION_CODE })).toMatchObject({ ok: true, value: { ok: true } });
    expect(await call(s, 'startQrPayment', { amount: '1.00', requestId: 'keys-test-0003' })).toMatchObject({ ok: true });
  });
});

describe('check-in on a data directory that cannot be written (item 8)', () => {
  it('sends no check-in, so the saved key stays the platform\'s key', async () => {
    const { sb, ctl } = await sandbox();
    const dir = await tempDir('yima-keys-ro-');
    const first = await start(dir, sb.url);
    await paidOnce(first, ctl);
    await first.stop();
    running.splice(0);
    const keyFile = readFileSync(join(dir, 'secrets.json'), 'utf8');
    const checkins = async () => (await ctl.call<{ requests: { op: string }[] }>('GET', 'requests')).requests.filter((r) => r.op === 'checkin').length;
    const sentBefore = await checkins();

    const restore = makeReadOnly(dir);
    if (!restore) return expect.soft(restore, 'cannot make a read-only directory here').not.toBeNull();
    undo.push(restore);
    const s = await start(dir, sb.url); // start-up check-in
    const out = await s.aggregator.aggregator.checkin(); // and an explicit one
    expect(out).toMatchObject({ ok: false, errorCode: 'NOT_SAVED' });
    expect(await checkins()).toBe(sentBefore);
    expect(readFileSync(join(dir, 'secrets.json'), 'utf8')).toBe(keyFile);
    // The old key still works at the platform: a query is answered, not ILLEGAL_SIGN.
    const clientSn = (await ctl.orders())[0]!.clientSn;
    const q = await s.aggregator.aggregator.query({ clientSn });
    expect(JSON.stringify(q)).not.toMatch(/ILLEGAL_SIGN/);
    expect(q).toMatchObject({ kind: 'ok' });
  });
});
