/**
 * The checkout's state machine, pure: `transition(state, event) → { state, effects }`. No clock,
 * no timers, no I/O — the time it needs comes inside events. The rules it encodes:
 * - the client_sn is journaled (ATTEMPT_CREATED, fsync) before any network call: a start only
 *   asks for the journal; the QR request or the pay goes out on JOURNALED;
 * - a QR is shown only once QR_READY is on disk;
 * - an unknown outcome is never guessed: query → cancel/close (the closeOut effect), and
 *   支付成功 only for PAID of the amount asked (else 需人工确认);
 * - a withdrawn QR is handed to the late watch; a restart resumes each unfinished attempt.
 * Wording is message codes (preload/messages.ts); the view is derived from the state (view.ts).
 */
import type { OrderData } from '../../aggregator/types';
import { msg, type Msg } from '../../../preload/messages';
import { journalText, zhText } from '../../shared/zh-text';
import type { CloseOutResult } from '../close-out';
import type { OrderState } from '../interpret';
import type { CloseReason, MAttempt, MEffect, MEvent, MResult, MState, Step } from './machine-types';

export * from './machine-types';

const stay = (state: MState): Step => ({ state, effects: [] });
/**
 * `show` right after the journal records (a result is on screen only once it is on disk) and
 * before any call or wait (the cashier sees 正在… at once) — unless the attempt finishes in the
 * background (recovery): it never takes the screen.
 */
const shown = (state: MState, effects: MEffect[] = []): Step => {
  if ('att' in state && state.att.background) return { state, effects };
  const at = effects.findIndex((e) => e.type !== 'journal');
  const i = at === -1 ? effects.length : at;
  return { state, effects: [...effects.slice(0, i), { type: 'show' }, ...effects.slice(i)] };
};

