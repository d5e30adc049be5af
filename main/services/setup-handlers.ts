/**
 * Handlers of the engineer's "payment platform" and "head office" forms (preload/contract-setup.ts).
 * Both need the engineer session opened with the PIN, like every engineer form. Secrets go to
 * secrets.json (encrypted like the terminal keys) and never come back: the view says set / not set.
 * A platform switch applies at the next start, and is refused while payments or refunds are
 * unfinished (recovery would query them on the other platform, which does not know them).
 * Saving head office restarts the sync worker at once.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UAT_BASE_URL } from '../aggregator/cmb/config';
import type { ProbeResult } from '../aggregator/cmb/probe';
import { nodeHttpPost, type HttpPost } from '../aggregator/upay/http';
import type { SecretsHandle } from '../settings/secrets';
import type { SettingsHandle } from '../settings/settings-store';
import { parseHqForm } from '../sync/hq-form';
import { probeHq, type HqProbeResult } from '../sync/hq-probe';
import { msg, type Msg } from '../../preload/messages';
import type { HqView, PlatformView, ProbeResultView, SyncStatusView } from '../../preload/contract';
import type { setupActions } from '../../preload/contract-setup';
import { type Handlers } from './dispatch';
import { ourPublicKey, parsePlatformForm, type Platform } from './platform-form';
import { platformSwitchRefusal, type OrdersPort } from './platform-switch';

export interface SetupHandlerDeps {
  dataDir: string;
  settings: SettingsHandle;
  secrets: SecretsHandle;
  /** The platform this running app talks to. */
  runningPlatform: Platform;
  /** The engineer session check (the engineer feature's own: PIN, idle timeout); throws ServiceError when locked. */
  requireEngineer: () => unknown;
  orders: OrdersPort;
  sync: { restart(): Promise<void>; status(): SyncStatusView };
  clock: () => number;
  http?: HttpPost;
  log?: (m: string) => void;
}

export type SetupHandlers = Pick<Handlers, keyof typeof setupActions>;

function bankMsg(r: ProbeResult): Msg {
  switch (r.kind) {
    case 'ok': return msg('bank.testOk', { ms: r.ms, answer: r.answer });
    case 'unreachable': return msg('bank.testUnreachable', { detail: r.detail });
    case 'http': return msg('bank.testHttp', { status: r.status });
    case 'malformed': return msg('bank.testMalformed', { detail: r.detail });
    case 'bankSignature': return msg('bank.testBankSignature');
    case 'signatureRejected': return msg('bank.testSignatureRejected', { errCode: r.code, text: r.text });
    case 'merchantUnknown': return msg('bank.testMerchantUnknown', { errCode: r.code });
    case 'cashierUnknown': return msg('bank.testCashierUnknown', { errCode: r.code });
    case 'refused': return msg('bank.testRefused', { errCode: r.code, text: r.text });
  }
}

function hqMsg(r: HqProbeResult, storeId: string): Msg {
  switch (r.kind) {
    case 'ok': return msg('hq.testOk', { ms: r.ms, storeId: r.storeId, tlsMsg: r.tls ? msg('hq.tlsOn') : msg('hq.tlsOff') });
    case 'unreachable': return msg('hq.testUnreachable', { detail: r.detail });
    case 'loginRefused': return msg('hq.testLoginRefused', { user: r.user });
    case 'tls': return msg('hq.testTls', { detail: r.detail });
    case 'noDatabase': return msg('hq.testNoDatabase', { database: r.database });
    case 'notHq': return msg('hq.testNotHq');
    case 'notAStore': return msg('hq.testNotAStore', { user: r.user });
    case 'otherStore': return msg('hq.testOtherStore', { storeId, actual: r.actual });
    case 'failed': return msg('hq.testFailed', { detail: r.detail });
    case 'badUrl': return r.message;
  }
}

