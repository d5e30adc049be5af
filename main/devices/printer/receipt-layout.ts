/**
 * layoutReceipt(doc, width) → Line[]: the whole receipt as printable lines, pure and
 * deterministic. Every text line fits the paper (Chinese characters count two columns);
 * long names wrap. The ESC/POS encoder and the HTML renderer both draw from this.
 */
import type {
  Line, ReceiptDoc, ReceiptWidth, RefundReceipt, SaleReceipt, ShiftCloseReceipt, TestPageReceipt, VoidReceipt,
} from './receipt-types';
import {
  MARK_TEXT, TITLES, formatAmount, formatReceiptTime, maskPaymentCode, orderCode, walletName,
} from './receipt-format';
import { labelValue, padTo, textWidth, toPrinterText, wrapText } from './text-width';

type Opts = { bold?: boolean; doubleHeight?: boolean };

class Builder {
  readonly lines: Line[] = [];
  constructor(readonly width: number) {}

  center(text: string, o: Opts = {}): void {
    for (const t of wrapText(text, this.width)) this.lines.push({ kind: 'text', text: t, align: 'center', ...o });
  }
  left(text: string, o: Opts = {}): void {
    for (const t of wrapText(text, this.width)) this.lines.push({ kind: 'text', text: t, ...o });
  }
  kv(label: string, value: string, o: Opts = {}): void {
    for (const t of labelValue(label, value, this.width)) this.lines.push({ kind: 'text', text: t, ...o });
  }
  /** A line already fitted to the width (padding kept as is). */
  fitted(text: string): void { this.lines.push({ kind: 'text', text }); }
  rule(char: '-' | '=' = '-'): void { this.lines.push({ kind: 'rule', char }); }
  qr(data: string): void { this.lines.push({ kind: 'qr', data }); }
  feed(lines = 1): void { this.lines.push({ kind: 'feed', lines }); }
}

export function layoutReceipt(doc: ReceiptDoc, width: ReceiptWidth): Line[] {
  const b = new Builder(width);
  header(b, doc);
  switch (doc.kind) {
    case 'sale': sale(b, doc); break;
    case 'refund': refund(b, doc); break;
    case 'void': voided(b, doc); break;
    case 'shift-close': shiftClose(b, doc); break;
    case 'test': testPage(b, doc); break;
  }
  footer(b, doc);
  return b.lines;
}

function header(b: Builder, doc: ReceiptDoc): void {
  b.center(doc.shop.name, { bold: true, doubleHeight: true });
  for (const h of doc.shop.header ?? []) b.center(h);
  for (const m of new Set(doc.marks ?? [])) b.center(`*** ${MARK_TEXT[m]} ***`, { bold: true });
  b.center(TITLES[doc.kind], { bold: true });
  b.rule('=');
  b.kv('终端', doc.terminal);
  b.kv('收银员', doc.cashier);
  b.kv(doc.kind === 'shift-close' ? '结束时间' : '时间', formatReceiptTime(doc.time, doc.utcOffsetMinutes));
  b.rule();
}

function footer(b: Builder, doc: ReceiptDoc): void {
  const footerLines = doc.shop.footer ?? [];
  if (footerLines.length > 0) b.rule();
  for (const f of footerLines) b.center(f);
  if ((doc.marks ?? []).length > 0) b.center(`(${[...new Set(doc.marks)].map((m) => MARK_TEXT[m]).join(' / ')})`);
  b.feed(1);
  b.lines.push({ kind: 'cut' });
}

function orderRefs(b: Builder, doc: { sn?: string; clientSn: string }): void {
  if (doc.sn) b.kv('订单号', doc.sn);
  b.kv('商户单号', doc.clientSn);
}

function items(b: Builder, doc: SaleReceipt): void {
  if (!doc.items || doc.items.length === 0) return;
  for (const item of doc.items) {
    const qty = item.qty && item.qty !== 1 ? ` x${item.qty}` : '';
    const amount = formatAmount(item.amountFen);
    const amountW = textWidth(toPrinterText(amount)) + 1;
    const nameLines = wrapText(item.name + qty, b.width - amountW);
    nameLines.forEach((n, i) => {
      const text = i === nameLines.length - 1 ? padTo(n, b.width - amountW) + padTo(toPrinterText(amount), amountW, 'right') : n;
      b.fitted(text);
    });
  }
  b.rule();
}

