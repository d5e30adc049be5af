/**
 * Reconciliation of one business day as the manager runs it: the aggregator's statement where it
 * offers one (else every order of the day is re-queried), compared with the journal, plus the
 * expected settlement (and, where the statement is a bank's 清分 bill, the bank's own payout per
 * account and 清算日期). A same-day void shows on the statement as 撤单 while the journal keeps it
 * as a refund of the whole payment; such rows are read as that refund, so a void reconciles.
 */
import type { Aggregator, StatementSettlementLine } from '../aggregator/types';
import type { OrderView } from '../journal/order-view';
import { reconcile, reconcileByQuery, type ReconcileResult } from '../reports/reconcile';
import { expectedSettlement, type Settlement, type SettlementConfig } from '../reports/settlement';
import { parseStatement, type Statement } from '../reports/statement';
import type { DiffKind } from '../reports/reconcile-types';
import type { ReconcileView } from '../../preload/contract';
import { msg, type MessageCode, type Msg } from '../../preload/messages';
import { reconcileNextStep } from '../../preload/messages-manager';

export interface DayReconciliation extends ReconcileResult {
  source: 'statement' | 'query';
  statementProblem?: Msg;
  settlement: Settlement;
  /** What the acquirer's own statement says it pays out, per account and 清算日期 (a bank's 清分 bill). */
  bankSettlement?: StatementSettlementLine[];
}

/** 撤单 rows of orders the counter voided become refunds (same money, the counter's wording). */
export function voidsAsRefunds(st: Statement, orders: readonly OrderView[]): Statement {
  const voided = new Set<string>();
  const voidedSn = new Set<string>();
  for (const o of orders) {
    if (o.refunds.some((r) => r.kind === 'void' && r.status === 'refunded')) {
      voided.add(o.clientSn);
      if (o.sn) voidedSn.add(o.sn);
    }
  }
  if (!voided.size) return st;
  return {
    errors: st.errors,
    rows: st.rows.map((r) => (r.kind === 'reversal' && (voided.has(r.clientSn) || voidedSn.has(r.sn)) ? { ...r, kind: 'refund' as const } : r)),
  };
}

export async function reconcileDay(
  aggregator: Pick<Aggregator, 'statement' | 'query' | 'settlementTerms'>, allOrders: readonly OrderView[], day: string, cfg: SettlementConfig,
  opts: { businessDay?: (ts: number) => string } = {},
): Promise<DayReconciliation> {
  // Cash never reaches the aggregator: it has no statement line, no fee and no settlement.
  const orders = allOrders.filter((o) => o.method !== 'cash');
  // A platform that fixes its own fees and T+N (the bank) overrides the shop's manager.json.
  const settlement = expectedSettlement(orders, day, aggregator.settlementTerms ?? cfg, opts);
  const st = await aggregator.statement(day);
  if (st && st.ok) {
    const result = reconcile(orders, voidsAsRefunds(parseStatement(st.csv), orders), day, opts);
    return { ...result, source: 'statement', settlement, ...(st.settlement ? { bankSettlement: st.settlement } : {}) };
  }
  const ofDay = orders.filter((o) => o.day === day && (o.status === 'paid' || o.status === 'needs_attention' || o.refunds.length > 0));
  const result = await reconcileByQuery(ofDay, (clientSn) => aggregator.query({ clientSn }), { day });
  const out: DayReconciliation = { ...result, day, source: 'query', settlement };
  if (st && !st.ok) out.statementProblem = st.message;
  return out;
}

/** What to do about each kind of difference (one table, shared with the head-office page). */
const NEXT_MSG: Record<DiffKind, MessageCode | null> = reconcileNextStep;

/** The screen's view: details and next steps as message codes (the CSV keeps the Chinese words). */
export function reconcileView(r: DayReconciliation): ReconcileView {
  const { statementProblem, items, ...rest } = r;
  return {
    ...rest,
    ...(statementProblem ? { statementProblem: msg('rec.statementUnusable', { problemMsg: statementProblem }) } : {}),
    items: items.map(({ detail: _detail, note, nextStep: _next, ...it }) => {
      const next = NEXT_MSG[it.kind];
      return { ...it, ...(note ? { detail: note } : {}), ...(next ? { nextStep: { code: next } as ReturnType<typeof msg> } : {}) };
    }),
  };
}
