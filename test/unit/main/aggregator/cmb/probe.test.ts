/**
 * The engineer's bank connection test against the polypay sandbox (real HTTP, real SM2): the
 * sandbox's faults stand for what a real link does — a reply signed with the wrong key, an HTTP
 * 500, a proxy's HTML error page, a broken body — and each is named, never reported as "connected".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { probeCmb, type ProbeConfig } from '../../../../../main/aggregator/cmb/probe';
import { startCmbSandbox, type CmbSandbox } from '../../../../../main/aggregator/cmb/sandbox';
import { CMB_API_PREFIX } from '../../../../../main/aggregator/cmb/sandbox/server';
import { SANDBOX_BANK_KEYS, SANDBOX_MERCHANT } from '../../../../../main/aggregator/cmb/sandbox/test-keys';
import { nodeHttpPost } from '../../../../../main/aggregator/upay/http';
import { cmbSandboxControl } from '../../../../support/cmb-sandbox-control';
import { tempDir } from '../../checkout/service-rig';

let bank: CmbSandbox;
let ctl: ReturnType<typeof cmbSandboxControl>;
beforeAll(async () => { bank = await startCmbSandbox({ port: 0, dataDir: await tempDir('yima-probe-') }); ctl = cmbSandboxControl(bank.url); });
afterAll(async () => { await bank?.close(); });

const m = SANDBOX_MERCHANT;
const config = (): ProbeConfig => ({
  baseUrl: bank.url + CMB_API_PREFIX.slice(0, -1), merId: m.merId, userId: m.userId, appId: m.appId, appSecret: m.appSecret,
  privateKeyHex: m.privateKeyHex, cmbPublicKey: SANDBOX_BANK_KEYS.publicKeyBase64,
});
const probe = () => probeCmb(config(), { http: nodeHttpPost, clock: Date.now, timeoutMs: 5_000 });

describe('bank connection test', () => {
  it('a verified "order not found" is a working connection, with its round trip', async () => {
    const r = await probe();
    expect(r).toMatchObject({ kind: 'ok', answer: 'ORDERID_NOT_EXIST' });
    // The probe is an ordinary signed orderquery the sandbox accepted (it checks signature and apisign).
    expect((await ctl.requests()).at(-1)).toMatchObject({ api: 'orderquery' });
  });

  it('a reply signed with another key is "bank signature does not verify", not connected', async () => {
    await ctl.fault('query', 'bad_signature', { times: 1 });
    expect(await probe()).toEqual({ kind: 'bankSignature' });
  });

  it('HTTP 500, a proxy HTML error page and a body that is not the bank reply are named as such', async () => {
    await ctl.fault('query', 'http500', { times: 1 });
    expect(await probe()).toEqual({ kind: 'http', status: 500 });
    await ctl.fault('query', 'html', { times: 1 });
    expect(await probe()).toEqual({ kind: 'http', status: 502 });
    await ctl.fault('query', 'malformed', { times: 1 });
    expect(await probe()).toMatchObject({ kind: 'malformed' });
    expect(await probe()).toMatchObject({ kind: 'ok' }); // faults used up: connected again
  });
});