function sale(b: Builder, doc: SaleReceipt): void {
  items(b, doc);
  if (doc.subject) b.kv('商品', doc.subject);
  b.kv('支付方式', walletName(doc.wallet));
  if (doc.paymentCode) b.kv('付款码', maskPaymentCode(doc.paymentCode));
  orderRefs(b, doc);
  b.rule();
  b.kv('实收金额', formatAmount(doc.amountFen), { bold: true, doubleHeight: true });
  if (doc.cash) {
    b.kv('收现金', formatAmount(doc.cash.receivedFen));
    b.kv('找零', formatAmount(doc.cash.changeFen), { bold: true });
  }
  b.rule();
  b.qr(orderCode(doc));
  b.center('扫码查询 / 退款', {});
}

function refund(b: Builder, doc: RefundReceipt): void {
  b.kv('支付方式', walletName(doc.wallet));
  orderRefs(b, doc);
  b.kv('退款单号', doc.refundRequestNo);
  if (doc.originalAmountFen !== undefined) b.kv('原订单金额', formatAmount(doc.originalAmountFen));
  if (doc.reason) b.kv('原因', doc.reason);
  b.rule();
  b.kv('退款金额', formatAmount(doc.amountFen), { bold: true, doubleHeight: true });
  b.rule();
  b.left('主管签字：');
  b.feed(1);
}

function voided(b: Builder, doc: VoidReceipt): void {
  b.kv('支付方式', walletName(doc.wallet));
  orderRefs(b, doc);
  if (doc.reason) b.kv('原因', doc.reason);
  b.rule();
  b.kv('撤销金额', formatAmount(doc.amountFen), { bold: true, doubleHeight: true });
  b.rule();
  b.left('主管签字：');
  b.feed(1);
}

function shiftClose(b: Builder, doc: ShiftCloseReceipt): void {
  if (doc.shiftId) b.kv('班次', doc.shiftId);
  b.kv('开始时间', formatReceiptTime(doc.openedAt, doc.utcOffsetMinutes));
  b.rule();
  let count = 0, amount = 0, refundCount = 0, refundFen = 0;
  for (const c of doc.channels) {
    b.left(walletName(c.wallet), { bold: true });
    b.kv(`  收款 ${c.count} 笔`, formatAmount(c.amountFen));
    if (c.refundCount || c.refundFen) b.kv(`  退款 ${c.refundCount ?? 0} 笔`, formatAmount(-(c.refundFen ?? 0)));
    count += c.count; amount += c.amountFen;
    refundCount += c.refundCount ?? 0; refundFen += c.refundFen ?? 0;
  }
  if (doc.channels.length === 0) b.left('本班次无交易');
  b.rule('=');
  b.kv(`收款合计 ${count} 笔`, formatAmount(amount));
  b.kv(`退款合计 ${refundCount} 笔`, formatAmount(-refundFen));
  b.kv('净收', formatAmount(amount - refundFen), { bold: true, doubleHeight: true });
  if (doc.cash) shiftCash(b, doc.cash);
  b.rule();
  b.left('交班人签字：');
  b.left('接班人签字：');
}

function shiftCash(b: Builder, c: NonNullable<ShiftCloseReceipt['cash']>): void {
  b.rule();
  b.left('钱箱现金', { bold: true });
  b.kv('  备用金', formatAmount(c.floatFen));
  b.kv('  现金收款', formatAmount(c.salesFen));
  b.kv('  现金退款', formatAmount(-c.refundsFen));
  if (c.payoutsFen) b.kv('  支出', formatAmount(-c.payoutsFen));
  b.kv('应有现金', formatAmount(c.expectedFen), { bold: true });
  if (c.countedFen === undefined || c.differenceFen === undefined) return;
  b.kv('实点现金', formatAmount(c.countedFen), { bold: true });
  const d = c.differenceFen;
  b.kv(d === 0 ? '长短款' : d > 0 ? '长款' : '短款', d === 0 ? '无差异' : formatAmount(Math.abs(d)), { bold: true, doubleHeight: d !== 0 });
}

function testPage(b: Builder, doc: TestPageReceipt): void {
  if (doc.printerName) b.kv('打印机', doc.printerName);
  b.kv('纸宽', `${b.width} 列 (${b.width === 32 ? '58' : '80'} mm)`);
  b.left('中文测试：一码收银 微信支付 支付宝 云闪付 数字人民币');
  b.left('金额测试：' + formatAmount(123456));
  b.left('1234567890'.repeat(Math.ceil(b.width / 10)).slice(0, b.width));
  b.rule('=');
  b.kv('粗体倍高', formatAmount(1230), { bold: true, doubleHeight: true });
  b.rule();
  for (const n of doc.notes ?? []) b.left(n);
  b.qr('YIMA-TEST');
  b.center('二维码测试 (本机二维码指令)');
}
