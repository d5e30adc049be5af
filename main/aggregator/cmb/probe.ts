/**
 * The engineer's "test connection" for 招商银行 polypay: one signed `orderquery` of an order id
 * that cannot exist, sent with exactly the headers and signature a payment would carry, and the
 * answer classified so the engineer knows what to fix. A verified "order not found" proves the
 * endpoint, the APP ID/secret, our private key (the bank accepted our signature) and the bank's
 * public key (we verified the bank's). Sources: /work/shared/reference/cmb-polypay.md §1.2–1.5
 * (envelope, apisign header, SM2 both ways), §5 (error codes).
 */
import type { HttpPost } from '../upay/http';
import { classifyFetchError } from '../upay/http';
import type { CmbConfig } from './config';
import { apiSign } from './gm';
import { buildRequestFields, parseBiz, parseTop, verifyFields } from './wire';

/** What a probe needs: the connection part of the driver's config. */
export type ProbeConfig = Pick<CmbConfig, 'baseUrl' | 'merId' | 'userId' | 'appId' | 'appSecret' | 'privateKeyHex' | 'cmbPublicKey'>;

export type ProbeResult =
  | { kind: 'ok'; ms: number; answer: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'http'; status: number }
  | { kind: 'malformed'; detail: string }
  /** The bank's answer does not verify with the configured bank public key. */
  | { kind: 'bankSignature' }
  /** [ref §5] SIGN_ERROR: the bank rejected our signature (private key, APP ID or secret). */
  | { kind: 'signatureRejected'; code: string; text: string }
  /** [ref §5] MERID_NOT_EXIST. */
  | { kind: 'merchantUnknown'; code: string }
  /** [ref §5] USERID_NOT_EXIST / USERID_NOT_LAWFUL: the 收银员 id is not the bank's. */
  | { kind: 'cashierUnknown'; code: string }
  | { kind: 'refused'; code: string; text: string };

/** Answers to a query of an unknown order that prove the request was accepted [ref §3, §5]. */
const FINE = new Set(['ORDERID_NOT_EXIST', 'CMBORDERID_NOT_EXIST', 'UNPAIED_ORDER', 'ORDERID_INVALID']);
const SIGNATURE = new Set(['SIGN_ERROR']);
const MERCHANT = new Set(['MERID_NOT_EXIST', 'MERID_NOT_LAWFUL']);
const CASHIER = new Set(['USERID_NOT_EXIST', 'USERID_NOT_LAWFUL']);

export async function probeCmb(c: ProbeConfig, deps: { http: HttpPost; clock: () => number; timeoutMs?: number }): Promise<ProbeResult> {
  const started = deps.clock();
  const biz = { merId: c.merId, userId: c.userId, orderId: `yimaprobe${started}` };
  const fields = buildRequestFields(biz, c.privateKeyHex);
  const ts = String(Math.floor(started / 1000));
  const headers = { 'content-type': 'application/json;charset=UTF-8', appid: c.appId, timestamp: ts, apisign: apiSign(c.appId, c.appSecret, fields.sign ?? '', ts) };
  let res: { status: number; body: string };
  try {
    res = await deps.http(`${c.baseUrl.replace(/\/+$/, '')}/orderquery`, JSON.stringify(fields), headers, deps.timeoutMs ?? 10_000);
  } catch (err) {
    const e = classifyFetchError(err);
    return { kind: 'unreachable', detail: `${e.kind}: ${e.message}` };
  }
  const ms = deps.clock() - started;
  if (res.status !== 200) return { kind: 'http', status: res.status };
  const top = parseTop(res.body);
  if (!top.ok) return { kind: 'malformed', detail: top.problem };
  // [ref §1.5] the bank signs every reply, FAIL ones too: check it before believing any code.
  if (!verifyFields(top.fields, c.cmbPublicKey)) return { kind: 'bankSignature' };
  const f = top.fields;
  const code = f.errCode ?? f.errorCode ?? '';
  const text = f.respMsg ?? '';
  if (f.returnCode === 'SUCCESS' && f.respCode === 'SUCCESS') {
    const state = parseBiz(f.biz_content)?.tradeState ?? '';
    return { kind: 'ok', ms, answer: `tradeState ${state}` };
  }
  if (f.returnCode !== 'SUCCESS' && f.returnCode !== 'FAIL') return { kind: 'malformed', detail: `returnCode ${String(f.returnCode)}` };
  if (FINE.has(code)) return { kind: 'ok', ms, answer: code };
  if (SIGNATURE.has(code)) return { kind: 'signatureRejected', code, text };
  if (MERCHANT.has(code)) return { kind: 'merchantUnknown', code };
  if (CASHIER.has(code)) return { kind: 'cashierUnknown', code };
  return { kind: 'refused', code: code || f.returnCode, text };
}
