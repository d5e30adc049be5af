/**
 * Envelope → AggOutcome. A business answer that should carry order data but does not (or
 * carries data we cannot read) is treated as unknown: the caller then queries instead of
 * trusting half an answer.
 */
import type { AggOutcome } from '../types';
import { mapOrder } from './map-order';
import type { Envelope } from './wire';

export interface Expectation {
  /** Business codes that must come with `data` (e.g. PAY_SUCCESS). */
  dataRequiredFor?: readonly string[];
  /** precreate: PRECREATE_SUCCESS must carry data.qr_code. */
  qrRequiredFor?: readonly string[];
}

function malformed(detail: string): AggOutcome {
  return { kind: 'unknown', reason: 'malformed', message: `平台应答内容不完整，结果未知，请查询订单 (${detail})` };
}

export function toAggOutcome(env: Envelope, expect: Expectation = {}): AggOutcome {
  if (env.kind === 'rejected') return { kind: 'rejected', errorCode: env.errorCode, message: env.message };
  if (env.kind === 'unknown') return { kind: 'unknown', reason: env.reason, message: env.message };
  const biz = env.biz;
  const bizCode = biz.result_code;
  if (typeof bizCode !== 'string' || bizCode === '') return malformed('biz_response.result_code missing');
  const out: Extract<AggOutcome, { kind: 'ok' }> = { kind: 'ok', bizCode };
  if (typeof biz.error_code === 'string' && biz.error_code !== '') out.errorCode = biz.error_code;
  if (typeof biz.error_message === 'string' && biz.error_message !== '') out.message = biz.error_message;

  const data = biz.data;
  if (data !== undefined) {
    if (typeof data !== 'object' || data === null || Array.isArray(data)) return malformed('biz_response.data is not an object');
    const mapped = mapOrder(data as Record<string, unknown>);
    if (!mapped.ok) return malformed(mapped.problem);
    out.data = mapped.order;
  } else if (expect.dataRequiredFor?.includes(bizCode)) {
    return malformed(`${bizCode} without biz_response.data`);
  }
  if (expect.qrRequiredFor?.includes(bizCode) && !out.data?.qrCode) {
    return malformed(`${bizCode} without data.qr_code`);
  }
  return out;
}