export function transition(s: MState, e: MEvent): Step {
  switch (e.type) {
    case 'RECOVERING':
      return s.tag === 'idle' || s.tag === 'recovering' || s.tag === 'tendered' ? shown({ tag: e.on ? 'recovering' : 'idle' }) : stay(s);

    case 'START_QR': case 'START_SCAN': {
      const refusal = startRefusal(s);
      if (refusal) return { state: s, effects: [refusal] };
      const att: MAttempt = e.type === 'START_QR'
        ? { clientSn: e.clientSn, method: 'qr', amountFen: e.amountFen, createdAt: e.now, deadline: e.now + e.windowMs, ...(e.perWallet ? { perWallet: true, wallet: e.wallet } : {}), ...(e.sale ? { sale: e.sale } : {}) }
        : { clientSn: e.clientSn, method: 'scan', amountFen: e.amountFen, createdAt: e.now, deadline: e.now + e.windowMs, wallet: e.wallet, codeMasked: e.codeMasked, ...(e.sale ? { sale: e.sale } : {}) };
      const body = {
        type: 'ATTEMPT_CREATED' as const, clientSn: att.clientSn, method: att.method, amountFen: att.amountFen, operator: e.operator, subject: e.subject, windowMs: e.windowMs,
        ...(att.wallet ? { wallet: att.wallet } : {}), ...(att.codeMasked ? { codeMasked: att.codeMasked } : {}), ...(att.sale ?? {}),
      };
      // Nothing goes over the network until this record is on disk (JOURNALED).
      return { state: { tag: 'journaling', att, ...(e.type === 'START_SCAN' ? { code: e.code } : {}) }, effects: [{ type: 'journal', body, then: 'event' }] };
    }

    case 'JOURNALED':
      if (s.tag === 'journaling') {
        const { att } = s;
        if (att.method === 'qr') {
          const send: MEffect[] = att.perWallet ? [{ type: 'markSent', clientSn: att.clientSn, op: 'precreate' }] : [];
          return shown({ tag: 'requesting', att }, [...send, { type: 'requestQr', clientSn: att.clientSn, amountFen: att.amountFen, ...(att.wallet ? { wallet: att.wallet } : {}) }]);
        }
        return shown({ tag: 'requesting', att }, [{ type: 'markSent', clientSn: att.clientSn, op: 'pay' }, { type: 'pay', clientSn: att.clientSn, amountFen: att.amountFen, code: s.code ?? '' }]);
      }
      if (s.tag === 'qr_journaling') return wait(s.att, msg(s.att.perWallet ? 'checkout.scanPromptWallet' : 'checkout.scanPrompt'));
      return stay(s);

    case 'JOURNAL_FAILED':
      if (s.tag === 'journaling') return { state: { tag: 'idle' }, effects: [{ type: 'refuse', code: 'REFUSED', message: msg('checkout.journalFailedNotCharged', { reasonMsg: e.reason }) }] };
      // Not shown, so nobody can pay it; closed at the next start once the journal can record again.
      if (s.tag === 'qr_journaling') return needsAttention(s.att, msg('result.journalFailedQrHidden', { reasonMsg: e.reason }), s.sn, e.detail);
      return stay(s);

    case 'QR_ANSWER': {
      if (s.tag !== 'requesting' || s.att.method !== 'qr') return stay(s);
      const a = e.answer;
      if (a.kind === 'qr') {
        const att = { ...s.att, qrCode: a.qrCode };
        return { state: { tag: 'qr_journaling', att, ...(a.sn ? { sn: a.sn } : {}) }, effects: [{ type: 'journal', body: { type: 'QR_READY', clientSn: att.clientSn, sn: a.sn, qrCode: a.qrCode, expiresAt: att.deadline }, then: 'event' }] };
      }
      if (a.kind === 'failed') return settle(s.att, { outcome: 'FAILED', message: msg('result.createFailed', { reasonMsg: a.message }), nextStep: msg('next.collectAgain') });
      return close(s.att, 'cashier', msg('checkout.unknownQuerying', { reasonMsg: a.message }));
    }

    case 'PAY_ANSWER': {
      if (s.tag !== 'requesting' || s.att.method !== 'scan') return stay(s);
      const st = e.state;
      if (st.kind === 'failed') return settle(s.att, { outcome: 'FAILED', message: msg('result.payFailed', { reasonMsg: st.message }), nextStep: msg('next.refreshCode') });
      return applyState(s.att, st) ?? wait(s.att, msg(st.kind === 'pending' ? 'checkout.customerPaying' : 'checkout.confirming'));
    }

    case 'POLL_ANSWER':
      // A definite answer ends the attempt; the poll loop ends itself (its tick sees the state left 'waiting').
      return s.tag === 'waiting' ? (applyState(s.att, e.state) ?? stay(s)) : stay(s);

    case 'POLL_ENDED':
      if (s.tag !== 'waiting') return stay(s);
      return s.att.method === 'qr' ? close(s.att, 'expired', msg('checkout.qrExpiredClosing')) : close(s.att, 'window_end', msg('checkout.timeoutReversing'));

    case 'CANCEL_PRESSED':
      if (s.tag === 'waiting') return close(s.att, 'cashier', msg('checkout.reversing'), [{ type: 'stopPoll' }]);
      // The request is in flight: its answer is then ignored; query → cancel decides.
      if (s.tag === 'requesting') return close(s.att, 'cashier', msg('checkout.reversing'));
      return stay(s);

    case 'QUERY_AGAIN':
      return s.tag === 'result' && s.result.outcome === 'NEEDS_ATTENTION' ? close(s.att, 'cashier', msg('checkout.querying')) : stay(s);

    case 'CLOSE_OUT_DONE':
      return s.tag === 'closing' ? closedOut(s.att, s.reason, e.res) : stay(s);

    case 'CLOSE_OUT_JOURNAL_FAILED':
      // CANCEL_REQUESTED not on disk, so no cancel was sent: the order may still be open.
      return s.tag === 'closing' ? needsAttention(s.att, msg('result.journalFailedNotReversed', { reasonMsg: e.reason }), undefined, e.detail) : stay(s);

    case 'FINAL_NOT_SAVED':
      return s.tag === 'result' ? stay({ ...s, result: { ...s.result, message: msg('result.journalWarning', { textMsg: s.result.message, reasonMsg: e.reason }) } }) : stay(s);

    case 'DISMISS':
      return s.tag === 'result' || (s.tag === 'tendered' && s.view.phase === 'result') ? shown({ tag: e.recovering ? 'recovering' : 'idle' }) : stay(s);

    case 'TENDERED': {
      const refusal = startRefusal(s);
      return refusal ? { state: s, effects: [refusal] } : shown({ tag: 'tendered', view: e.view });
    }

    case 'PRESENTED':
      return s.tag === 'result' && s.att.clientSn === e.view.clientSn ? shown({ tag: 'tendered', view: e.view }) : stay(s);

    case 'RESUME': {
      const att: MAttempt = { ...e.att, recovered: true, ...(e.foreground ? {} : { background: true }) };
      const done = applyState(att, e.state);
      if (done) return done;
      const resumable = att.method === 'scan' || !!att.qrCode;
      // A unified QR nobody opened yet is "not found" at the platform: still waiting (§1.6a).
      const waiting = e.state.kind === 'pending' || (e.state.kind === 'not_found' && att.method === 'qr' && !!att.qrCode);
      if (e.foreground && waiting && e.now < att.deadline && resumable) return wait(att, msg(att.method === 'qr' ? 'checkout.recoveredScan' : 'checkout.recoveredConfirming'));
      return close(att, 'recovery', msg('checkout.querying'));
    }
  }
}

/** A new payment (wallet or cash) starts only from the keypad, a result or a tender's screen. */
export function startRefusal(s: MState): MEffect | null {
  if (s.tag === 'recovering') return { type: 'refuse', code: 'RECOVERING', message: msg('checkout.recovering') };
  if (s.tag !== 'idle' && s.tag !== 'result' && s.tag !== 'tendered') return { type: 'refuse', code: 'BUSY', message: msg('checkout.busy') };
  return null;
}

function wait(att: MAttempt, progress: Msg): Step {
  return shown({ tag: 'waiting', att, progress }, [{ type: 'startPoll', clientSn: att.clientSn, method: att.method, deadline: att.deadline, startedAt: att.createdAt }]);
}

