/**
 * The 收钱吧 Upay Web API v2 driver: implements Aggregator over the injectable transport.
 * Every method resolves; nothing here throws to the caller.
 */
import type { ActivateOutcome, AggOutcome, Aggregator, CredentialStore, UnifiedQrOutcome } from '../types';
import { createUpayClient, type LogFn } from './client';
import { nodeHttpPost, type HttpPost } from './http';
import { toAggOutcome, type Expectation } from './outcome';
import { buildPay, buildPrecreate, buildRef, buildRefund, buildStatement, type Built } from './requests';
import { activateTerminal, checkinTerminal, type TerminalDeps } from './terminal';
import type { Envelope } from './wire';
import { buildUnifiedQrUrl, DEFAULT_GATEWAY_URL, DEFAULT_RETURN_URL } from './wap-gateway';
import { UPAY_POLL_POLICY } from './poll-policy';
import { platformSaid, unknownMsg } from '../platform-msg';
import { msg } from '../../../preload/messages';

export interface UpayDriverOptions {
  baseUrl: string;
  vendor: { sn: string; key: string; appId: string };
  credentials: CredentialStore;
  deviceId: string;
  http?: HttpPost;
  /** Per request, default 15000. */
  timeoutMs?: number;
  log?: LogFn;
  /** Sent as os_info on activate/checkin; defaults to the Node platform. */
  osInfo?: string;
  /** Sent as sdk_version on activate/checkin. */
  sdkVersion?: string;
  /** WAP gateway the unified QR points at (default: production, wap2.md). */
  gatewayUrl?: string;
  /** return_url of the unified QR (required by wap2.md, ≤ 128). */
  returnUrl?: string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;

function thrown(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

export function createUpayDriver(opts: UpayDriverOptions): Aggregator {
  const log: LogFn = opts.log ?? (() => undefined);
  const client = createUpayClient({ baseUrl: opts.baseUrl, http: opts.http ?? nodeHttpPost, timeoutMs: opts.timeoutMs ?? DEFAULT_TIMEOUT_MS, log });
  const deps: TerminalDeps = {
    client,
    credentials: opts.credentials,
    vendor: opts.vendor,
    deviceId: opts.deviceId,
    osInfo: opts.osInfo ?? `${process.platform} ${process.arch} node ${process.versions.node}`,
    sdkVersion: opts.sdkVersion ?? 'yima-upay-1',
  };

  // Concurrent ILLEGAL_SIGN answers must not trigger several check-ins: each one would
  // invalidate the key the previous one just stored.
  let checkinInFlight: Promise<ActivateOutcome> | null = null;
  function checkinOnce(): Promise<ActivateOutcome> {
    checkinInFlight ??= checkinTerminal(deps)
      .catch((err): ActivateOutcome => ({ ok: false, definite: false, errorCode: 'INTERNAL', message: `签到异常：${thrown(err)}` }))
      .finally(() => { checkinInFlight = null; });
    return checkinInFlight;
  }

  async function signedCall(path: string, build: (terminalSn: string) => Built): Promise<Envelope> {
    const creds = opts.credentials.get();
    if (creds === null) return { kind: 'rejected', errorCode: 'INVALID_TERMINAL', message: '终端未激活' };
    const built = build(creds.terminalSn);
    if (!built.ok) return { kind: 'rejected', errorCode: 'INVALID_PARAMS', message: built.message };
    const first = await client.post(path, built.body, creds.terminalSn, creds.terminalKey);
    if (first.kind !== 'rejected' || first.errorCode !== 'ILLEGAL_SIGN') return first;

    // A 400 means nothing was done, so re-sending the very same body with a fresh key is safe.
    // Skip the check-in when another call already rotated the key meanwhile.
    if (opts.credentials.get()?.terminalKey === creds.terminalKey) {
      log('info', 'upay ILLEGAL_SIGN: checking in and retrying once', { path });
      const c = await checkinOnce();
      if (!c.ok) return { kind: 'rejected', errorCode: 'ILLEGAL_SIGN', message: `${first.message}（自动签到失败：${c.message}）` };
    }
    const fresh = opts.credentials.get();
    if (fresh === null) return first;
    return client.post(path, built.body, fresh.terminalSn, fresh.terminalKey);
  }

  async function call(path: string, build: (terminalSn: string) => Built, expect?: Expectation): Promise<AggOutcome> {
    try {
      return toAggOutcome(await signedCall(path, build), expect);
    } catch (err) {
      // Only a bug or a failing credential store gets here; the request may have been sent.
      log('error', 'upay driver internal error', { path, error: thrown(err) });
      return { kind: 'unknown', reason: 'network', message: `内部错误，结果未知，请查询订单 (internal: ${thrown(err)})` };
    }
  }

  const gatewayUrl = opts.gatewayUrl ?? DEFAULT_GATEWAY_URL;
  const returnUrl = opts.returnUrl ?? DEFAULT_RETURN_URL;

  return {
    pollPolicy: UPAY_POLL_POLICY,
    async unifiedQr(req): Promise<UnifiedQrOutcome> {
      // Built locally (wap2.md): no network call; the order exists once a wallet opens the URL,
      // so nothing can be in doubt here — a failure is definite.
      try {
        const creds = opts.credentials.get();
        if (creds === null) return { kind: 'rejected', errorCode: 'INVALID_TERMINAL', message: '终端未激活' };
        const built = buildUnifiedQrUrl({ gatewayUrl, returnUrl, terminalSn: creds.terminalSn, terminalKey: creds.terminalKey }, req);
        if (!built.ok) return { kind: 'rejected', errorCode: 'INVALID_PARAMS', message: built.message };
        return { kind: 'ok', qrCode: built.url };
      } catch (err) {
        // The screen says "internal error, see the log" (platform-msg.ts INTERNAL): the detail goes here.
        log('error', 'upay unified QR could not be built', { error: thrown(err) });
        return { kind: 'rejected', errorCode: 'INTERNAL', message: `二维码生成失败：${thrown(err)}` };
      }
    },
    async activate(req) {
      try {
        return await activateTerminal(deps, req);
      } catch (err) {
        return { ok: false, definite: false, errorCode: 'INTERNAL', message: `激活异常：${thrown(err)}` };
      }
    },
    checkin: () => checkinOnce(),
    precreate: (req) => call('/upay/v2/precreate', (sn) => buildPrecreate(sn, req), { dataRequiredFor: ['PRECREATE_SUCCESS'], qrRequiredFor: ['PRECREATE_SUCCESS'] }),
    pay: (req) => call('/upay/v2/pay', (sn) => buildPay(sn, req), { dataRequiredFor: ['PAY_SUCCESS'] }),
    query: (ref) => call('/upay/v2/query', (sn) => buildRef(sn, ref), { dataRequiredFor: ['SUCCESS'] }),
    cancel: (ref) => call('/upay/v2/cancel', (sn) => buildRef(sn, ref)),
    refund: (req) => call('/upay/v2/refund', (sn) => buildRefund(sn, req)),
    revoke: (ref) => call('/upay/v2/revoke', (sn) => buildRef(sn, ref)),
    async statement(day) {
      try {
        const env = await signedCall('/upay/v2/statement', (sn) => buildStatement(sn, day));
        if (env.kind === 'unknown' && env.httpStatus === 404) return null; // platform has no statement
        if (env.kind === 'unknown') return { ok: false, message: msg('stmt.fetchFailed', { reasonMsg: unknownMsg(env.reason) }) };
        if (env.kind !== 'ok') return { ok: false, message: msg('stmt.fetchFailed', { reasonMsg: platformSaid(env.errorCode, env.message, msg('platform.noAnswer')) }) };
        const data = env.biz.data as Record<string, unknown> | undefined;
        const csv = data !== undefined && typeof data === 'object' ? data.csv : undefined;
        if (typeof csv === 'string') return { ok: true, csv };
        const said = typeof env.biz.error_message === 'string' ? env.biz.error_message : undefined;
        return { ok: false, message: msg('stmt.fetchFailed', { reasonMsg: said ? msg('platform.said', { text: said }) : msg('stmt.noCsv') }) };
      } catch (err) {
        return { ok: false, message: msg('stmt.fetchError', { detail: thrown(err) }) };
      }
    },
  };
}
