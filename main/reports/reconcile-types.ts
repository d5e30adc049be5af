/** Reconciliation result shapes and the Chinese next steps shown to the manager. */
import type { Wallet } from '../aggregator/types';
import type { OrderStatus } from '../journal/order-view';
import type { Msg } from '../../preload/messages';

export type DiffKind =
  | 'matched'
  /** 短款 / 商户资损单边账: the counter says money moved, the aggregator has nothing. */
  | 'only_counter'
  /** 长款 / 用户资损单边账: the aggregator has money the counter does not know of. */
  | 'only_aggregator'
  | 'amount_differs'
  /** Both know the order but disagree on its state (e.g. counter paid, aggregator 撤单). */
  | 'status_differs'
  /** The aggregator shows it on this day, the counter on another day (near midnight). */
  | 'other_day'
  | 'unparsable'
  /** Query-based reconciliation could not get an answer. */
  | 'query_failed';

export const DIFF_KINDS: readonly DiffKind[] = [
  'matched', 'only_counter', 'only_aggregator', 'amount_differs', 'status_differs', 'other_day', 'unparsable', 'query_failed',
];

export const DIFF_NAME: Record<DiffKind, string> = {
  matched: '一致', only_counter: '短款（收款机有，平台无）', only_aggregator: '长款（平台有，收款机无）',
  amount_differs: '金额不符', status_differs: '状态不符', other_day: '跨日', unparsable: '无法解析', query_failed: '查询失败',
};

export const NEXT_STEP: Record<DiffKind, string> = {
  matched: '',
  only_counter: '在订单中“再次查询”该笔订单，以查询结果为准；平台确无此笔收款时向顾客补收或登记损失',
  only_aggregator: '凭收钱吧订单号在平台查询该笔交易，核对后补记或退款',
  amount_differs: '在订单中“再次查询”该笔订单，核对实收金额后补记差额或退款',
  status_differs: '在订单中“再次查询”该笔订单，以平台状态为准更新；已撤单的按未收款处理',
  other_day: '跨日交易：在相邻营业日的对账中核对，无需处理',
  unparsable: '对账单该行无法解析，请人工核对原文',
  query_failed: '查询未得到结果，请稍后重新对账或在订单中“再次查询”',
};

export interface ReconcileItem {
  kind: DiffKind;
  clientSn?: string;
  sn?: string;
  wallet?: Wallet;
  operator?: string;
  counterStatus?: OrderStatus;
  /** What the aggregator shows, e.g. "收款" / "收款+撤单" / "PAID". */
  aggregatorStatus?: string;
  /** Net money for this order on the day: paid − refunded (− reversed). */
  counterNetFen: number;
  aggregatorNetFen: number;
  /** aggregator − counter: positive is 长款 (more money than the counter knows of). */
  diffFen: number;
  /** Chinese (CSV, head office); `note` is the same as a message code for the screen (absent when matched without remark). */
  detail: string;
  note?: Msg;
  nextStep: string;
  /** Statement line(s) and raw text (unparsable rows). */
  line?: number;
  raw?: string;
}

export interface SideTotals {
  paidFen: number;
  refundFen: number;
  netFen: number;
}

export interface ReconcileResult {
  day: string;
  items: ReconcileItem[];
  counts: Record<DiffKind, number>;
  /** Items that need a person (everything but matched and other_day). */
  differences: number;
  counter: SideTotals;
  aggregator: SideTotals & { feeFen: number };
}

export function summarize(day: string, items: ReconcileItem[], counter: SideTotals, aggregator: SideTotals & { feeFen: number }): ReconcileResult {
  const counts = Object.fromEntries(DIFF_KINDS.map((k) => [k, 0])) as Record<DiffKind, number>;
  for (const it of items) counts[it.kind]++;
  const differences = items.length - counts.matched - counts.other_day;
  return { day, items, counts, differences, counter, aggregator };
}
