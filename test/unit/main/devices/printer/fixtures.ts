import type { ReceiptDoc, SaleReceipt, ShopInfo } from '../../../../../main/devices/printer/receipt-types';

export const SHOP: ShopInfo = {
  name: '一码便利店（人民路旗舰店）欢迎光临',
  header: ['地址：杭州市西湖区人民路 88 号 1 楼 A 座', '电话 0571-88886666'],
  footer: ['谢谢惠顾，欢迎再来', '退款请出示本小票二维码'],
};
const base = { shop: SHOP, terminal: 'T100200300', cashier: '张三', time: Date.UTC(2024, 4, 1, 5, 45, 9), utcOffsetMinutes: 480 };

export const SALE: SaleReceipt = {
  ...base, kind: 'sale', amountFen: 1230, wallet: 'wechat', sn: '7894259244096188',
  clientSn: '20240501134509-0001-AB12', paymentCode: '134567890123456789',
  items: [
    { name: '农夫山泉饮用天然水 550ml（整箱装，限时特惠，每人限购两箱）', qty: 2, amountFen: 400 },
    { name: 'Coca-Cola Zero Sugar 330ml can', amountFen: 830 },
  ],
};
export const REFUND: ReceiptDoc = {
  ...base, kind: 'refund', amountFen: 500, originalAmountFen: 1230, wallet: 'alipay', sn: '7894259244096188',
  clientSn: '20240501134509-0001-AB12', refundRequestNo: 'R20240501-0001', reason: '顾客退货',
};
export const VOID: ReceiptDoc = {
  ...base, kind: 'void', amountFen: 1230, wallet: 'unionpay', sn: '7894259244096189', clientSn: '20240501134509-0002-CD34',
};
export const SHIFT: ReceiptDoc = {
  ...base, kind: 'shift-close', shiftId: 'S20240501-1', openedAt: Date.UTC(2024, 4, 1, 0, 0, 0),
  channels: [
    { wallet: 'wechat', count: 12, amountFen: 45_600, refundCount: 1, refundFen: 500 },
    { wallet: 'alipay', count: 7, amountFen: 23_010 },
    { wallet: 'unionpay', count: 1, amountFen: 990 },
    { wallet: 'ecny', count: 2, amountFen: 2000 },
    { wallet: 'cash', count: 3, amountFen: 3_500 },
  ],
};
export const TEST_PAGE: ReceiptDoc = { ...base, kind: 'test', printerName: 'XP-58 (serial:/dev/ttyS0:9600)' };
export const ALL_DOCS: ReceiptDoc[] = [SALE, REFUND, VOID, SHIFT, TEST_PAGE];

/** Printed text as a customer would read it: GBK decoded, control sequences removed. */
export { printedText, stripCommands, qrPayloads } from '../../../../support/escpos-read';

export function countSeq(bytes: Buffer, seq: number[]): number {
  let n = 0;
  const s = Buffer.from(seq);
  for (let i = bytes.indexOf(s); i !== -1; i = bytes.indexOf(s, i + 1)) n++;
  return n;
}

export const GS_CUT_PARTIAL = [0x1d, 0x56, 0x01];
