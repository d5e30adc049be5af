/**
 * What the head-office dashboard's HTTP API (main/hq/server.ts) returns: types only, shared by
 * main/hq and the dashboard page (renderer/hq), which imports nothing from main/.
 */
import type { Msg } from './messages';

export interface TakingsRow { key: string; count: number; paidFen: number; refundCount: number; refundFen: number; netFen: number }

export interface Takings {
  day: string;
  total: Omit<TakingsRow, 'key'>;
  byStore: (TakingsRow & { name: string })[];
  byWallet: TakingsRow[];
  byHour: TakingsRow[];
}

export interface CounterHealth {
  storeId: string;
  storeName: string;
  terminalId: string;
  terminalName: string;
  headSeq: number;
  syncedSeq: number;
  behind: number;
  /** Seconds since the counter last reported (null: never). */
  silentSeconds: number | null;
  state: 'ok' | 'behind' | 'silent' | 'never';
}

export interface LedgerLine { count: number; grossFen: number; refundFen: number; feeFen: number; netFen: number }

export interface StoreLedgerView {
  storeId: string;
  name: string;
  settleAccount: string;
  settlement: { day: string; arrivalDay: string; byWallet: Partial<Record<string, LedgerLine & { feeBp: number }>>; total: LedgerLine };
}

export interface ReconcileItemView {
  kind: string;
  clientSn?: string;
  sn?: string;
  wallet?: string;
  counterNetFen: number;
  aggregatorNetFen: number;
  diffFen: number;
  /** Chinese words (the CSV's); the page words `note` and the kind's next step in its own language. */
  detail: string;
  nextStep: string;
  /** The detail as a message code, where the counter's fold gave one. */
  note?: Msg;
  line?: number;
}
