/**
 * biz_content builders [ref /work/shared/reference/cmb-polypay.md §2]. Amounts are fen digit
 * strings (≤13) [ref §2]; optional fields are never sent empty [ref §1.2, L §2.3].
 */
import type { CmbConfig } from './config';
import { newSm4Key, sm2EnvelopeKey, sm4EncryptBase64 } from './gm';

export type Biz = Record<string, string>;

/** [ref §2] String(n) limits that matter for what we put in. */
function cut(s: string, n: number): string { return [...s].slice(0, n).join(''); }

function fen(amountFen: number): string {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0 || String(amountFen).length > 13) throw new Error(`金额不合法: ${amountFen}`);
  return String(amountFen);
}

export function qrcodeApply(c: CmbConfig, orderId: string, amountFen: number, subject: string): Biz {
  const biz: Biz = { merId: c.merId, orderId, userId: c.userId, notifyUrl: c.notifyUrl, txnAmt: fen(amountFen), payValidTime: String(c.payValidTimeSeconds), currencyCode: '156' };
  if (subject) biz.body = cut(subject, 128);
  if (c.termId) biz.termId = c.termId;
  return biz;
}

/**
 * [ref §1.6, L §2.4.4, §4.8.2] pay needs encryptTerminalInfo: the terminal JSON SM4-encrypted
 * with a fresh 16-char key, the key SM2-encrypted with the bank's public key in encryptKey.
 */
export function pay(c: CmbConfig, orderId: string, amountFen: number, authCode: string, subject: string): { biz: Biz; encryptKey: string } {
  const key = newSm4Key();
  const biz: Biz = {
    merId: c.merId, orderId, authCode, userId: c.userId, termId: c.termId, notifyUrl: c.notifyUrl, txnAmt: fen(amountFen), currencyCode: '156',
    encryptTerminalInfo: sm4EncryptBase64(JSON.stringify(c.terminalInfo), key),
  };
  if (subject) biz.body = cut(subject, 128);
  return { biz, encryptKey: sm2EnvelopeKey(key, c.cmbPublicKey) };
}

/** [ref §2] queries/close/cancel carry the original order's cashier id (`userId`). */
export function orderQuery(c: CmbConfig, userId: string, orderId: string): Biz { return { merId: c.merId, userId, orderId }; }
export function origRef(c: CmbConfig, userId: string, origOrderId: string): Biz { return { merId: c.merId, userId, origOrderId }; }

export function refund(c: CmbConfig, userId: string, origOrderId: string, refundNo: string, origFen: number, refundFen: number): Biz {
  // [ref §2 refund] txnAmt = the original amount; refundAmt = this refund.
  return { merId: c.merId, userId, origOrderId, orderId: refundNo, txnAmt: fen(origFen), refundAmt: fen(refundFen) };
}

/** [ref §2 refundquery] by our refund number (`orderId`), with the original order's cashier. */
export function refundQuery(c: CmbConfig, userId: string, refundNo: string): Biz { return { merId: c.merId, userId, orderId: refundNo }; }

export function statementUrl(c: CmbConfig, billDate: string): Biz { return { merId: c.merId, billDate }; }
