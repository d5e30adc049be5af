/** What the composition root takes (start flags, side effects, test knobs) and what it gives back. */
import type { HttpPost } from '../aggregator/upay';
import type { CheckoutService, FinalEvent } from '../checkout/checkout-service';
import type { PollPolicy } from '../checkout/poll-policy';
import type { OsPrinting } from '../devices/printer';
import type { Journal } from '../journal';
import type { SecretCipher } from '../settings/secrets';
import type { ConfFactory, SettingsHandle } from '../settings/settings-store';
import type { BackoffPolicy } from '../shared/retry';
import type { Clock, Timers } from '../shared/time';
import type { RecoveryReport } from '../../preload/contract';
import type { AggregatorSetup } from './aggregator-setup';
import type { ContractCheck } from './contract-check';
import type { Devices } from './device-setup';
import type { Dispatch } from './dispatch';
import type { EventBus } from './event-bus';
import type { Msg } from '../../preload/messages';

export interface ServicesOptions {
  dataDir: string;
  confFactory: ConfFactory;
  cipher: SecretCipher;
  aggregatorUrl?: string;
  /** `--gateway URL` (unified QR's WAP gateway). */
  gatewayUrl?: string;
  clock?: Clock;
  timers?: Timers;
  http?: HttpPost;
  log?: (msg: string, err?: unknown) => void;
  /** Called for every final payment (receipt queue, voice, customer display). */
  onFinal?: (e: FinalEvent) => void;
  /** Polling policies override (benchmarks compare the adaptive policy with a fixed loop). */
  policies?: { qr: PollPolicy; scan: PollPolicy };
  /** Start-flag overrides for devices (`--scanner`, `--printer`). */
  devices?: { scanner?: { path: string; baudRate: number }; printer?: string };
  /** The OS printer, where the platform offers one (Electron). */
  osPrinting?: OsPrinting;
  /** Results and events checked against the contract (default: strict unless NODE_ENV=production). */
  contractCheck?: ContractCheck;
  /** Start flags `--hq postgres://… --store ID`: head-office sync (main/sync/). */
  hq?: { url: string; storeId?: string; storeName?: string };
  /** Late-payment watch backoff (tests shorten it; the watch time is the setting lateWatchSeconds). */
  lateWatchBackoff?: BackoffPolicy;
}

export interface Services {
  dispatch: Dispatch;
  bus: EventBus;
  settings: SettingsHandle;
  journal: Journal;
  checkout: CheckoutService;
  aggregator: AggregatorSetup;
  devices: Devices;
  /** Resolves when crash recovery is done (new payments are refused until then). */
  recovered: Promise<RecoveryReport>;
  warnings: Msg[];
  stop(): Promise<void>;
}
