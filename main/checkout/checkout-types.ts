/** The checkout's ports and records: what the state machine needs and what it tells the rest. */
import type { Aggregator, Wallet } from '../aggregator/types';
import type { CheckoutView } from '../../preload/contract';
import type { JournalRecordBody, PaymentMethod } from '../journal/records';
import type { PollPolicy } from './poll-policy';
import type { Clock, Timers } from './time';
import type { QrMode, WalletQrCodes } from './qr-start';
import type { WithdrawnQr } from './late-watch';

export interface CheckoutConfig {
  qrExpiryMs: number; scanWindowMs: number; maxAmountFen: number; operator: string; subject: string;
  /** One QR any wallet pays (default), or one precreate QR per wallet the cashier picks (qr-start.ts). */
  qrMode?: QrMode;
  /** Multiplies the platform's poll intervals (tests shorten 招商银行's 15 s first wait; 1 = as documented). */
  pollTimeScale?: number;
}

export interface JournalPort { append(body: JournalRecordBody): Promise<unknown> }

export interface SaleRef { saleId: string; saleTotalFen: number }

export interface FinalEvent { clientSn: string; outcome: 'PAID' | 'FAILED' | 'CANCELED' | 'EXPIRED'; amountFen: number; wallet?: Wallet; sn?: string; method: PaymentMethod; recovered: boolean; codeMasked?: string; saleId?: string; receivedFen?: number; changeFen?: number }

export interface CheckoutDeps {
  aggregator: Aggregator;
  journal: JournalPort;
  clock: Clock;
  timers: Timers;
  newClientSn: () => string;
  config: () => CheckoutConfig;
  onView: (view: CheckoutView) => void;
  onFinal?: (e: FinalEvent) => void;
  closeOutRetryMs?: number;
  /** Polling policies per method (defaults: QR_POLICY, SCAN_POLICY); the bench swaps in a fixed loop. */
  policies?: { qr: PollPolicy; scan: PollPolicy };
  /** Per-wallet QR mode: the platform's payway / sub_payway of a wallet. */
  walletQrCodes?: WalletQrCodes;
  /** A QR attempt ended CANCELED or EXPIRED: it may still be paid late (late-watch.ts). */
  onQrWithdrawn?: (w: WithdrawnQr) => void;
}
