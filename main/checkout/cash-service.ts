/**
 * Cash at the counter: a cash sale (one CASH_SALE record, fsync'ed before the screen says
 * 支付成功), and mixed tender — a cash part and a wallet part of one sale, each its own
 * journaled order tagged with the sale (mixed-tender.ts decides what is allowed). The drawer
 * opens and the receipt prints after the record is on disk; neither can hold up the sale.
 */
import type { QrWallet } from './qr-start';
import type { CheckoutView } from '../../preload/contract';
import type { Wallet } from '../aggregator/types';
import type { JournalRecord, JournalRecordBody } from '../journal/records';
import type { OrderView } from '../journal/order-view';
import { ServiceError } from '../shared/service-error';
import type { CheckoutService, FinalEvent } from './checkout-service';
import { changeFor } from './cash-math';
import { abandon, addCash, cashFen, openSale, paidFen, remainingFen, saleState, salesFromOrders, startWallet, type MixedSale, type SaleState } from './mixed-tender';
import { msg, type Msg } from '../../preload/messages';
import { journalText } from '../i18n/zh-text';

export interface SaleInfo { saleId: string; totalFen: number; paidFen: number; cashFen: number; remainingFen: number; state: SaleState }

export interface CashDeps {
  checkout: Pick<CheckoutService, 'tender' | 'present' | 'startQr' | 'startScan'>;
  journal: {
    append(body: JournalRecordBody): Promise<unknown>;
    orders: { get(clientSn: string): OrderView | undefined; list(): OrderView[] };
    onRecord(l: (rec: JournalRecord) => void): () => void;
  };
  config: () => { operator: string; subject: string; mixedTender: boolean };
  newSaleId: () => string;
  /** The receipt (and anything else a final payment triggers). */
  onFinal: (e: FinalEvent) => void;
  /** Kicks the drawer; must never throw or wait. */
  openDrawer: (why: string) => void;
  onSale: (sale: SaleInfo | null) => void;
}

const refuse = (message: Msg): never => { throw new ServiceError('REFUSED', message); };

export class CashService {
  /** Open mixed sales: sale id → total and the client_sn of each part. */
  private readonly sales = new Map<string, { totalFen: number; parts: string[] }>();

  constructor(private readonly deps: CashDeps) {
    for (const s of salesFromOrders(deps.journal.orders.list())) {
      if (saleState(s) === 'open' || saleState(s) === 'paying') this.sales.set(s.saleId, { totalFen: s.totalFen, parts: s.parts.map((p) => p.clientSn) });
    }
    deps.journal.onRecord((rec) => {
      if ((rec.type === 'ATTEMPT_CREATED' || rec.type === 'CASH_SALE') && rec.saleId && rec.saleTotalFen !== undefined) {
        const s = this.sales.get(rec.saleId) ?? { totalFen: rec.saleTotalFen, parts: [] };
        if (!s.parts.includes(rec.clientSn)) s.parts.push(rec.clientSn);
        this.sales.set(rec.saleId, s);
      }
    });
  }

  /** The open mixed sale (at most one at a time), if any. */
  openSale(): SaleInfo | null {
    for (const id of this.sales.keys()) {
      const s = this.sale(id);
      if (s && (saleState(s) === 'open' || saleState(s) === 'paying')) return info(s);
      this.sales.delete(id);
    }
    return null;
  }

  /** Cash for `amountFen` (or for what the open sale `saleId` still owes). */
  async cash(req: { amountFen: number; receivedFen: number; requestId: string; partial?: boolean; saleId?: string }): Promise<CheckoutView> {
    const cfg = this.deps.config();
    let sale: MixedSale | undefined;
    let appliedFen = req.amountFen;
    let changeFen = 0;
    if (req.saleId) {
      sale = this.sale(req.saleId) ?? refuse(msg('cash.noSuchSale'));
      const step = addCash(sale, '-', req.receivedFen);
      if (!step.ok) return refuse(step.message);
      ({ appliedFen, changeFen } = step);
    } else {
      const change = changeFor(req.amountFen, req.receivedFen);
      if (change.ok) changeFen = change.changeFen;
      else if (!req.partial || !cfg.mixedTender || req.receivedFen <= 0) return refuse(change.message);
      else {
        if (this.openSale()) refuse(msg('cash.saleOpen'));
        sale = openSale(this.deps.newSaleId(), req.amountFen);
        appliedFen = req.receivedFen;
      }
    }
    const saleRef = sale ? { saleId: sale.saleId, saleTotalFen: sale.totalFen } : {};
    let clientSn = '';
    const view = await this.deps.checkout.tender(appliedFen, req.requestId, async (sn) => {
      clientSn = sn;
      await this.deps.journal.append({ type: 'CASH_SALE', clientSn: sn, amountFen: appliedFen, receivedFen: req.receivedFen, changeFen, operator: cfg.operator, subject: cfg.subject, ...saleRef });
      return this.cashView(sn, appliedFen, req.receivedFen, changeFen, sale?.saleId);
    });
    if (!clientSn) return view; // a repeated request: already recorded once
    this.deps.openDrawer('cash_sale');
    this.deps.onFinal({ clientSn, outcome: 'PAID', amountFen: appliedFen, wallet: 'cash', method: 'cash', recovered: false, receivedFen: req.receivedFen, changeFen, ...(sale ? { saleId: sale.saleId } : {}) });
    this.deps.onSale(this.openSale());
    return view;
  }

