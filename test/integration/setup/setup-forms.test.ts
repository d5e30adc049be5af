/**
 * The engineer's payment-platform and head-office forms through the whole composition root
 * (createServices): the engineer PIN, the bank's sandbox over real HTTP with real SM2 (a signed
 * test query: ok, and each failure named), secrets that never come back, a platform switch
 * refused while a payment is open, and head office on a real PostgreSQL as the store's own role.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startCmbSandbox, type CmbSandbox } from '../../../main/aggregator/cmb/sandbox';
import { CMB_API_PREFIX } from '../../../main/aggregator/cmb/sandbox/server';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from '../../../main/aggregator/cmb/sandbox/test-keys';
import { generateSm2KeyPair } from '../../../main/aggregator/cmb';
import { createServices, type Services } from '../../../main/services/create-services';
import { plaintextCipher } from '../../../main/settings/secrets';
import { exportSettings } from '../../../main/settings/settings-transfer';
import type { ActionName, ActionResult, Envelope, PlatformForm } from '../../../preload/contract';
import { freshDatabase, type TestDb } from '../../support/pg-database';
import { pollUntil } from '../../support/poll-until';
import { sandbox, tempDir } from '../../unit/main/checkout/service-rig';

const running: Services[] = [];
afterEach(async () => { for (const s of running.splice(0)) await s.stop(); });
let bank: CmbSandbox;
beforeAll(async () => { bank = await startCmbSandbox({ port: 0, dataDir: await tempDir('yima-bank-') }); });
afterAll(async () => { await bank?.close(); });

async function counter() {
  const { sb } = await sandbox();
  const dir = await tempDir('yima-setup-');
  const services = await createServices({
    dataDir: dir, aggregatorUrl: sb.url, cipher: plaintextCipher, log: () => undefined,
    confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never,
  });
  running.push(services);
  await services.recovered;
  const raw = (name: ActionName, args: unknown) => services.dispatch(name, args);
  const call = async <N extends ActionName>(name: N, args: unknown): Promise<ActionResult<N>> => {
    const env = await raw(name, args) as Envelope<ActionResult<N>>;
    if (!env.ok) throw new Error(`${name}: ${env.error.message}`);
    return env.value;
  };
  return { dir, raw, call, services };
}

const m = SANDBOX_MERCHANT;
const bankForm = (over: Partial<PlatformForm> = {}): PlatformForm => ({
  platform: 'cmb', baseUrl: bank.url + CMB_API_PREFIX.slice(0, -1), merId: m.merId, userId: m.userId, appId: m.appId, appSecret: m.appSecret,
  privateKey: m.privateKeyHex, publicKey: m.publicKeyBase64, bankPublic: SANDBOX_BANK_KEYS.publicKeyBase64, notifyUrl: 'https://yima.invalid/cmb/notify',
  termId: m.termId, deviceType: '10', deviceId: m.terminalInfo.device_id, serialNum: m.terminalInfo.serial_num, location: m.terminalInfo.location, ...over,
});

describe('payment platform form', () => {
  it('needs the engineer PIN for every action', async () => {
    const c = await counter();
    for (const [name, args] of [['platformView', {}], ['savePlatform', bankForm()], ['testPlatform', bankForm()], ['hqView', {}]] as const) {
      const env = await c.raw(name, args);
      expect(env, name).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    }
  });

  it('a signed test query: ok with the sandbox keys, and each wrong setting named', async () => {
    const c = await counter();
    await c.call('engineerUnlock', { pin: '6666' });
    const ok = await c.call('testPlatform', bankForm());
    expect(ok).toMatchObject({ ok: true, message: { code: 'bank.testOk', params: { answer: 'ORDERID_NOT_EXIST' } } });
    expect(ok.ms).toBeGreaterThanOrEqual(0);
    // A key pair the bank never registered: the bank rejects our signature.
    const other = generateSm2KeyPair();
    expect(await c.call('testPlatform', bankForm({ privateKey: other.privateKeyHex, publicKey: '' }))).toMatchObject({ ok: false, message: { code: 'bank.testSignatureRejected', params: { errCode: 'SIGN_ERROR' } } });
    // The wrong bank key: the bank's answer does not verify.
    expect(await c.call('testPlatform', bankForm({ bankPublic: other.publicKeyBase64 }))).toMatchObject({ ok: false, message: { code: 'bank.testBankSignature' } });
    expect(await c.call('testPlatform', bankForm({ merId: '3089990000000000' }))).toMatchObject({ ok: false, message: { code: 'bank.testMerchantUnknown', params: { errCode: 'MERID_NOT_EXIST' } } });
    expect(await c.call('testPlatform', bankForm({ userId: 'N009999999' }))).toMatchObject({ ok: false, message: { code: 'bank.testCashierUnknown', params: { errCode: 'USERID_NOT_EXIST' } } });
    expect(await c.call('testPlatform', bankForm({ appSecret: 'not-the-secret-1' }))).toMatchObject({ ok: false, message: { code: 'bank.testSignatureRejected' } });
    expect(await c.call('testPlatform', bankForm({ baseUrl: 'http://127.0.0.1:9/polypay/v1.0/mchorders' }))).toMatchObject({ ok: false, message: { code: 'bank.testUnreachable' } });
    expect(await c.call('testPlatform', bankForm({ privateKey: 'abc' }))).toMatchObject({ ok: false, message: { code: 'setup.testIncomplete' }, errors: { privateKey: { code: 'bank.privateKeyLength' } } });
  });

  it('saves the bank; secrets stay in main (encrypted file), the screen learns only set / not set', async () => {
    const c = await counter();
    await c.call('engineerUnlock', { pin: '6666' });
    const res = await c.call('savePlatform', bankForm());
    expect(res).toMatchObject({ ok: true, message: { code: 'bank.savedRestartCmb' } });
    const text = JSON.stringify(res) + JSON.stringify(await c.call('platformView', {}));
    expect(text).not.toContain(m.privateKeyHex);
    expect(text).not.toContain(m.appSecret);
    expect(res.ok && res.view).toMatchObject({ platform: 'cmb', runningPlatform: 'upay', appSecretSet: true, privateKeySet: true, ourPublicKey: m.publicKeyBase64, restartNeeded: true });
    const settingsFile = await readFile(join(c.dir, 'settings.json'), 'utf8');
    expect(settingsFile).not.toContain(m.privateKeyHex);
    expect(JSON.parse(settingsFile)).toMatchObject({ aggregator: { platform: 'cmb' }, cmb: { merId: m.merId, termId: m.termId } });
    expect(c.services.settings.get().cmb.baseUrl).toBe(bank.url + CMB_API_PREFIX.slice(0, -1));
    // Saved again with the secrets left empty: the stored ones are kept.
    expect(await c.call('savePlatform', bankForm({ appSecret: '', privateKey: '', publicKey: '' }))).toMatchObject({ ok: true });
    expect(await c.call('testPlatform', bankForm({ appSecret: '', privateKey: '', publicKey: '' }))).toMatchObject({ ok: true });
  });

  it('refuses to switch platform while a payment is unfinished, and saves nothing', async () => {
    const c = await counter();
    await c.call('engineerUnlock', { pin: '6666' });
    const view = await c.call('startQrPayment', { amount: '12.30', requestId: 'switch-1' });
    const res = await c.call('savePlatform', bankForm());
    expect(res).toMatchObject({ ok: false, message: { code: 'bank.switchRefused', params: { count: 1, orders: view.clientSn } } });
    expect(c.services.settings.get().aggregator.platform).toBe('upay');
    expect(c.services.settings.get().cmb.merId).toBe('');
  });

  it('a settings import that switches the platform meets the same rule: refused while a payment is unfinished, taken once it is finished', async () => {
    const c = await counter();
    await c.call('engineerUnlock', { pin: '6666' });
    const onBank = structuredClone(c.services.settings.get());
    onBank.aggregator.platform = 'cmb';
    onBank.cmb = { ...onBank.cmb, merId: m.merId, userId: m.userId, appId: m.appId, termId: m.termId };
    const json = exportSettings(onBank, Date.now());
    const view = await c.call('startQrPayment', { amount: '12.30', requestId: 'import-switch-1' });
    const refused = await c.call('importSettings', { json });
    expect(refused).toMatchObject({ ok: false, message: { code: 'bank.switchRefused', params: { count: 1, orders: view.clientSn } } });
    expect(c.services.settings.get().aggregator.platform).toBe('upay');
    expect(c.services.settings.get().cmb.merId).toBe('');
    expect(JSON.parse(await readFile(join(c.dir, 'settings.json'), 'utf8'))).toMatchObject({ aggregator: { platform: 'upay' } });

    // The cashier cancels; nothing is unfinished any more: the same file is taken.
    await c.call('cancelPayment', { clientSn: view.clientSn });
    await pollUntil(async () => (await c.call('getSnapshot', {})).checkout.phase, (p) => p === 'result');
    expect(await c.call('importSettings', { json })).toMatchObject({ ok: true });
    expect(c.services.settings.get().aggregator.platform).toBe('cmb');
    expect(c.services.settings.get().cmb.merId).toBe(m.merId);
  });
});

describe('head office form (real PostgreSQL)', () => {
  let db: TestDb;
  beforeAll(async () => { db = await freshDatabase(); });
  afterAll(async () => { await db?.drop(); });

  it('tests the store role (ok, wrong password, unreachable, TLS, other store), saves and the sync reaches synced', async () => {
    const s = await db.store('F');
    const other = await db.store('G');
    const u = new URL(s.url);
    const password = decodeURIComponent(u.password);
    u.password = '';
    const url = u.toString();
    const c = await counter();
    await c.call('engineerUnlock', { pin: '6666' });
    const form = { enabled: true, url, password, storeId: s.storeId, storeName: '测试店' };
    const ok = await c.call('testHq', form);
    expect(ok).toMatchObject({ ok: true, message: { code: 'hq.testOk', params: { storeId: s.storeId } } });
    expect(await c.call('testHq', { ...form, password: 'wrong-password-1' })).toMatchObject({ ok: false, message: { code: 'hq.testLoginRefused' } });
    const closed = new URL(url);
    closed.port = '9';
    expect(await c.call('testHq', { ...form, url: closed.toString() })).toMatchObject({ ok: false, message: { code: 'hq.testUnreachable' } });
    // sslmode=require: where the server offers no TLS (the throwaway test cluster) it is named as a TLS failure, not "login refused".
    const tls = await c.call('testHq', { ...form, url: `${url}?sslmode=require` });
    const serverTls = JSON.stringify(ok.message).includes('hq.tlsOn');
    expect(tls).toMatchObject(serverTls ? { ok: true } : { ok: false, message: { code: 'hq.testTls' } });
    expect(await c.call('testHq', { ...form, storeId: other.storeId })).toMatchObject({ ok: false, message: { code: 'hq.testOtherStore', params: { actual: s.storeId } } });

    const saved = await c.call('saveHq', form);
    expect(saved).toMatchObject({ ok: true, message: { code: 'hq.savedOn', params: { storeId: s.storeId } } });
    expect(JSON.stringify(saved)).not.toContain(password);
    expect(await readFile(join(c.dir, 'settings.json'), 'utf8')).not.toContain(password);
    await pollUntil(async () => (await c.call('getSyncStatus', {})).state, (st) => st === 'synced', 15_000);
    const view = await c.call('hqView', {});
    expect(view).toMatchObject({ enabled: true, passwordSet: true, storeId: s.storeId, url, status: { state: 'synced' } });
    expect(view.terminalId).not.toBe('');

    expect(await c.call('saveHq', { ...form, enabled: false, password: '' })).toMatchObject({ ok: true, message: { code: 'hq.savedOff' } });
    expect(await c.call('getSyncStatus', {})).toMatchObject({ enabled: false, state: 'off' });
  });
});
