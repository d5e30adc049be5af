/**
 * Maps Upay's `biz_response.data` (all strings) to OrderData. Amounts and times are parsed
 * strictly: a value we cannot read makes the whole answer unusable rather than half-trusted.
 */
import { parseFenString } from '../../shared/money';
import type { OrderData, Wallet } from '../types';
import { WALLET_BY_PAYWAY } from './payway';

export function walletOf(payway: string | undefined): Wallet {
  return (payway !== undefined ? WALLET_BY_PAYWAY[payway] : undefined) ?? 'other';
}

export type MapResult = { ok: true; order: OrderData } | { ok: false; problem: string };

function str(data: Record<string, unknown>, key: string): string | undefined {
  const v = data[key];
  return typeof v === 'string' ? v : undefined;
}

/** `data` has already been checked to contain only strings (see wire.findNonString). */
export function mapOrder(data: Record<string, unknown>): MapResult {
  const sn = str(data, 'sn');
  const clientSn = str(data, 'client_sn');
  const orderStatus = str(data, 'order_status');
  for (const [name, v] of [['sn', sn], ['client_sn', clientSn], ['order_status', orderStatus]] as const) {
    if (v === undefined || v === '') return { ok: false, problem: `data.${name} missing` };
  }
  const totalFen = parseFenString(data.total_amount);
  if (totalFen === null) return { ok: false, problem: `data.total_amount not a fen string: ${JSON.stringify(data.total_amount)}` };

  const order: OrderData = {
    sn: sn as string,
    clientSn: clientSn as string,
    orderStatus: orderStatus as string,
    wallet: walletOf(str(data, 'payway')),
    totalFen,
    raw: data,
  };
  if (data.net_amount !== undefined) {
    const net = parseFenString(data.net_amount);
    if (net === null) return { ok: false, problem: `data.net_amount not a fen string: ${JSON.stringify(data.net_amount)}` };
    order.netFen = net;
  }
  if (data.finish_time !== undefined && data.finish_time !== '') {
    const ms = parseFenString(data.finish_time); // same rule: non-negative integer string
    if (ms === null) return { ok: false, problem: `data.finish_time not ms epoch: ${JSON.stringify(data.finish_time)}` };
    order.finishTime = ms;
  }
  const optional: Array<[keyof OrderData, string]> = [
    ['tradeNo', 'trade_no'], ['status', 'status'], ['payway', 'payway'], ['qrCode', 'qr_code'], ['payerLogin', 'payer_login'],
  ];
  for (const [field, key] of optional) {
    const v = str(data, key);
    if (v !== undefined && v !== '') (order as unknown as Record<string, unknown>)[field] = v;
  }
  return { ok: true, order };
}
