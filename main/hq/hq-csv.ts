/** Head office's CSV exports: UTF-8 with BOM, same quoting and formula guard as the counter's (reports/csv.ts). */
import { fenToYuanString as yuan } from '../shared/money';
import { toCsv, type Cell } from '../reports/csv';
import { DIFF_NAME, type ReconcileItem } from '../reports/reconcile-types';
import { WALLET_NAME } from '../reports/types';
import type { StoreLedger } from './ledger';
import type { Takings, TakingsRow } from './queries';

const walletName = (w: string): string => WALLET_NAME[w as keyof typeof WALLET_NAME] ?? w;
const cells = (r: Omit<TakingsRow, 'key'>): Cell[] => [r.count, yuan(r.paidFen), r.refundCount, yuan(r.refundFen), yuan(r.netFen)];

export function takingsCsv(t: Takings): string {
  const rows: Cell[][] = [['营业日', t.day], [], ['分类', '项目', '名称', '笔数', '收款(元)', '退款笔数', '退款(元)', '净额(元)'], ['合计', '', '', ...cells(t.total)]];
  for (const s of t.byStore) rows.push(['门店', s.key, s.name, ...cells(s)]);
  for (const w of t.byWallet) rows.push(['支付方式', w.key, walletName(w.key), ...cells(w)]);
  for (const h of t.byHour) rows.push(['时段', `${h.key.padStart(2, '0')}:00`, '', ...cells(h)]);
  return toCsv(rows);
}

export function ledgerCsv(l: StoreLedger): string {
  const s = l.settlement;
  const rows: Cell[][] = [['门店', l.storeId, l.name], ['结算账户', l.settleAccount], ['营业日', s.day, '预计到账日', s.arrivalDay], [],
    ['支付方式', '费率(‱)', '笔数', '交易额(元)', '退款(元)', '手续费(元)', '结算净额(元)', '预计到账日']];
  for (const [w, x] of Object.entries(s.byWallet)) rows.push([walletName(w), x.feeBp, x.count, yuan(x.grossFen), yuan(x.refundFen), yuan(x.feeFen), yuan(x.netFen), s.arrivalDay]);
  rows.push(['合计', '', s.total.count, yuan(s.total.grossFen), yuan(s.total.refundFen), yuan(s.total.feeFen), yuan(s.total.netFen), s.arrivalDay]);
  return toCsv(rows);
}

export function chainReconcileCsv(day: string, items: (ReconcileItem & { storeId: string })[]): string {
  const rows: Cell[][] = [['营业日', day], [], ['门店', '结果', '商户订单号', '收钱吧订单号', '支付方式', '收款机金额(元)', '平台金额(元)', '差额(元)', '说明', '下一步', '对账单行号']];
  for (const it of items) {
    rows.push([it.storeId, DIFF_NAME[it.kind], it.clientSn, it.sn, it.wallet ? walletName(it.wallet) : '', yuan(it.counterNetFen), yuan(it.aggregatorNetFen), yuan(it.diffFen), it.detail, it.nextStep, it.line]);
  }
  return toCsv(rows);
}
