/**
 * The checkout state machine as a table, no timers: each row is a state, an event, the state it
 * moves to and the effects it asks for, in order. The never-guess rules are rows too: the
 * client_sn is journaled before any network call, the QR is shown only once QR_READY is on disk,
 * 支付成功 only for PAID of the amount asked, unknown → query → cancel.
 */
import { describe, expect, it } from 'vitest';
import { transition, type MAttempt, type MEffect, type MEvent, type MState } from '../../../../../main/checkout/machine/checkout-machine';
import { viewOf } from '../../../../../main/checkout/machine/view';
import { msg } from '../../../../../preload/messages';
import type { OrderState } from '../../../../../main/checkout/interpret';
import { order } from '../agg-fixtures';

const T0 = 1_000_000;
const qrAtt: MAttempt = { clientSn: 'YM1', method: 'qr', amountFen: 1230, createdAt: T0, deadline: T0 + 240_000 };
const shownQr: MAttempt = { ...qrAtt, qrCode: 'https://qr/x' };
const walletQr: MAttempt = { ...qrAtt, perWallet: true, wallet: 'alipay' };
const scanAtt: MAttempt = { clientSn: 'YM2', method: 'scan', amountFen: 900, createdAt: T0, deadline: T0 + 45_000, wallet: 'wechat', codeMasked: '1345****6712' };
const saleAtt: MAttempt = { ...scanAtt, sale: { saleId: 'S1', saleTotalFen: 2_000 } };

const idle: MState = { tag: 'idle' };
const recovering: MState = { tag: 'recovering' };
const journaling = (att: MAttempt, code?: string): MState => ({ tag: 'journaling', att, ...(code ? { code } : {}) });
const requesting = (att: MAttempt): MState => ({ tag: 'requesting', att });
const waiting = (att: MAttempt): MState => ({ tag: 'waiting', att, progress: msg('checkout.scanPrompt') });
const closing = (att: MAttempt, reason: 'cashier' | 'expired' | 'window_end' | 'recovery'): MState => ({ tag: 'closing', att, reason, progress: msg('checkout.reversing') });
const needs = (att: MAttempt): MState => ({ tag: 'result', att, result: { outcome: 'NEEDS_ATTENTION', message: msg('result.needsAttention', { reasonMsg: msg('platform.timeout') }), amountFen: att.amountFen } });
const cashView = { phase: 'result' as const, method: 'cash' as const, clientSn: 'YM3', amountFen: 500, wallet: 'cash' as const, result: { outcome: 'PAID' as const, message: msg('result.paidCash'), wallet: 'cash' as const, amountFen: 500, receivedFen: 1_000, changeFen: 500 } };
const mixedDue = { phase: 'idle' as const, progress: msg('checkout.mixedDue', { cashFen: 1_100, dueFen: 900 }) };
const saleView = { phase: 'result' as const, method: 'scan' as const, clientSn: 'YM2', amountFen: 2_000, wallet: 'wechat' as const, result: { outcome: 'PAID' as const, message: msg('result.paidMixed', { cashFen: 1_100 }), wallet: 'wechat' as const, amountFen: 2_000 } };
const tendered = (view: typeof cashView | typeof mixedDue | typeof saleView): MState => ({ tag: 'tendered', view });
const paidResult = (att: MAttempt): MState => ({ tag: 'result', att, result: { outcome: 'PAID', message: msg('result.paid'), amountFen: att.amountFen } });

const paid = (fen: number): OrderState => ({ kind: 'paid', data: order('PAID', { totalFen: fen, wallet: 'alipay', sn: 'SN9' }) });
const pending: OrderState = { kind: 'pending' };
const notFound: OrderState = { kind: 'not_found' };
const unknown: OrderState = { kind: 'unknown', message: msg('platform.timeout') };
const canceled: OrderState = { kind: 'canceled', expired: false, message: msg('result.canceledByCustomer') };
const expired: OrderState = { kind: 'canceled', expired: true, message: msg('result.qrExpired') };
const failed: OrderState = { kind: 'failed', message: msg('platform.payFailed') };

