/**
 * CSV export for spreadsheets: UTF-8 with BOM (so Excel reads Chinese), CRLF, RFC 4180 quoting,
 * and a guard against formula injection — a cell starting with = + - @ (or tab / CR) gets a
 * leading single quote, except plain numbers such as "-12.30", which cannot be formulas.
 * Amounts are yuan strings ("12.30") from money.ts.
 */
import { fenToYuanString as yuan } from '../shared/money';
import type { OrderView } from '../journal/order-view';
import { DIFF_NAME, type ReconcileResult } from './reconcile-types';
import type { Settlement } from './settlement';
import { STATUS_NAME, WALLET_NAME, type BucketTotals, type Totals } from './types';

export type Cell = string | number | null | undefined;

const NUMBER = /^-?\d+(\.\d+)?$/;

export function csvCell(value: Cell): string {
  let v = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(v) && !NUMBER.test(v)) v = `'${v}`;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function toCsv(rows: readonly (readonly Cell[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(csvCell).join(',') + '\r\n').join('');
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Local "YYYY-MM-DD HH:mm:ss". */
export function localDateTime(ts: number): string {
  const d = new Date(ts);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}

export interface CsvOptions {
  formatTime?: (ts: number) => string;
}

export function ordersCsv(orders: readonly OrderView[], opts: CsvOptions = {}): string {
  const t = opts.formatTime ?? localDateTime;
  const rows: Cell[][] = [['创建时间', '完成时间', '商户订单号', '收钱吧订单号', '支付方式', '金额(元)', '已退款(元)', '状态', '收银员', '商品', '说明']];
  for (const o of orders) {
    rows.push([
      t(o.createdAt), o.finishedAt === undefined ? '' : t(o.finishedAt), o.clientSn, o.sn, o.wallet ? WALLET_NAME[o.wallet] : '',
      yuan(o.amountFen), yuan(o.refundedFen), STATUS_NAME[o.status], o.operator, o.subject, o.message,
    ]);
  }
  return toCsv(rows);
}

const bucketCells = (b: BucketTotals): Cell[] => [b.count, yuan(b.paidFen), b.refundCount, yuan(b.refundFen), yuan(b.netFen)];

/** One section per dimension: total, by wallet, by cashier, by hour. */
export function totalsCsv(totals: Totals, opts: CsvOptions = {}): string {
  const t = opts.formatTime ?? localDateTime;
  const p = totals.period;
  const period = p.kind === 'day' ? p.day : `${t(p.fromTs)} 至 ${t(p.toTs)}`;
  const head = ['笔数', '收款(元)', '退款笔数', '退款(元)', '净额(元)'];
  const rows: Cell[][] = [['统计区间', period], [], ['分类', '项目', ...head], ['合计', '', ...bucketCells(totals)]];
  for (const [w, b] of Object.entries(totals.byWallet)) rows.push(['支付方式', WALLET_NAME[w as keyof typeof WALLET_NAME] ?? w, ...bucketCells(b)]);
  for (const [op, b] of Object.entries(totals.byOperator)) rows.push(['收银员', op, ...bucketCells(b)]);
  for (const h of totals.byHour) {
    if (h.count || h.refundFen) rows.push(['时段', `${pad(h.hour)}:00`, h.count, yuan(h.paidFen), '', yuan(h.refundFen), yuan(h.paidFen - h.refundFen)]);
  }
  return toCsv(rows);
}

export function reconciliationCsv(result: ReconcileResult): string {
  const rows: Cell[][] = [[
    '结果', '商户订单号', '收钱吧订单号', '支付方式', '收银员', '收款机状态', '平台状态', '收款机金额(元)', '平台金额(元)', '差额(元)', '说明', '下一步', '对账单行号', '原文',
  ]];
  for (const it of result.items) {
    rows.push([
      DIFF_NAME[it.kind], it.clientSn, it.sn, it.wallet ? WALLET_NAME[it.wallet] : '', it.operator,
      it.counterStatus ? STATUS_NAME[it.counterStatus] : '', it.aggregatorStatus, yuan(it.counterNetFen), yuan(it.aggregatorNetFen),
      yuan(it.diffFen), it.detail, it.nextStep, it.line, it.raw,
    ]);
  }
  return toCsv(rows);
}

export function settlementCsv(s: Settlement): string {
  const rows: Cell[][] = [['营业日', s.day, '预计到账日', s.arrivalDay], [], ['支付方式', '费率(‱)', '笔数', '交易额(元)', '退款(元)', '手续费(元)', '结算净额(元)']];
  for (const [w, l] of Object.entries(s.byWallet)) {
    rows.push([WALLET_NAME[w as keyof typeof WALLET_NAME] ?? w, l.feeBp, l.count, yuan(l.grossFen), yuan(l.refundFen), yuan(l.feeFen), yuan(l.netFen)]);
  }
  rows.push(['合计', '', s.total.count, yuan(s.total.grossFen), yuan(s.total.refundFen), yuan(s.total.feeFen), yuan(s.total.netFen)]);
  return toCsv(rows);
}
