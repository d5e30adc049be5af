/**
 * What the payment platform said, as a message code for the screen. Known error codes get the
 * app's own words (so English shows English); any other platform text is passed on as the
 * platform's words with its error code. Codes: the sandbox and the Upay v2 error tables
 * (reference/shouqianba-upay-v2.md, "error_code").
 */
import { msg, type Msg } from '../../preload/messages';
import type { AggOutcome } from './types';

const KNOWN: Record<string, Msg> = {
  INSUFFICIENT_FUND: msg('platform.insufficientFund'),
  EXPIRED_BARCODE: msg('platform.expiredBarcode'),
  INVALID_BARCODE: msg('platform.invalidBarcode'),
  TRADE_CANCELED: msg('platform.tradeCanceled'),
  TRADE_TIMEOUT: msg('platform.tradeTimeout'),
  TRADE_FAILED: msg('platform.tradeFailed'),
  UPAY_ORDER_NOT_EXISTS: msg('platform.orderNotExists'),
  ILLEGAL_SIGN: msg('platform.illegalSign'),
  INVALID_TERMINAL: msg('platform.invalidTerminal'),
  INVALID_ACTIVATION_CODE: msg('platform.invalidActivationCode'),
  UNKNOWN_SYSTEM_ERROR: msg('platform.systemError'),
  REFUNDABLE_AMOUNT_NOT_ENOUGH: msg('platform.refundableNotEnough'),
  UPAY_REFUND_INVALID_ORDER_STATE: msg('platform.invalidState'),
  UNEXPECTED_PROVIDER_ERROR: msg('platform.cancelFailed'),
  // 招商银行 [cmb-polypay.md §5]: the configured 收银员 id is not one of the bank's for this merchant.
  USERID_NOT_EXIST: msg('platform.cashierUnknown'),
  // The drivers' own refusals (never sent by a platform): their words are the app's, in either language.
  VOID_NOT_SUPPORTED: msg('platform.voidNotSupported'),
  NOT_SUPPORTED: msg('platform.noActivationNeeded'),
  INTERNAL: msg('platform.internalError'),
  NOT_SAVED: msg('platform.checkinNotSaved'),
  CHECKIN_UNKNOWN: msg('platform.checkinUnknown'),
};

/** A bare FAIL says nothing the caller's fallback does not say better. */
const SAYS_NOTHING = new Set(['FAIL']);

/** The platform's answer `errorCode` / `text`, or `fallback` when it said nothing. */
export function platformSaid(errorCode: string | undefined, text: string | undefined, fallback: Msg): Msg {
  if (errorCode && KNOWN[errorCode]) return KNOWN[errorCode]!;
  if (text || (errorCode && !SAYS_NOTHING.has(errorCode))) return msg('platform.said', { text: text || errorCode || '' });
  return fallback;
}

const UNKNOWN_REASON: Record<Extract<AggOutcome, { kind: 'unknown' }>['reason'], Msg> = {
  timeout: msg('platform.timeout'),
  network: msg('platform.network'),
  http_status: msg('platform.httpStatus'),
  malformed: msg('platform.malformed'),
  server_error: msg('platform.serverError'),
};

/** No usable answer: why, in words the cashier can read (the technical detail goes to the log). */
export function unknownMsg(reason: Extract<AggOutcome, { kind: 'unknown' }>['reason']): Msg {
  return UNKNOWN_REASON[reason];
}

/** Why an activation or check-in failed (ActivateOutcome: errorCode UNKNOWN_<reason> when no answer came). */
export function activationFailureMsg(res: { errorCode: string; message: string }): Msg {
  const reason = /^UNKNOWN_(\w+)$/.exec(res.errorCode)?.[1]?.toLowerCase();
  if (reason && reason in UNKNOWN_REASON) return unknownMsg(reason as keyof typeof UNKNOWN_REASON);
  // The driver prefixes its text with what failed (terminal.ts); the screen's code says that itself.
  return platformSaid(res.errorCode, res.message.replace(/^(激活|签到)(失败|结果未知)：/, ''), msg('platform.noAnswer'));
}
