/** /upay/v2/statement (sandbox extension): a day's statement CSV, with control-API edits applied. */
import type { Ctx } from './orders';
import { type Fields, type Reply, biz, invalidParams, str } from './protocol';
import type { SandboxWallet, Terminal } from './state';
import { WALLET_LABEL } from './wallets';
import { dateTime, localDay } from '../../shared/dates';

export const STATEMENT_HEADER = '交易时间,商户订单号,收钱吧订单号,支付方式,交易类型,金额(元),手续费(元),状态';
/** Sandbox fee rate: 0.38 %, rounded to the fen; refunds return the fee pro rata. */
const FEE_RATE_BP = 38;

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local calendar day YYYY-MM-DD of a ms timestamp (the counter's business day). */
export { localDay };

const localTime = (ms: number): string => dateTime(ms);

export const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${pad(Math.abs(fen) % 100)}`;
const fee = (fen: number): number => Math.round((fen * FEE_RATE_BP) / 10000);
const cell = (v: string): string => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

interface Row { at: number; clientSn: string; sn: string; wallet?: SandboxWallet; type: string; fen: number; feeFen: number }

export function statementCsv(ctx: Ctx, terminalSn: string | undefined, day: string): string {
  const rows: Row[] = [];
  const omit = new Set(ctx.store.statementEdits.omit);
  const on = (ms: number | undefined): ms is number => ms !== undefined && localDay(ms) === day;
  for (const o of ctx.store.orders.values()) {
    if ((terminalSn && o.terminalSn !== terminalSn) || omit.has(o.clientSn) || o.chargeCount === 0) continue;
    const base = { clientSn: o.clientSn, sn: o.sn, wallet: o.wallet };
    const totalFee = fee(o.totalFen);
    if (on(o.paidAt)) rows.push({ ...base, at: o.paidAt, type: '收款', fen: o.totalFen, feeFen: totalFee });
    for (const r of o.refunds) {
      if (on(r.at)) rows.push({ ...base, at: r.at, type: '退款', fen: r.amountFen, feeFen: Math.round((totalFee * r.amountFen) / o.totalFen) });
    }
    const rev = o.reversal;
    if (rev && on(rev.at)) rows.push({ ...base, at: rev.at, type: '撤单', fen: rev.amountFen, feeFen: Math.round((totalFee * rev.amountFen) / o.totalFen) });
  }
  for (const x of ctx.store.statementEdits.extras) {
    if (on(x.at)) rows.push({ at: x.at, clientSn: '', sn: x.sn, wallet: x.wallet, type: '收款', fen: x.amountFen, feeFen: fee(x.amountFen) });
  }
  rows.sort((a, b) => a.at - b.at || a.sn.localeCompare(b.sn));
  const lines = rows.map((r) => [
    localTime(r.at), r.clientSn, r.sn, r.wallet ? WALLET_LABEL[r.wallet] : '', r.type, yuan(r.fen), yuan(r.feeFen), '成功',
  ].map(cell).join(','));
  return [STATEMENT_HEADER, ...lines].join('\n') + '\n';
}

export function statement(ctx: Ctx, body: Fields, t: Terminal): Reply {
  const date = str(body, 'date');
  if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return invalidParams('date 格式为 YYYY-MM-DD');
  return biz('SUCCESS', { terminal_sn: t.sn, date, csv: statementCsv(ctx, t.sn, date) });
}
