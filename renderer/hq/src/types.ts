/** Shapes the head-office API returns (preload/hq-shapes.ts). */
export type { Takings, TakingsRow, CounterHealth, StoreLedgerView as StoreLedger, ReconcileItemView as ReconcileItem } from '../../../preload/hq-shapes';