export function setupHandlers(d: SetupHandlerDeps): SetupHandlers {
  const log = d.log ?? (() => undefined);
  const requireEngineer = async () => { await d.requireEngineer(); };
  const stored = () => {
    const s = d.secrets.cmbSecrets();
    return { ...(s?.appSecret ? { appSecret: s.appSecret } : {}), ...(s?.privateKeyHex ? { privateKeyHex: s.privateKeyHex } : {}) };
  };
  // SM2 (sm-crypto) is loaded when a bank form is handled, never at the start of a 收钱吧 counter.
  const smKeys = () => import('../aggregator/cmb/gm');
  // The bank's settings the running app started with: a change needs a restart while it runs on the bank.
  const bankAtStart = JSON.stringify([d.settings.get().cmb, d.secrets.cmbSecrets()]);

  async function platformView(): Promise<PlatformView> {
    const s = d.settings.get();
    const sec = stored();
    const ours = sec.privateKeyHex ? ourPublicKey(sec.privateKeyHex, await smKeys()) : '';
    const changed = JSON.stringify([s.cmb, d.secrets.cmbSecrets()]) !== bankAtStart;
    return {
      platform: s.aggregator.platform, runningPlatform: d.runningPlatform, cmb: { ...s.cmb },
      appSecretSet: !!sec.appSecret, privateKeySet: !!sec.privateKeyHex, ourPublicKey: ours,
      restartNeeded: s.aggregator.platform !== d.runningPlatform || (d.runningPlatform === 'cmb' && changed),
    };
  }

  function terminalId(): string {
    const file = join(d.dataDir, 'device-id');
    return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'yima-unknown-device';
  }

  function hqView(): HqView {
    const h = d.settings.get().hq;
    return { enabled: h.enabled, url: h.url, passwordSet: d.secrets.hqPassword() !== null, storeId: h.storeId, storeName: h.storeName, terminalId: terminalId(), status: d.sync.status() };
  }

  return {
    platformView: async () => { await requireEngineer(); return platformView(); },

    savePlatform: async (form) => {
      await requireEngineer();
      const parsed = parsePlatformForm(form, stored(), await smKeys());
      if (!parsed.ok) return { ok: false, message: msg('setup.fixFields'), errors: parsed.errors };
      const v = parsed.value;
      const refusal = platformSwitchRefusal(d.orders, d.clock(), d.runningPlatform, v.platform);
      if (refusal) return { ok: false, message: refusal, errors: { platform: refusal } };
      // Secrets first: settings that point at the bank never exist without their keys.
      if (v.appSecret || v.privateKeyHex) {
        const cur = stored();
        d.secrets.setCmbSecrets({ appSecret: v.appSecret ?? cur.appSecret ?? '', privateKeyHex: v.privateKeyHex ?? cur.privateKeyHex ?? '' });
      }
      const saved = d.settings.update((cur) => ({ ...cur, aggregator: { ...cur.aggregator, platform: v.platform }, cmb: v.cmb }));
      if (!saved.ok) return { ok: false, message: saved.message, errors: {} };
      const view = await platformView();
      log(`engineer: payment platform saved (${v.platform}${view.restartNeeded ? ', restart needed' : ''})`);
      const message = !view.restartNeeded ? msg('bank.saved') : v.platform === 'cmb' ? msg('bank.savedRestartCmb') : msg('bank.savedRestartUpay');
      return { ok: true, message, view };
    },

    testPlatform: async (form): Promise<ProbeResultView> => {
      await requireEngineer();
      // The test is of the bank, whatever the platform chosen now: its fields are required.
      const parsed = parsePlatformForm({ ...form, platform: 'cmb' }, stored(), await smKeys());
      if (!parsed.ok) return { ok: false, message: msg('setup.testIncomplete'), errors: parsed.errors };
      const v = parsed.value;
      const keys = { ...stored(), ...(v.appSecret ? { appSecret: v.appSecret } : {}), ...(v.privateKeyHex ? { privateKeyHex: v.privateKeyHex } : {}) };
      const { probeCmb } = await import('../aggregator/cmb/probe');
      const r = await probeCmb({
        baseUrl: v.cmb.baseUrl || UAT_BASE_URL, merId: v.cmb.merId, userId: v.cmb.userId, appId: v.cmb.appId,
        appSecret: keys.appSecret ?? '', privateKeyHex: keys.privateKeyHex ?? '', cmbPublicKey: v.cmb.bankPublic,
      }, { http: d.http ?? nodeHttpPost, clock: d.clock });
      log(`engineer: bank connection test ${r.kind}`);
      return { ok: r.kind === 'ok', message: bankMsg(r), ...(r.kind === 'ok' ? { ms: r.ms } : {}) };
    },

    hqView: async () => { await requireEngineer(); return hqView(); },

    saveHq: async (form) => {
      await requireEngineer();
      const parsed = parseHqForm(form, d.secrets.hqPassword() !== null);
      if (!parsed.ok) return { ok: false, message: msg('setup.fixFields'), errors: parsed.errors };
      const v = parsed.value;
      if (v.password) d.secrets.setHqPassword(v.password);
      const saved = d.settings.update((cur) => ({ ...cur, hq: { enabled: v.enabled, url: v.url, storeId: v.storeId, storeName: v.storeName } }));
      if (!saved.ok) return { ok: false, message: saved.message, errors: {} };
      await d.sync.restart();
      log(`engineer: head office saved (sync ${v.enabled ? `on, store ${v.storeId}` : 'off'})`);
      return { ok: true, message: v.enabled ? msg('hq.savedOn', { storeId: v.storeId }) : msg('hq.savedOff'), view: hqView() };
    },

    testHq: async (form): Promise<ProbeResultView> => {
      await requireEngineer();
      const parsed = parseHqForm({ ...form, enabled: true }, d.secrets.hqPassword() !== null);
      if (!parsed.ok) return { ok: false, message: msg('setup.testIncomplete'), errors: parsed.errors };
      const v = parsed.value;
      const r = await probeHq(v.url, v.password ?? d.secrets.hqPassword(), v.storeId, { clock: d.clock });
      log(`engineer: head office connection test ${r.kind}`);
      return { ok: r.kind === 'ok', message: hqMsg(r, v.storeId), ...(r.kind === 'ok' ? { ms: r.ms } : {}) };
    },
  };
}
