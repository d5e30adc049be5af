/**
 * ASSUMPTIONS about the bank's 对账单 file — the ONE place to correct when the first real file
 * arrives. /work/shared/reference/cmb-polypay.md §4: the columns, layout, text encoding and zip
 * contents are in no source found (🟡); the format "defaults to Excel", `billType=zip` packs it;
 * amounts are fen [L §2.3]; the unsettled bill (from T+1 10:30) has no fees or clearing date,
 * the 清分 bill (from 16:30) has both [L §4.13.1]; where the money lands is not stated.
 *
 * Assumed here (and produced by the sandbox, main/aggregator/cmb/sandbox/bill.ts):
 *  - we request without `billType` and the URL serves UTF-8 CSV text (a BOM is tolerated);
 *    an Excel/zip body is refused with a clear message rather than misread;
 *  - one header line with the column names below (order free), one row per payment or refund;
 *  - amounts in fen, integer digits; fees empty in the unsettled bill;
 *  - 清算日期 yyyyMMdd = the day the net amount is credited to the merchant's settlement
 *    account at CMB (we assume the merchant's own CMB account, net of fees, per day).
 * Settlement (结算) assumptions are in SETTLEMENT below, the same one place.
 */
export const BILL_COLUMNS = {
  date: '交易日期',        // yyyyMMdd
  time: '交易时间',        // HHmmss
  orderId: '商户订单号',   // our clientSn (refunds: the original order id)
  cmbOrderId: '招行订单号',
  refundId: '退款单号',    // empty for payments
  payType: '支付方式',     // ZF / WX / YL / EC, as in payType [ref §2]
  type: '交易类型',        // 支付 / 退款
  amount: '交易金额(分)',
  fee: '手续费(分)',       // empty before clearing
  settleDate: '清算日期',  // yyyyMMdd, empty before clearing
  status: '交易状态',      // 成功 / 失败
} as const;

export type BillColumn = keyof typeof BILL_COLUMNS;

export const BILL_TYPES = { pay: '支付', refund: '退款' } as const;
export const BILL_SUCCESS = '成功';

/** Bodies we refuse to guess at: the Excel default and zip archives [ref §4]. */
export function binaryBillKind(body: Buffer): string | null {
  if (body.length >= 4 && body[0] === 0x50 && body[1] === 0x4b) return 'zip/xlsx';
  if (body.length >= 8 && body.readUInt32BE(0) === 0xd0cf11e0) return 'xls';
  return null;
}

/**
 * SETTLEMENT ASSUMPTIONS (结算) — ref cmb-polypay.md §4: "funds landing in the merchant's CMB
 * account: not stated" 🟡, "UAT does no clearing" [L §4.4.1], MCH_EXSRFN_AMOUNT_LESS suggests
 * refunds net against the day's takings [L 附录3]. Until the first real 清分 bill says otherwise:
 *  - one settlement account per merchant number (merId): the merchant's own account at CMB;
 *  - the bank keeps its fee per order (feeBp basis points of the amount, half up to the fen) and
 *    returns it pro rata on a refund; the rate is the shop's contract rate, 0.38 % assumed;
 *  - the day's net (payments − refunds − fees) arrives on 清算日期 = the business day + settleDays
 *    calendar days (T+1, no holiday calendar); a bill with its own 清算日期/手续费 columns filled
 *    (the 16:30 清分 bill) overrides the assumed date and fee row by row.
 * The expected settlement before the bill (manager/reconcile-day.ts) is computed from these terms.
 */
export const SETTLEMENT = {
  defaultFeeBp: 38,
  feeBp: {} as Partial<Record<'wechat' | 'alipay' | 'unionpay' | 'ecny', number>>,
  settleDays: 1,
  /** The acquirer account the money lands in, as shown to the manager. */
  account: (merId: string): string => `CMB ${merId}`,
} as const;