const startQr: MEvent = { type: 'START_QR', clientSn: 'YM1', amountFen: 1230, now: T0, windowMs: 240_000, operator: 'op', subject: 'shop' };
const startScan: MEvent = { type: 'START_SCAN', clientSn: 'YM2', amountFen: 900, now: T0, windowMs: 45_000, operator: 'op', subject: 'shop', code: '134567890123456712', wallet: 'wechat', codeMasked: '1345****6712' };
const jfail: MEvent = { type: 'JOURNAL_FAILED', reason: msg('journal.diskFull'), detail: 'ENOSPC' };

type Row = [name: string, from: MState, event: MEvent, to: MState['tag'], effects: string[], outcome?: string];

/** Effect types in order; a journal effect names its record type. */
const kinds = (effects: MEffect[]): string[] => effects.map((e) => (e.type === 'journal' ? `journal:${e.body.type}` : e.type));

const rows: Row[] = [
  // ── starting: the client_sn on disk before anything is sent ──
  ['QR start journals ATTEMPT_CREATED first, sends nothing', idle, startQr, 'journaling', ['journal:ATTEMPT_CREATED']],
  ['scan start journals ATTEMPT_CREATED first, sends nothing', idle, startScan, 'journaling', ['journal:ATTEMPT_CREATED']],
  ['a new start after a result is allowed', paidResult(qrAtt), startQr, 'journaling', ['journal:ATTEMPT_CREATED']],
  ['start while another payment runs → BUSY', waiting(shownQr), startQr, 'waiting', ['refuse']],
  ['start while closing → BUSY', closing(scanAtt, 'cashier'), startScan, 'closing', ['refuse']],
  ['start during recovery → RECOVERING', recovering, startQr, 'recovering', ['refuse']],
  ['unified QR journaled → ask for the QR (no REQUEST_SENT: built locally at 收钱吧)', journaling(qrAtt), { type: 'JOURNALED' }, 'requesting', ['show', 'requestQr']],
  ['per-wallet QR journaled → REQUEST_SENT marker, then precreate', journaling(walletQr), { type: 'JOURNALED' }, 'requesting', ['show', 'markSent', 'requestQr']],
  ['scan journaled → REQUEST_SENT marker, then pay', journaling(scanAtt, '134567890123456712'), { type: 'JOURNALED' }, 'requesting', ['show', 'markSent', 'pay']],
  ['ATTEMPT_CREATED not written → refused, nothing sent, back to idle', journaling(scanAtt, '1345'), jfail, 'idle', ['refuse']],

  // ── QR ──
  ['QR answer → QR_READY journaled before it is shown', requesting(qrAtt), { type: 'QR_ANSWER', answer: { kind: 'qr', qrCode: 'https://qr/x' } }, 'qr_journaling', ['journal:QR_READY']],
  ['QR_READY on disk → shown, polling starts', { tag: 'qr_journaling', att: shownQr }, { type: 'JOURNALED' }, 'waiting', ['show', 'startPoll']],
  ['QR_READY not written → never shown, 需人工确认', { tag: 'qr_journaling', att: shownQr }, jfail, 'result', ['journal:NEEDS_ATTENTION', 'show'], 'NEEDS_ATTENTION'],
  ['QR refused by the platform → 支付失败 (nothing to cancel)', requesting(qrAtt), { type: 'QR_ANSWER', answer: { kind: 'failed', message: msg('platform.createFailed') } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'FAILED'],
  ['QR answer unknown → query → close, never a guess', requesting(qrAtt), { type: 'QR_ANSWER', answer: { kind: 'unknown', message: msg('platform.timeout') } }, 'closing', ['show', 'closeOut']],
  ['poll: still unpaid → keep waiting, nothing else', waiting(shownQr), { type: 'POLL_ANSWER', state: pending }, 'waiting', []],
  ['poll: unified QR nobody opened (not found) → keep waiting', waiting(shownQr), { type: 'POLL_ANSWER', state: notFound }, 'waiting', []],
  ['poll: query failed → keep waiting (the poller backs off)', waiting(shownQr), { type: 'POLL_ANSWER', state: unknown }, 'waiting', []],
  ['poll: PAID for the amount asked → 支付成功, journaled first', waiting(shownQr), { type: 'POLL_ANSWER', state: paid(1230) }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'PAID'],
  ['poll: PAID for another amount → 需人工确认, never 支付成功', waiting(shownQr), { type: 'POLL_ANSWER', state: paid(1200) }, 'result', ['journal:NEEDS_ATTENTION', 'show'], 'NEEDS_ATTENTION'],
  ['poll: expired at the platform → 已过期, watched for a late payment', waiting(shownQr), { type: 'POLL_ANSWER', state: expired }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final', 'watchLate'], 'EXPIRED'],
  ['poll: customer cancelled in the wallet → 已取消, watched', waiting(shownQr), { type: 'POLL_ANSWER', state: canceled }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final', 'watchLate'], 'CANCELED'],
  ['QR window over (or the platform\'s 10 queries) → close the order', waiting(shownQr), { type: 'POLL_ENDED', end: 'deadline' }, 'closing', ['show', 'closeOut']],
  ['招商银行 10 unpaid queries → close the order', waiting(shownQr), { type: 'POLL_ENDED', end: 'exhausted' }, 'closing', ['show', 'closeOut']],
  ['cashier cancels a waiting QR → stop polling, query → close', waiting(shownQr), { type: 'CANCEL_PRESSED' }, 'closing', ['show', 'stopPoll', 'closeOut']],
  ['expired close-out: nothing at the platform → 已过期, watched', closing(shownQr, 'expired'), { type: 'CLOSE_OUT_DONE', res: { kind: 'not_found' } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final', 'watchLate'], 'EXPIRED'],
  ['cashier close-out: nothing at the platform → 已取消, watched', closing(shownQr, 'cashier'), { type: 'CLOSE_OUT_DONE', res: { kind: 'not_found' } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final', 'watchLate'], 'CANCELED'],
  ['QR never shown, no order → 支付失败, not watched', closing(qrAtt, 'cashier'), { type: 'CLOSE_OUT_DONE', res: { kind: 'not_found' } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'FAILED'],
  ['expired close-out closed it → 已过期 (订单已关闭), watched', closing(shownQr, 'expired'), { type: 'CLOSE_OUT_DONE', res: { kind: 'canceled', message: msg('result.reversed'), expired: false } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final', 'watchLate'], 'EXPIRED'],
  ['late payment found by the close-out query → 支付成功 (it was paid)', closing(shownQr, 'cashier'), { type: 'CLOSE_OUT_DONE', res: { kind: 'paid', state: paid(1230) as Extract<OrderState, { kind: 'paid' }> } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'PAID'],
  ['QR answer arriving after the cashier cancelled is ignored', closing(qrAtt, 'cashier'), { type: 'QR_ANSWER', answer: { kind: 'qr', qrCode: 'https://qr/late' } }, 'closing', []],

  // ── payment code (付款码) ──
  ['pay: PAID → 支付成功', requesting(scanAtt), { type: 'PAY_ANSWER', state: { kind: 'paid', data: order('PAID', { totalFen: 900 }) } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'PAID'],
  ['pay: in progress (password) → poll', requesting(scanAtt), { type: 'PAY_ANSWER', state: pending }, 'waiting', ['show', 'startPoll']],
  ['pay: unknown (timeout, SYSTERM_ERROR) → poll to learn, never a guess', requesting(scanAtt), { type: 'PAY_ANSWER', state: unknown }, 'waiting', ['show', 'startPoll']],
  ['pay: failed (balance) → 支付失败, refresh the code', requesting(scanAtt), { type: 'PAY_ANSWER', state: failed }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'FAILED'],
  ['pay: PAID for another amount → 需人工确认', requesting(scanAtt), { type: 'PAY_ANSWER', state: paid(1) }, 'result', ['journal:NEEDS_ATTENTION', 'show'], 'NEEDS_ATTENTION'],
  ['scan window over → query → cancel', waiting(scanAtt), { type: 'POLL_ENDED', end: 'deadline' }, 'closing', ['show', 'closeOut']],
  ['cashier cancels while pay is in flight → query → cancel', requesting(scanAtt), { type: 'CANCEL_PRESSED' }, 'closing', ['show', 'closeOut']],
  ['pay answer after the cancel began is ignored (the close-out decides)', closing(scanAtt, 'cashier'), { type: 'PAY_ANSWER', state: paid(900) }, 'closing', []],
  ['window-end cancel done → 已撤销, refresh the code; not watched (no QR)', closing(scanAtt, 'window_end'), { type: 'CLOSE_OUT_DONE', res: { kind: 'canceled', message: msg('result.reversed'), expired: false } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'CANCELED'],
  ['close-out still unclear → 需人工确认 (never 支付成功)', closing(scanAtt, 'cashier'), { type: 'CLOSE_OUT_DONE', res: { kind: 'unknown', message: msg('platform.timeout') } }, 'result', ['journal:NEEDS_ATTENTION', 'show'], 'NEEDS_ATTENTION'],
  ['CANCEL_REQUESTED not written → no cancel sent, 需人工确认', closing(scanAtt, 'cashier'), { type: 'CLOSE_OUT_JOURNAL_FAILED', reason: msg('journal.diskFull'), detail: 'ENOSPC' }, 'result', ['journal:NEEDS_ATTENTION', 'show'], 'NEEDS_ATTENTION'],
  ['需人工确认 → 再次查询 runs the close-out again', needs(scanAtt), { type: 'QUERY_AGAIN' }, 'closing', ['show', 'closeOut']],
  ['再次查询 on a final result does nothing', paidResult(scanAtt), { type: 'QUERY_AGAIN' }, 'result', []],

  // ── mixed tender (the wallet part of a cash + wallet sale) ──
  ['mixed: the wallet part paid → final names the sale', requesting(saleAtt), { type: 'PAY_ANSWER', state: { kind: 'paid', data: order('PAID', { totalFen: 900 }) } }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'PAID'],
  ['mixed: the wallet part failed → final names the sale (the cash stays)', requesting(saleAtt), { type: 'PAY_ANSWER', state: failed }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'FAILED'],

  // ── cash tender: its screen comes from the cash sale (CASH_SALE already on disk) ──
  ['cash sale journaled → its screen (change to give)', idle, { type: 'TENDERED', view: cashView }, 'tendered', ['show']],
  ['a cash sale after a wallet result', paidResult(scanAtt), { type: 'TENDERED', view: cashView }, 'tendered', ['show']],
  ['cash while a wallet payment runs → BUSY', waiting(shownQr), { type: 'TENDERED', view: cashView }, 'waiting', ['refuse']],
  ['cash during recovery → RECOVERING', recovering, { type: 'TENDERED', view: cashView }, 'recovering', ['refuse']],
  ['a wallet payment may start from a cash screen', tendered(cashView), startScan, 'journaling', ['journal:ATTEMPT_CREATED']],
  ['the cash part of a mixed sale: the keypad says what is still due', idle, { type: 'TENDERED', view: mixedDue }, 'tendered', ['show']],
  ['mixed sale paid by its wallet part → the whole sale replaces that result', paidResult(saleAtt), { type: 'PRESENTED', view: saleView }, 'tendered', ['show']],
  ['a sale view for another attempt is not shown', paidResult(qrAtt), { type: 'PRESENTED', view: saleView }, 'result', []],
  ['a sale view while the wallet part still runs is not shown', waiting(saleAtt), { type: 'PRESENTED', view: saleView }, 'waiting', []],
  ['dismiss a cash result → keypad', tendered(cashView), { type: 'DISMISS', recovering: false }, 'idle', ['show']],
  ['dismiss keeps the mixed sale\'s amount-due screen', tendered(mixedDue), { type: 'DISMISS', recovering: false }, 'tendered', []],
  ['recovery can start from a cash screen', tendered(cashView), { type: 'RECOVERING', on: true }, 'recovering', ['show']],

  // ── after a restart ──
  ['resume: it was paid meanwhile → 支付成功 (recovered)', idle, { type: 'RESUME', att: shownQr, foreground: true, state: paid(1230), now: T0 + 10_000 }, 'result', ['journal:PAYMENT_FINAL', 'show', 'final'], 'PAID'],
  ['resume: QR still inside its window → back on screen, polling', idle, { type: 'RESUME', att: shownQr, foreground: true, state: notFound, now: T0 + 10_000 }, 'waiting', ['show', 'startPoll']],
  ['resume: payment code still in progress → 正在确认, polling', idle, { type: 'RESUME', att: scanAtt, foreground: true, state: pending, now: T0 + 10_000 }, 'waiting', ['show', 'startPoll']],
  ['resume: window over → query → cancel', idle, { type: 'RESUME', att: scanAtt, foreground: true, state: pending, now: T0 + 50_000 }, 'closing', ['show', 'closeOut']],
  ['resume: query failed → query → cancel, never a guess', idle, { type: 'RESUME', att: shownQr, foreground: true, state: unknown, now: T0 + 10_000 }, 'closing', ['show', 'closeOut']],
  ['resume: QR never shown → query → close', idle, { type: 'RESUME', att: qrAtt, foreground: true, state: pending, now: T0 + 10_000 }, 'closing', ['show', 'closeOut']],
  ['resume in the background: finished without taking the screen', recovering, { type: 'RESUME', att: scanAtt, foreground: false, state: pending, now: T0 + 10_000 }, 'closing', ['closeOut']],
  ['background resume that was paid: journaled and final, not shown', recovering, { type: 'RESUME', att: scanAtt, foreground: false, state: { kind: 'paid', data: order('PAID', { totalFen: 900 }) }, now: T0 }, 'result', ['journal:PAYMENT_FINAL', 'final'], 'PAID'],

  // ── screen ──
  ['dismiss a result → keypad', paidResult(qrAtt), { type: 'DISMISS', recovering: false }, 'idle', ['show']],
  ['dismiss during recovery → recovering', paidResult(qrAtt), { type: 'DISMISS', recovering: true }, 'recovering', ['show']],
  ['dismiss while waiting does nothing', waiting(shownQr), { type: 'DISMISS', recovering: false }, 'waiting', []],
  ['recovery starts', idle, { type: 'RECOVERING', on: true }, 'recovering', ['show']],
  ['recovery ends', recovering, { type: 'RECOVERING', on: false }, 'idle', ['show']],
  ['PAYMENT_FINAL not saved → the result stands with a warning', paidResult(qrAtt), { type: 'FINAL_NOT_SAVED', reason: msg('journal.diskFull') }, 'result', []],
];

describe('checkout machine: state + event → state + effects', () => {
  it.each(rows)('%s', (_name, from, event, to, effects, outcome) => {
    const step = transition(from, event);
    expect(step.state.tag).toBe(to);
    expect(kinds(step.effects)).toEqual(effects);
    if (outcome) expect(step.state.tag === 'result' && step.state.result.outcome).toBe(outcome);
  });

  it('covers every state and every event at least once', () => {
    const states = new Set(rows.map((r) => r[1].tag));
    const events = new Set(rows.map((r) => r[2].type));
    expect([...states].sort()).toEqual(['closing', 'idle', 'journaling', 'qr_journaling', 'recovering', 'requesting', 'result', 'tendered', 'waiting']);
    expect([...events].sort()).toEqual(['CANCEL_PRESSED', 'CLOSE_OUT_DONE', 'CLOSE_OUT_JOURNAL_FAILED', 'DISMISS', 'FINAL_NOT_SAVED', 'JOURNALED', 'JOURNAL_FAILED',
      'PAY_ANSWER', 'POLL_ANSWER', 'POLL_ENDED', 'PRESENTED', 'QR_ANSWER', 'QUERY_AGAIN', 'RECOVERING', 'RESUME', 'START_QR', 'START_SCAN', 'TENDERED']);
  });

  it('asks for every kind of effect somewhere', () => {
    const asked = new Set(rows.flatMap(([, from, event]) => transition(from, event).effects.map((e) => e.type)));
    expect([...asked].sort()).toEqual(['closeOut', 'final', 'journal', 'markSent', 'pay', 'refuse', 'requestQr', 'show', 'startPoll', 'stopPoll', 'watchLate']);
  });
});

describe('never guess', () => {
  it('no row shows 支付成功 unless the platform said PAID for the amount asked', () => {
    for (const [name, from, event] of rows) {
      const step = transition(from, event);
      if (step.state.tag !== 'result' || step.state.result.outcome !== 'PAID' || from.tag === 'result') continue;
      const said = event.type === 'POLL_ANSWER' || event.type === 'PAY_ANSWER' || event.type === 'RESUME' ? event.state
        : event.type === 'CLOSE_OUT_DONE' && event.res.kind === 'paid' ? event.res.state : null;
      expect(said?.kind, name).toBe('paid');
      expect(said?.kind === 'paid' && said.data.totalFen, name).toBe(step.state.att.amountFen);
    }
  });

  it('the first effect of a start is the journal; a network effect only comes after JOURNALED', () => {
    for (const start of [startQr, startScan]) {
      const first = transition(idle, start);
      expect(first.effects.map((e) => e.type)).toEqual(['journal']);
      expect(first.effects[0]).toMatchObject({ body: { type: 'ATTEMPT_CREATED', clientSn: start.clientSn, amountFen: start.amountFen, operator: 'op' } });
      const sent = transition(first.state, { type: 'JOURNALED' });
      const call = sent.effects.find((e) => e.type === 'requestQr' || e.type === 'pay');
      expect(call).toMatchObject({ clientSn: start.clientSn, amountFen: start.amountFen });
    }
  });

  it('the QR is not on screen until QR_READY is on disk; the view is derived from the state', () => {
    const answered = transition(requesting(qrAtt), { type: 'QR_ANSWER', answer: { kind: 'qr', qrCode: 'https://qr/x', sn: '77' } });
    expect(viewOf(answered.state, T0)).toMatchObject({ phase: 'creating' });
    expect(viewOf(answered.state, T0).qrCode).toBeUndefined();
    const shownStep = transition(answered.state, { type: 'JOURNALED' });
    expect(viewOf(shownStep.state, T0 + 5)).toMatchObject({ phase: 'waiting', qrCode: 'https://qr/x', expiresAt: T0 + 240_000, serverNow: T0 + 5 });
    expect(viewOf(transition(waiting(shownQr), { type: 'CANCEL_PRESSED' }).state, T0)).toMatchObject({ phase: 'cancelling', progress: { code: 'checkout.reversing' } });
    expect(viewOf(paidResult(qrAtt), T0)).toMatchObject({ phase: 'result', result: { outcome: 'PAID' } });
    expect(viewOf(idle, T0)).toEqual({ phase: 'idle', serverNow: T0 });
    expect(viewOf(tendered(cashView), T0 + 7)).toEqual({ ...cashView, serverNow: T0 + 7 });
  });

  it('final effects carry what the receipt, the mixed sale and recovery need', () => {
    const step = transition(requesting(saleAtt), { type: 'PAY_ANSWER', state: { kind: 'paid', data: order('PAID', { totalFen: 900, sn: 'SN5', wallet: 'wechat' }) } });
    expect(step.effects.find((e) => e.type === 'final')).toEqual({ type: 'final', clientSn: 'YM2', outcome: 'PAID', amountFen: 900, wallet: 'wechat', sn: 'SN5', method: 'scan', recovered: false, codeMasked: '1345****6712', saleId: 'S1' });
    const resumed = transition(idle, { type: 'RESUME', att: scanAtt, foreground: true, state: { kind: 'paid', data: order('PAID', { totalFen: 900 }) }, now: T0 });
    expect(resumed.effects[0]).toMatchObject({ type: 'journal', body: { type: 'PAYMENT_FINAL', recovered: true } });
  });

  it('a PAYMENT_FINAL that could not be saved keeps the outcome and adds the warning', () => {
    const step = transition(paidResult(qrAtt), { type: 'FINAL_NOT_SAVED', reason: msg('journal.diskFull') });
    expect(step.state).toMatchObject({ tag: 'result', result: { outcome: 'PAID', message: { code: 'result.journalWarning' } } });
  });
});