function close(att: MAttempt, reason: CloseReason, progress: Msg, before: MEffect[] = []): Step {
  return shown({ tag: 'closing', att, reason, progress }, [...before, { type: 'closeOut', clientSn: att.clientSn, reason, method: att.method, sentAt: att.createdAt }]);
}

/** A definite state ends the attempt; null when it does not (pending, not found, unknown). */
function applyState(att: MAttempt, st: OrderState, before: MEffect[] = []): Step | null {
  const step = definite(att, st);
  return step ? { state: step.state, effects: [...before, ...step.effects] } : null;
}

function definite(att: MAttempt, st: OrderState): Step | null {
  switch (st.kind) {
    case 'paid': return settlePaid(att, st.data);
    case 'canceled': return settle(att, st.expired
      ? { outcome: 'EXPIRED', message: msg('result.qrExpiredUnpaid'), nextStep: msg('next.continueCollect') }
      : { outcome: 'CANCELED', message: st.message, nextStep: msg('next.continueCollect') });
    case 'failed': return settle(att, { outcome: 'FAILED', message: st.message });
    default: return null;
  }
}

/** 支付成功 only for PAID of the amount asked; any other amount is for a person to look at. */
function settlePaid(att: MAttempt, data: OrderData): Step {
  if (data.totalFen !== att.amountFen) return needsAttention(att, msg('result.amountMismatch', { dueFen: att.amountFen, platformFen: data.totalFen }), data.sn);
  return settle({ ...att, wallet: data.wallet }, { outcome: 'PAID', message: msg('result.paid'), wallet: data.wallet, sn: data.sn }, data.tradeNo);
}

function closedOut(att: MAttempt, reason: CloseReason, res: CloseOutResult): Step {
  if (res.kind === 'paid') return settlePaid(att, res.state.data);
  if (res.kind === 'not_found') {
    // A QR shown but never opened has no order at the platform: nothing to cancel (§1.6a).
    const shownQr = att.method === 'qr' && att.qrCode !== undefined;
    if (shownQr && reason === 'expired') return settle(att, { outcome: 'EXPIRED', message: msg('result.qrExpiredUnpaid'), nextStep: msg('next.continueCollect') });
    if (shownQr) return settle(att, { outcome: 'CANCELED', message: msg('result.canceledUnpaid'), nextStep: msg('next.continueCollect') });
    return settle(att, { outcome: 'FAILED', message: msg('result.notFoundNotCharged'), nextStep: msg('next.collectAgain') });
  }
  if (res.kind === 'unknown') return needsAttention(att, res.message);
  if (reason === 'expired') return settle(att, { outcome: 'EXPIRED', message: msg('result.qrExpiredClosed'), nextStep: msg('next.continueCollect') });
  if (reason === 'window_end') return settle(att, { outcome: 'CANCELED', message: msg('result.reversedWindowEnd'), nextStep: msg('next.refreshCode') });
  return settle(att, { outcome: 'CANCELED', message: res.message, nextStep: msg('next.continueCollect') });
}

function needsAttention(att: MAttempt, reason: Msg, sn?: string, detail?: string): Step {
  const result: MResult = { outcome: 'NEEDS_ATTENTION', message: msg('result.needsAttention', { reasonMsg: reason }), nextStep: msg('next.queryAgain'), amountFen: att.amountFen, ...(sn ? { sn } : {}) };
  return shown({ tag: 'result', att, result }, [
    { type: 'journal', body: { type: 'NEEDS_ATTENTION', clientSn: att.clientSn, reason: zhText(reason) + (detail ? ` (${detail})` : ''), msg: reason, sn }, then: 'ignore' },
  ]);
}

type Final = Omit<MResult, 'amountFen'> & { outcome: 'PAID' | 'FAILED' | 'CANCELED' | 'EXPIRED' };

function settle(att: MAttempt, r: Final, tradeNo?: string): Step {
  const wallet = r.wallet ?? att.wallet;
  const result: MResult = { ...r, amountFen: att.amountFen, ...(wallet ? { wallet } : {}) };
  const effects: MEffect[] = [
    { type: 'journal', body: { type: 'PAYMENT_FINAL', clientSn: att.clientSn, outcome: r.outcome, amountFen: att.amountFen, sn: r.sn, tradeNo, wallet, ...journalText(r.message), recovered: att.recovered || undefined }, then: 'warn' },
  ];
  const step = shown({ tag: 'result', att, result }, effects);
  step.effects.push({ type: 'final', clientSn: att.clientSn, outcome: r.outcome, amountFen: att.amountFen, wallet, sn: r.sn, method: att.method, recovered: !!att.recovered, codeMasked: att.codeMasked, saleId: att.sale?.saleId });
  // A withdrawn QR can still be paid (no expiry in a gateway URL): watch it (late-watch.ts).
  if (att.method === 'qr' && (r.outcome === 'CANCELED' || r.outcome === 'EXPIRED')) step.effects.push({ type: 'watchLate', clientSn: att.clientSn, amountFen: att.amountFen });
  return step;
}
