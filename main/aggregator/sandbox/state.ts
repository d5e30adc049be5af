/** Sandbox state (terminals, orders, scripted codes, statement edits) and its persistence. */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export type SandboxWallet = 'wechat' | 'alipay' | 'unionpay';

export const BEHAVIOURS = [
  'success', 'password', 'password_never', 'insufficient_fund', 'expired_barcode',
  'lost_response', 'cancel_error', 'invalid_barcode',
] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export interface Terminal {
  sn: string;
  key: string;
  /** The key the last check-in replaced; valid for every call until the next check-in. */
  prevKey?: string;
  deviceId: string;
  name?: string;
  activatedAt: number;
}

export interface RefundRecord { requestNo: string; amountFen: number; at: number; operator: string }

export interface Order {
  sn: string;
  clientSn: string;
  terminalSn: string;
  kind: 'qr' | 'barcode';
  totalFen: number;
  subject: string;
  operator: string;
  reflect?: string;
  requestedPayway?: string;
  /** sub_payway answered: '1' barcode, '2' QR, '3' WAP (gateway orders). */
  subPayway?: string;
  /** Created by GET /gateway (the unified QR): no qr_code in answers, return_url for the page. */
  gateway?: { returnUrl: string };
  wallet?: SandboxWallet;
  dynamicId?: string;
  orderStatus: string;
  status: string;
  errorCode?: string;
  errorMessage?: string;
  ctime: number;
  finishTime?: number;
  paidAt?: number;
  tradeNo?: string;
  payerLogin?: string;
  qrToken?: string;
  expiresAt?: number;
  behaviour?: Behaviour;
  /** Password orders: the customer confirms (order becomes PAID) at this time. */
  pendingUntil?: number;
  cancelErrorsLeft: number;
  /** How many times the customer's money was taken for this order. */
  chargeCount: number;
  netFen: number;
  refunds: RefundRecord[];
  /** Money returned by /cancel or /revoke of a paid order. */
  reversal?: { kind: 'cancel' | 'revoke'; at: number; amountFen: number };
  endReason?: 'timeout' | 'customer' | 'cancel' | 'revoke' | 'failed';
}

export interface ExtraRow { sn: string; amountFen: number; wallet: SandboxWallet; at: number; tradeNo: string }
export interface StatementEdits { omit: string[]; extras: ExtraRow[] }
export interface ConfigOverrides { qrExpirySeconds?: number; passwordSeconds?: number }

interface Persisted {
  version: 1;
  seq: number;
  terminals: Terminal[];
  orders: Order[];
  paycodes: Record<string, Behaviour>;
  statementEdits: StatementEdits;
  config: ConfigOverrides;
}

export const STATE_FILE = 'sandbox-state.json';

export class Store {
  terminals = new Map<string, Terminal>();
  orders = new Map<string, Order>();
  private byClientSn = new Map<string, Order>();
  paycodes: Record<string, Behaviour> = {};
  statementEdits: StatementEdits = { omit: [], extras: [] };
  config: ConfigOverrides = {};
  private seq = 0;
  private readonly file?: string;

  constructor(dataDir?: string) {
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      this.file = join(dataDir, STATE_FILE);
      this.load();
    }
  }

  private load(): void {
    if (!this.file) return;
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch {
      return; // first start
    }
    const p = JSON.parse(text) as Persisted;
    this.seq = p.seq;
    for (const t of p.terminals) this.terminals.set(t.sn, t);
    for (const o of p.orders) this.addOrder(o);
    this.paycodes = p.paycodes ?? {};
    this.statementEdits = p.statementEdits ?? { omit: [], extras: [] };
    this.config = p.config ?? {};
  }

  /** Atomic write: tmp file, fsync, rename. A no-op without a data dir. */
  save(): void {
    if (!this.file) return;
    const p: Persisted = {
      version: 1, seq: this.seq, terminals: [...this.terminals.values()], orders: [...this.orders.values()],
      paycodes: this.paycodes, statementEdits: this.statementEdits, config: this.config,
    };
    const tmp = `${this.file}.${process.pid}.tmp`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, JSON.stringify(p));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.file);
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  addOrder(o: Order): void {
    this.orders.set(o.sn, o);
    this.byClientSn.set(o.clientSn, o);
  }

  /** sn wins when both are given (Upay rule). */
  findOrder(sn?: string, clientSn?: string): Order | undefined {
    if (sn) {
      const bySn = this.orders.get(sn);
      if (bySn) return bySn;
    }
    return clientSn ? this.byClientSn.get(clientSn) : undefined;
  }

  findByToken(token: string): Order | undefined {
    for (const o of this.orders.values()) if (o.qrToken === token) return o;
    return undefined;
  }

  findTerminalByDevice(deviceId: string): Terminal | undefined {
    for (const t of this.terminals.values()) if (t.deviceId === deviceId) return t;
    return undefined;
  }

  /** Clears orders, scripted codes, statement edits and config; terminals survive unless asked. */
  reset(clearTerminals: boolean): void {
    this.orders.clear();
    this.byClientSn.clear();
    this.paycodes = {};
    this.statementEdits = { omit: [], extras: [] };
    this.config = {};
    if (clearTerminals) this.terminals.clear();
    this.save();
  }
}
