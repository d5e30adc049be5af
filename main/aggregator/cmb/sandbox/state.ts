/**
 * Orders and refunds of the polypay sandbox, persisted atomically when a data dir is given.
 * States [ref cmb-polypay.md §2 orderquery, §3 state machines]: P → S/F/C (主扫, F → C),
 * P → S/F/D (被扫), S → D/R, R → S.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type TradeState = 'P' | 'S' | 'F' | 'C' | 'D' | 'R';
export type PayType = 'WX' | 'ZF' | 'YL';

export interface CmbRefund { orderId: string; cmbOrderId: string; amountFen: number; state: 'P' | 'S' | 'F'; at: number; doneAt?: number }

export interface CmbOrder {
  orderId: string;
  cmbOrderId: string;
  merId: string;
  userId: string;
  kind: 'qr' | 'pay';
  amountFen: number;
  subject: string;
  state: TradeState;
  createdAt: number;
  /** QR validity end (payValidTime) [ref §3]. */
  validUntil: number;
  payType?: PayType;
  /** A failed QR scan: only this wallet may rescan [ref §3, L §4.1.1]. */
  failedWallet?: PayType;
  paidAt?: number;
  /** Payment-code password entry: becomes S (or stays P) at this time. */
  pendingUntil?: number;
  pendingNever?: boolean;
  endedAt?: number;
  /** Validity ran out before anyone closed it: orderquery answers ORDERID_INVALID [ref §3]. */
  expired?: boolean;
  refunds: CmbRefund[];
  /** Money taken from the customer (0 or 1). */
  chargeCount: number;
}

interface FileShape { seq: number; orders: CmbOrder[]; usedIds: string[] }

export class CmbStore {
  seq = 0;
  orders = new Map<string, CmbOrder>();
  /** Every merchant order id ever used by qrcodeapply, pay or refund [ref §3]. */
  usedIds = new Set<string>();

  constructor(private readonly dir?: string) {
    if (dir) mkdirSync(dir, { recursive: true });
    const f = dir ? join(dir, 'cmb-sandbox-state.json') : undefined;
    if (f && existsSync(f)) {
      const s = JSON.parse(readFileSync(f, 'utf8')) as FileShape;
      this.seq = s.seq;
      for (const o of s.orders) this.orders.set(o.orderId, o);
      this.usedIds = new Set(s.usedIds);
    }
  }

  nextCmbOrderId(now: number): string {
    this.seq += 1;
    const d = new Date(now + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
    return `${d}${String(this.seq).padStart(12, '0')}`;
  }

  byCmbOrderId(id: string): CmbOrder | undefined {
    for (const o of this.orders.values()) if (o.cmbOrderId === id) return o;
    return undefined;
  }

  refundById(orderId: string): { order: CmbOrder; refund: CmbRefund } | undefined {
    for (const o of this.orders.values()) for (const r of o.refunds) if (r.orderId === orderId) return { order: o, refund: r };
    return undefined;
  }

  save(): void {
    if (!this.dir) return;
    const f = join(this.dir, 'cmb-sandbox-state.json');
    const body: FileShape = { seq: this.seq, orders: [...this.orders.values()], usedIds: [...this.usedIds] };
    writeFileSync(`${f}.tmp`, JSON.stringify(body));
    const fd = openSync(`${f}.tmp`, 'r'); fsyncSync(fd); closeSync(fd);
    renameSync(`${f}.tmp`, f);
  }
}

/** Lazy time: password entries complete, QRs expire, WeChat refunds land, when asked. */
export function advance(store: CmbStore, now: number, refundSeconds: number): boolean {
  let changed = false;
  for (const o of store.orders.values()) {
    if (o.kind === 'pay' && o.state === 'P' && o.pendingUntil !== undefined && !o.pendingNever && now >= o.pendingUntil) {
      Object.assign(o, { state: 'S', paidAt: o.pendingUntil, chargeCount: 1 });
      changed = true;
    }
    // [ref §3] 主扫 P→C and F→C at the end of validity (the QR can no longer be paid).
    if (o.kind === 'qr' && (o.state === 'P' || o.state === 'F') && now >= o.validUntil) {
      Object.assign(o, { state: 'C', endedAt: o.validUntil, expired: true });
      changed = true;
    }
    for (const r of o.refunds) {
      if (r.state === 'P' && now >= r.at + refundSeconds * 1000) { r.state = 'S'; r.doneAt = r.at + refundSeconds * 1000; changed = true; }
    }
  }
  return changed;
}
