/**
 * The bank's day statement: `statementurl` (billDate yyyyMMdd) → fileDownloadUrl → GET
 * [ref cmb-polypay.md §2, §4; the method is unstated 🟡, GET assumed] → rows, read per the
 * assumptions in statement-format.ts → the CSV the reports module reconciles
 * (main/reports/statement.ts header), so 对账 works unchanged.
 */
import type { CmbClient } from './client';
import type { CmbConfig } from './config';
import { BILL_COLUMNS, BILL_SUCCESS, BILL_TYPES, binaryBillKind, type BillColumn } from './statement-format';
import { walletOfPayType } from './map-answer';
import { statementUrl } from './requests';
import { billSettlement } from './bill-settlement';
import type { StatementOutcome } from '../types';
import { unknownMsg } from '../platform-msg';
import { msg, type Msg } from '../../../preload/messages';

export type HttpGet = (url: string, timeoutMs: number) => Promise<{ status: number; body: Buffer }>;

export const nodeHttpGet: HttpGet = async (url, timeoutMs) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()) };
};

export interface BillRow {
  line: number; date: string; time: string; orderId: string; cmbOrderId: string; refundId: string;
  payType: string; kind: 'pay' | 'refund'; amountFen: number; feeFen: number | null; settleDate: string; success: boolean;
}

export type BillParse = { ok: true; rows: BillRow[] } | { ok: false; message: Msg };

export function parseBill(text: string): BillParse {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = (lines[0] ?? '').split(',').map((h) => h.trim());
  const idx = {} as Record<BillColumn, number>;
  for (const [key, name] of Object.entries(BILL_COLUMNS) as [BillColumn, string][]) {
    const i = header.indexOf(name);
    if (i < 0) return { ok: false, message: msg('stmt.bankMissingColumn', { column: name }) }; // assumptions: statement-format.ts
    idx[key] = i;
  }
  const rows: BillRow[] = [];
  for (let n = 1; n < lines.length; n++) {
    const raw = lines[n] ?? '';
    if (raw.trim() === '') continue;
    const cells = raw.split(',').map((s) => s.trim());
    const get = (k: BillColumn): string => cells[idx[k]] ?? '';
    const amount = /^\d{1,13}$/.test(get('amount')) ? Number(get('amount')) : NaN;
    const feeText = get('fee');
    const fee = feeText === '' ? null : /^-?\d{1,13}$/.test(feeText) ? Number(feeText) : NaN;
    const type = get('type');
    if (Number.isNaN(amount) || (fee !== null && Number.isNaN(fee)) || (type !== BILL_TYPES.pay && type !== BILL_TYPES.refund)) {
      return { ok: false, message: msg('stmt.bankBadLine', { line: n + 1, text: raw }) };
    }
    rows.push({ line: n + 1, date: get('date'), time: get('time'), orderId: get('orderId'), cmbOrderId: get('cmbOrderId'), refundId: get('refundId'), payType: get('payType'), kind: type === BILL_TYPES.pay ? 'pay' : 'refund', amountFen: amount, feeFen: fee, settleDate: get('settleDate'), success: get('status') === BILL_SUCCESS });
  }
  return { ok: true, rows };
}

const WALLET_LABEL: Record<string, string> = { wechat: '微信', alipay: '支付宝', unionpay: '云闪付', ecny: '数字人民币', other: '其他' };
const yuan = (fen: number): string => `${fen < 0 ? '-' : ''}${Math.floor(Math.abs(fen) / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** The reports module's statement CSV (交易时间,商户订单号,收钱吧订单号,…). */
export function billToCsv(rows: BillRow[]): string {
  const out = ['交易时间,商户订单号,收钱吧订单号,支付方式,交易类型,金额(元),手续费(元),状态'];
  for (const r of rows) {
    const t = `${r.date.slice(0, 4)}-${r.date.slice(4, 6)}-${r.date.slice(6, 8)} ${r.time.slice(0, 2)}:${r.time.slice(2, 4)}:${r.time.slice(4, 6)}`;
    out.push([t, r.orderId, r.cmbOrderId, WALLET_LABEL[walletOfPayType(r.payType)], r.kind === 'pay' ? '收款' : '退款', yuan(r.amountFen), yuan(r.feeFen ?? 0), r.success ? '成功' : '失败'].join(','));
  }
  return `${out.join('\n')}\n`;
}

export async function fetchStatement(o: { client: CmbClient; config: CmbConfig; httpGet?: HttpGet; day: string; timeoutMs: number }): Promise<StatementOutcome> {
  try {
    const a = await o.client.post('statementurl', statementUrl(o.config, o.day.replace(/-/g, '')));
    if (a.kind === 'unknown') return { ok: false, message: msg('stmt.urlFailed', { reasonMsg: unknownMsg(a.reason) }) };
    // [ref §4] SYSTERM_ERROR → retry later; any FAIL: no statement now (e.g. before T+1 10:30).
    if (a.returnCode === 'FAIL' || a.respCode === 'FAIL') return { ok: false, message: msg('stmt.bankNotYet', { errCode: a.errCode ?? '', text: a.respMsg ?? '' }) };
    const url = a.biz.fileDownloadUrl;
    if (!url) return { ok: false, message: msg('stmt.noDownloadUrl') };
    const res = await (o.httpGet ?? nodeHttpGet)(url, o.timeoutMs);
    if (res.status !== 200) return { ok: false, message: msg('stmt.downloadHttp', { status: res.status }) };
    const bin = binaryBillKind(res.body);
    if (bin) return { ok: false, message: msg('stmt.bankBinary', { kind: bin }) }; // see statement-format.ts
    const bill = parseBill(res.body.toString('utf8'));
    return bill.ok ? { ok: true, csv: billToCsv(bill.rows), settlement: billSettlement(bill.rows, o.config.merId, o.day) } : bill;
  } catch (err) {
    return { ok: false, message: msg('stmt.fetchError', { detail: err instanceof Error ? err.message : String(err) }) };
  }
}
