/** Dashboard text in zh-CN and en; the store holds the locale. */
import { useHq } from './store';

const zh = {
  title: 'Yima 总部', login: '登录', username: '用户名', password: '密码', logout: '退出', language: 'English',
  day: '营业日', refresh: '刷新', takings: '今日收款', total: '合计', store: '门店', counter: '收银台', wallet: '支付方式', hour: '时段',
  count: '笔数', paid: '收款', refunds: '退款', net: '净额', fees: '手续费', feeBp: '费率(‱)',
  exportCsv: '导出 CSV', ledger: '分户帐', settleAccount: '结算账户', arrival: '预计到账日', settleNet: '结算净额',
  health: '同步状态', behind: '落后', silent: '无响应', never: '从未同步', ok: '正常', records: '条', seconds: '秒前',
  reconcile: '全链对账', statementFiles: '对账单文件（每店一个，文件名含门店编号）', differences: '差异', matched: '一致', none: '无',
  fileStoreUnknown: '无法从文件名判断门店（文件名中需含门店编号）',
  order: '订单', detail: '说明', nextStep: '下一步', diff: '差额', back: '返回', noData: '暂无数据', chooseStore: '点击门店查看分户帐',
} as const;

export type Key = keyof typeof zh;

const en: Record<Key, string> = {
  title: 'Yima head office', login: 'Sign in', username: 'User', password: 'Password', logout: 'Sign out', language: '中文',
  day: 'Business day', refresh: 'Refresh', takings: "Today's takings", total: 'Total', store: 'Store', counter: 'Counter', wallet: 'Wallet', hour: 'Hour',
  count: 'Count', paid: 'Paid', refunds: 'Refunds', net: 'Net', fees: 'Fees', feeBp: 'Rate (‱)',
  exportCsv: 'Export CSV', ledger: 'Store ledger', settleAccount: 'Settlement account', arrival: 'Expected on', settleNet: 'Settlement',
  health: 'Sync status', behind: 'behind', silent: 'silent', never: 'never synced', ok: 'ok', records: 'records', seconds: 's ago',
  reconcile: 'Chain reconciliation', statementFiles: "Statement files (one per store, the store id in the file name)", differences: 'Differences', matched: 'Matched', none: 'none',
  fileStoreUnknown: 'no store id found in the file name (the name must contain the store id)',
  order: 'Order', detail: 'Detail', nextStep: 'Next step', diff: 'Difference', back: 'Back', noData: 'No data yet', chooseStore: 'Click a store for its ledger',
};

export const dictionaries = { 'zh-CN': zh, en } as const;

export function useT(): (k: Key) => string {
  const locale = useHq((s) => s.locale);
  return (k) => dictionaries[locale][k];
}

const WALLETS: Record<'zh-CN' | 'en', Record<string, string>> = {
  'zh-CN': { wechat: '微信支付', alipay: '支付宝', unionpay: '云闪付', ecny: '数字人民币', bestpay: '翼支付', cash: '现金', other: '其他' },
  en: { wechat: 'WeChat Pay', alipay: 'Alipay', unionpay: 'UnionPay', ecny: 'e-CNY', bestpay: 'Bestpay', cash: 'Cash', other: 'Other' },
};

/** A wallet's name for the finance team (the API keys are codes: wechat, alipay…). */
export function useWalletName(): (w: string) => string {
  const locale = useHq((s) => s.locale);
  return (w) => WALLETS[locale][w] ?? w;
}

export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const a = Math.abs(fen);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}
