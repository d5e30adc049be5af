/** Small pure formatters shared by the receipt layout and the HTML rendering. */
import { formatFen } from '../../shared/money';
import type { ReceiptMark, ReceiptWallet } from './receipt-types';
import { WALLET_NAMES } from './receipt-types';

/** China Standard Time, for documents that must not depend on the PC's time zone. */
export const CHINA_UTC_OFFSET_MINUTES = 480;

/**
 * "2024-05-01 13:45:09" in the given UTC offset; by default the PC's own time zone, the same clock
 * the screen and the journal's business day use (a counter in China runs on China time).
 */
export function formatReceiptTime(ms: number, utcOffsetMinutes = -new Date(ms).getTimezoneOffset()): string {
  const d = new Date(ms + utcOffsetMinutes * 60_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

/** ¥12.30 (the printer text layer turns "¥" into the GBK full-width "￥"). */
export function formatAmount(fen: number): string {
  return formatFen(fen);
}

export function walletName(wallet: ReceiptWallet): string {
  return WALLET_NAMES[wallet] ?? WALLET_NAMES.other;
}

/**
 * Never print a full payment code: keep the first 4 and last 4 digits.
 * A value that already contains '*' is taken as masked.
 */
export function maskPaymentCode(code: string): string {
  const c = code.trim();
  if (c.includes('*')) return c;
  if (c.length <= 8) return '*'.repeat(Math.max(0, c.length - 4)) + c.slice(-4);
  return c.slice(0, 4) + '*'.repeat(c.length - 8) + c.slice(-4);
}

export const MARK_TEXT: Record<ReceiptMark, string> = {
  reprint: '重打印 REPRINT',
  recovered: '恢复补打 RECOVERED',
};

export const TITLES = {
  sale: '收款凭证',
  refund: '退款凭证',
  void: '撤销凭证',
  'shift-close': '交接班报表 (Z)',
  test: '打印机测试页',
} as const;

/** The order code printed as QR: the aggregator's sn where known, else our client_sn. */
export function orderCode(doc: { sn?: string; clientSn: string }): string {
  return doc.sn && doc.sn.trim() !== '' ? doc.sn.trim() : doc.clientSn;
}
