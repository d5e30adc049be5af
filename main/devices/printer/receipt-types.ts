/**
 * Receipt documents (what to print) and layout lines (how it sits on the paper).
 * Documents are plain JSON so the print queue can persist them and lay them out again at
 * print time (a retried or recovered job gets its 重打印 / 恢复补打 mark then).
 */
import type { Wallet } from '../../aggregator/types';

/** Paper width in columns: 58 mm paper = 32 columns, 80 mm paper = 48 columns (Font A). */
export type ReceiptWidth = 32 | 48;
export const RECEIPT_WIDTHS: readonly ReceiptWidth[] = [32, 48];

export type ReceiptWallet = Wallet | 'cash';

/** Shop name, header and footer lines: configured by the store manager. */
export interface ShopInfo {
  name: string;
  header?: string[];
  footer?: string[];
}

/** reprint → "重打印 REPRINT"; recovered → "恢复补打" (printed after a crash recovery). */
export type ReceiptMark = 'reprint' | 'recovered';

interface ReceiptBase {
  shop: ShopInfo;
  terminal: string;
  cashier: string;
  /** ms epoch of the event the receipt is about */
  time: number;
  /** minutes east of UTC for the printed time; default 480 (China Standard Time) */
  utcOffsetMinutes?: number;
  marks?: ReceiptMark[];
}

export interface ReceiptItem { name: string; qty?: number; amountFen: number }

export interface SaleReceipt extends ReceiptBase {
  kind: 'sale';
  amountFen: number;
  wallet: ReceiptWallet;
  /** aggregator order number */
  sn?: string;
  clientSn: string;
  /** the customer's payment code (付款码); printed masked whatever is passed */
  paymentCode?: string;
  subject?: string;
  items?: ReceiptItem[];
  /** Cash tender: received from the customer and the change given. */
  cash?: { receivedFen: number; changeFen: number };
}

export interface RefundReceipt extends ReceiptBase {
  kind: 'refund';
  amountFen: number;
  originalAmountFen?: number;
  wallet: ReceiptWallet;
  sn?: string;
  clientSn: string;
  refundRequestNo: string;
  reason?: string;
}

export interface VoidReceipt extends ReceiptBase {
  kind: 'void';
  amountFen: number;
  wallet: ReceiptWallet;
  sn?: string;
  clientSn: string;
  reason?: string;
}

export interface ChannelTotal {
  wallet: ReceiptWallet;
  count: number;
  amountFen: number;
  refundCount?: number;
  refundFen?: number;
}

export interface ShiftCloseReceipt extends ReceiptBase {
  kind: 'shift-close';
  shiftId?: string;
  openedAt: number;
  /** `time` is the close time */
  channels: ChannelTotal[];
  /** The drawer: float, cash in and out, expected, counted and 长款/短款. */
  cash?: ShiftCashLines;
}

export interface ShiftCashLines {
  floatFen: number; salesFen: number; refundsFen: number; payoutsFen: number; expectedFen: number;
  countedFen?: number; differenceFen?: number;
}

export interface TestPageReceipt extends ReceiptBase {
  kind: 'test';
  printerName?: string;
  notes?: string[];
}

export type ReceiptDoc = SaleReceipt | RefundReceipt | VoidReceipt | ShiftCloseReceipt | TestPageReceipt;
export type ReceiptKind = ReceiptDoc['kind'];

export type LineAlign = 'left' | 'center' | 'right';

/**
 * One printed line. `text` never needs more columns than the paper has (layoutReceipt
 * guarantees it; double-height keeps the width). `qr` is printed with the printer's native
 * QR command; `cut` feeds and cuts.
 */
export type Line =
  /** doubleWidth takes two columns per column: the layout must have folded the text to half the width. */
  | { kind: 'text'; text: string; align?: LineAlign; bold?: boolean; doubleHeight?: boolean; doubleWidth?: boolean }
  | { kind: 'rule'; char: '-' | '=' }
  | { kind: 'qr'; data: string }
  | { kind: 'feed'; lines: number }
  | { kind: 'cut' };

export const WALLET_NAMES: Record<ReceiptWallet, string> = {
  wechat: '微信支付',
  alipay: '支付宝',
  unionpay: '云闪付',
  ecny: '数字人民币',
  bestpay: '翼支付',
  cash: '现金',
  other: '其他',
};