  /** The wallet part of the open sale: QR, or the customer's payment code when given. */
  async payRemainder(req: { saleId: string; requestId: string; scan?: { code: string; wallet: Wallet; masked: string }; qrWallet?: QrWallet }): Promise<CheckoutView> {
    const sale = this.sale(req.saleId) ?? refuse(msg('cash.noSuchSale'));
    const due = remainingFen(sale);
    const step = startWallet(sale, '-', due);
    if (!step.ok) return refuse(step.message);
    const ref = { saleId: sale.saleId, saleTotalFen: sale.totalFen };
    const view = req.scan
      ? await this.deps.checkout.startScan(due, req.scan.code, req.scan.wallet, req.scan.masked, req.requestId, ref)
      : await this.deps.checkout.startQr(due, req.requestId, ref, req.qrWallet);
    this.deps.onSale(this.openSale());
    return view;
  }

  /** After a wallet part ended (checkout's onFinal): a paid sale shows as one, a failed part leaves it open. */
  walletFinal(e: FinalEvent): void {
    if (!e.saleId || e.method === 'cash') return;
    const sale = this.sale(e.saleId);
    if (!sale) return;
    if (saleState(sale) === 'paid') {
      const total = sale.totalFen;
      const message = msg('result.paidMixed', { cashFen: cashFen(sale) });
      this.deps.checkout.present({ phase: 'result', method: e.method, clientSn: e.clientSn, amountFen: total, wallet: e.wallet, result: { outcome: 'PAID', message, wallet: e.wallet, amountFen: total, ...(e.sn ? { sn: e.sn } : {}) } });
    }
    this.deps.onSale(this.openSale());
  }

  /** Gives the cash part back (journaled as a void of each cash part) and closes the sale. */
  async abandon(saleId: string, operator: string): Promise<Msg> {
    const sale = this.sale(saleId) ?? refuse(msg('cash.noSuchSale'));
    const step = abandon(sale);
    if (!step.ok) return refuse(step.message);
    let back = 0;
    for (const p of sale.parts) {
      if (p.tender !== 'cash' || p.status !== 'paid') continue;
      const no = `X${p.clientSn}`.slice(0, 32);
      await this.deps.journal.append({ type: 'REFUND_REQUESTED', clientSn: p.clientSn, refundRequestNo: no, amountFen: p.amountFen, operator, kind: 'void' });
      await this.deps.journal.append({ type: 'REFUND_FINAL', clientSn: p.clientSn, refundRequestNo: no, amountFen: p.amountFen, outcome: 'REFUNDED', ...journalText(msg('refund.cashSaleAbandoned')) });
      back += p.amountFen;
    }
    await this.deps.journal.append({ type: 'OPERATOR_ACTION', operator, action: 'abandon_sale', detail: `${saleId} cash back ${back} fen` });
    this.sales.delete(saleId);
    if (back > 0) this.deps.openDrawer('abandon_sale');
    this.deps.onSale(this.openSale());
    return msg('cash.saleAbandoned', { backFen: back });
  }

  private sale(saleId: string): MixedSale | undefined {
    const s = this.sales.get(saleId);
    if (!s) return undefined;
    const orders = s.parts.map((sn) => this.deps.journal.orders.get(sn)).filter((o): o is OrderView => !!o);
    return salesFromOrders(orders)[0] ?? openSale(saleId, s.totalFen);
  }

  private cashView(clientSn: string, appliedFen: number, receivedFen: number, changeFen: number, saleId: string | undefined): Omit<CheckoutView, 'serverNow'> {
    const sale = saleId ? this.sale(saleId) : undefined;
    if (sale && saleState(sale) !== 'paid') {
      return { phase: 'idle', progress: msg('checkout.mixedDue', { cashFen: cashFen(sale), dueFen: remainingFen(sale) }) };
    }
    const amountFen = sale ? sale.totalFen : appliedFen;
    const message = sale ? msg('result.paidMixed', { cashFen: cashFen(sale) }) : msg('result.paidCash');
    return { phase: 'result', method: 'cash', clientSn, amountFen, wallet: 'cash', result: { outcome: 'PAID', message, wallet: 'cash', amountFen, receivedFen, changeFen } };
  }
}

function info(s: MixedSale): SaleInfo {
  return { saleId: s.saleId, totalFen: s.totalFen, paidFen: paidFen(s), cashFen: cashFen(s), remainingFen: remainingFen(s), state: saleState(s) };
}
