/**
 * Parsing of Upay v2 responses into a small envelope. Anything we cannot read with certainty
 * becomes `unknown`: the platform may have acted, so the caller must query, never guess.
 */
import type { AggOutcome } from '../types';
import { HttpTransportError } from './http';

export type UnknownReason = Extract<AggOutcome, { kind: 'unknown' }>['reason'];

/** A biz_response whose every leaf has been checked to be a string. */
export type BizTree = Record<string, unknown>;

export type Envelope =
  | { kind: 'ok'; biz: BizTree }
  | { kind: 'rejected'; errorCode: string; message: string }
  | { kind: 'unknown'; reason: UnknownReason; message: string; httpStatus?: number };

function unknown(reason: UnknownReason, message: string, httpStatus?: number): Envelope {
  return httpStatus === undefined ? { kind: 'unknown', reason, message } : { kind: 'unknown', reason, message, httpStatus };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Path of the first leaf that is not a string (Upay sends every value as a string), or null. */
export function findNonString(value: unknown, path: string): string | null {
  if (typeof value === 'string') return null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const bad = findNonString(value[i], `${path}[${i}]`);
      if (bad !== null) return bad;
    }
    return null;
  }
  if (isObject(value)) {
    for (const [k, v] of Object.entries(value)) {
      const bad = findNonString(v, `${path}.${k}`);
      if (bad !== null) return bad;
    }
    return null;
  }
  return path;
}

function snippet(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 120 ? `${flat.slice(0, 120)}…` : flat;
}

function optString(obj: Record<string, unknown>, key: string): string | undefined {
  const v = obj[key];
  return typeof v === 'string' ? v : undefined;
}

/** Interpret one HTTP answer. */
export function parseResponse(status: number, body: string): Envelope {
  const okStatus = status === 200;
  // A 4xx carrying a well-formed result_code "400" envelope is still a definite refusal;
  // any other non-200 (proxy pages, 5xx) leaves the outcome unknown.
  if (!okStatus && (status < 400 || status >= 500)) {
    return unknown('http_status', `平台返回 HTTP ${status}，结果未知，请查询订单 (HTTP ${status}: ${snippet(body)})`, status);
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (err) {
    if (!okStatus) return unknown('http_status', `平台返回 HTTP ${status}，结果未知 (HTTP ${status}: ${snippet(body)})`, status);
    const detail = err instanceof Error ? err.message : String(err);
    return unknown('malformed', `平台应答无法解析，结果未知，请查询订单 (invalid JSON: ${detail}; body: ${snippet(body)})`);
  }
  if (!isObject(json) || typeof json.result_code !== 'string') {
    if (!okStatus) return unknown('http_status', `平台返回 HTTP ${status}，结果未知 (HTTP ${status})`, status);
    return unknown('malformed', `平台应答格式不正确，结果未知 (missing string result_code: ${snippet(body)})`);
  }
  const code = json.result_code;
  if (!okStatus && code !== '400') {
    return unknown('http_status', `平台返回 HTTP ${status}，结果未知 (HTTP ${status}, result_code ${code})`, status);
  }
  if (code === '400') {
    const errorCode = optString(json, 'error_code');
    if (errorCode === undefined) {
      return unknown('malformed', `平台拒绝应答缺少错误码，结果未知 (result_code 400 without string error_code)`);
    }
    return { kind: 'rejected', errorCode, message: optString(json, 'error_message') ?? errorCode };
  }
  if (code === '500') {
    const ec = optString(json, 'error_code') ?? 'UNKNOWN_SYSTEM_ERROR';
    const em = optString(json, 'error_message') ?? '';
    return unknown('server_error', `平台系统错误，结果未知，请查询订单 (result_code 500 ${ec} ${em})`.trim());
  }
  if (code !== '200') {
    return unknown('malformed', `平台应答码未知，结果未知 (unexpected result_code "${code}")`);
  }
  const biz = json.biz_response;
  if (!isObject(biz)) {
    return unknown('malformed', `平台应答缺少业务结果，结果未知 (missing biz_response object)`);
  }
  const bad = findNonString(biz, 'biz_response');
  if (bad !== null) {
    return unknown('malformed', `平台应答字段类型不正确，结果未知 (non-string value at ${bad})`);
  }
  return { kind: 'ok', biz };
}

/** Map a transport failure (rejected HttpPost promise) to an unknown envelope. */
export function transportFailure(err: unknown): Envelope {
  if (err instanceof HttpTransportError) {
    switch (err.kind) {
      case 'timeout':
        return unknown('timeout', `请求超时，结果未知，请查询订单 (timeout: ${err.message})`);
      case 'refused':
        return unknown('network', `无法连接支付平台（连接被拒绝，请求未送达）(connection refused: ${err.message})`);
      case 'reset':
        return unknown('network', `连接中断，结果未知，请查询订单 (connection reset: ${err.message})`);
      default:
        return unknown('network', `网络错误，结果未知 (network: ${err.message})`);
    }
  }
  const detail = err instanceof Error ? err.message : String(err);
  return unknown('network', `网络错误，结果未知 (transport error: ${detail})`);
}
