/**
 * One signed POST to polypay, answer verified with the bank's public key. Never throws.
 * [ref /work/shared/reference/cmb-polypay.md §1.1–1.4]: POST JSON to `<base>/<api>`, headers
 * `appid`/`timestamp` (10-digit epoch s)/`apisign`; check returnCode first, then respCode.
 * A reply whose signature does not verify tells us nothing: unknown (the caller queries).
 */
import type { AggOutcome } from '../types';
import type { HttpPost } from '../upay/http';
import { transportFailure } from '../upay/wire';
import type { LogFn } from '../upay/client';
import { apiSign } from './gm';
import { buildRequestFields, parseBiz, parseTop, verifyFields } from './wire';

type UnknownReason = Extract<AggOutcome, { kind: 'unknown' }>['reason'];

export type CmbAnswer =
  | { kind: 'answer'; returnCode: string; respCode?: string; errCode?: string; respMsg?: string; biz: Record<string, string> }
  | { kind: 'unknown'; reason: UnknownReason; message: string };

export interface CmbClientOptions {
  /** e.g. https://api.cmbchina.com/polypay/v1.0/mchorders [ref §1.1] */
  baseUrl: string;
  appId: string;
  appSecret: string;
  privateKeyHex: string;
  cmbPublicKey: string;
  http: HttpPost;
  timeoutMs: number;
  clock: () => number;
  log: LogFn;
}

export interface CmbClient { post(api: string, biz: Record<string, string>, encryptKey?: string): Promise<CmbAnswer> }

function unknown(reason: UnknownReason, message: string): CmbAnswer { return { kind: 'unknown', reason, message }; }

export function createCmbClient(o: CmbClientOptions): CmbClient {
  const base = o.baseUrl.replace(/\/+$/, '');
  return {
    async post(api, biz, encryptKey) {
      const started = o.clock();
      const fields = buildRequestFields(biz, o.privateKeyHex, encryptKey);
      const body = JSON.stringify(fields);
      const ts = String(Math.floor(o.clock() / 1000));
      const headers = { 'content-type': 'application/json;charset=UTF-8', appid: o.appId, timestamp: ts, apisign: apiSign(o.appId, o.appSecret, fields.sign ?? '', ts) };
      let answer: CmbAnswer;
      try {
        const res = await o.http(`${base}/${api}`, body, headers, o.timeoutMs);
        answer = readAnswer(res.status, res.body, o.cmbPublicKey);
      } catch (err) {
        const env = transportFailure(err);
        answer = env.kind === 'unknown' ? unknown(env.reason, env.message) : unknown('network', '网络错误，结果未知');
      }
      const logFields: Record<string, unknown> = { api, orderId: biz.orderId ?? biz.origOrderId, ms: o.clock() - started };
      if (answer.kind === 'answer') o.log('info', 'cmb call', { ...logFields, returnCode: answer.returnCode, respCode: answer.respCode, errCode: answer.errCode });
      else o.log('warn', 'cmb call outcome unknown', { ...logFields, reason: answer.reason, message: answer.message });
      return answer;
    },
  };
}

export function readAnswer(status: number, text: string, cmbPublicKey: string): CmbAnswer {
  if (status !== 200) return unknown(status >= 500 ? 'server_error' : 'http_status', `银行返回 HTTP ${status}，结果未知，请查询订单`);
  const top = parseTop(text);
  if (!top.ok) return unknown('malformed', `银行应答无法解析，结果未知，请查询订单 (${top.problem})`);
  const f = top.fields;
  // [ref §1.5] CMB signs every reply, FAIL ones too: an unsigned or badly signed one is unknown.
  if (!verifyFields(f, cmbPublicKey)) return unknown('malformed', '银行应答验签失败，结果未知，请查询订单 (response signature does not verify)');
  const returnCode = f.returnCode;
  if (returnCode !== 'SUCCESS' && returnCode !== 'FAIL') return unknown('malformed', `银行应答缺少 returnCode，结果未知 (${String(returnCode)})`);
  // [ref §1.2 ❗] one 附录2 sample spells errCode as errorCode.
  const errCode = f.errCode ?? f.errorCode;
  const out: Extract<CmbAnswer, { kind: 'answer' }> = { kind: 'answer', returnCode, biz: {} };
  if (errCode !== undefined && errCode !== '') out.errCode = errCode;
  if (f.respMsg !== undefined && f.respMsg !== '') out.respMsg = f.respMsg;
  if (returnCode === 'FAIL') return out; // no biz_content [ref §1.2]
  const respCode = f.respCode;
  if (respCode !== 'SUCCESS' && respCode !== 'FAIL') return unknown('malformed', `银行应答缺少 respCode，结果未知 (${String(respCode)})`);
  out.respCode = respCode;
  const biz = parseBiz(f.biz_content);
  if (respCode === 'SUCCESS' && biz === null) return unknown('malformed', '银行应答缺少 biz_content，结果未知');
  out.biz = biz ?? {};
  return out;
}
