import { describe, expect, it } from 'vitest';
import type { HttpPost } from '../../../../../main/aggregator/upay/http';
import { makeDriver, runFixture } from './harness';
import { NEW_KEY, TERMINAL, VENDOR, loadFixture, md5Hex, memoryStore, type Exchange } from './replay';

const illegalSign = { status: 200, body: JSON.stringify({ result_code: '400', error_code: 'ILLEGAL_SIGN', error_message: '签名错误' }) };

describe('activate', () => {
  it('signs with the vendor sn/key and stores the terminal credentials', async () => {
    const { result, store } = await runFixture('activate-success', { creds: null });
    expect(result).toEqual({ ok: true, terminalSn: TERMINAL.terminalSn, terminalKey: TERMINAL.terminalKey });
    expect(store.get()).toEqual(TERMINAL);
  });

  it('a refused activation is definite and stores nothing', async () => {
    const { result, store } = await runFixture('activate-code-expired', { creds: null });
    expect(result).toMatchObject({ ok: false, definite: true, errorCode: 'INVALID_PARAMS' });
    expect((result as { message: string }).message).toContain('激活码已过期');
    expect(store.get()).toBeNull();
  });

  it('a lost activation answer is not definite', async () => {
    const fx = loadFixture('activate-success');
    const exchanges: Exchange[] = [{ request: fx.exchanges[0]!.request, transportError: 'timeout' }];
    const { result, store } = await runFixture('activate-success', { creds: null, exchanges });
    expect(result).toMatchObject({ ok: false, definite: false, errorCode: 'UNKNOWN_TIMEOUT' });
    expect(store.get()).toBeNull();
  });
});

describe('checkin', () => {
  it('stores the rotated key', async () => {
    const { result, store } = await runFixture('checkin-success');
    expect(result).toEqual({ ok: true, terminalSn: TERMINAL.terminalSn, terminalKey: NEW_KEY });
    expect(store.get()).toEqual({ ...TERMINAL, terminalKey: NEW_KEY });
  });

  it('lost answer → retried once with the OLD key, new key stored', async () => {
    const { result, store, sent } = await runFixture('checkin-lost-answer');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.headers.Authorization).toBe(`${TERMINAL.terminalSn} ${md5Hex(sent[1]!.body + TERMINAL.terminalKey)}`);
    expect(result).toMatchObject({ ok: true, terminalKey: NEW_KEY });
    expect(store.get()?.terminalKey).toBe(NEW_KEY);
  });

  it('both answers lost → failure that is not definite, old key kept', async () => {
    const { result, store, sent } = await runFixture('checkin-lost-twice');
    expect(sent).toHaveLength(2);
    expect(result).toMatchObject({ ok: false, definite: false, errorCode: 'CHECKIN_UNKNOWN' });
    expect((result as { message: string }).message).toContain('客服');
    expect(store.history).toHaveLength(0);
  });

  it('a refused checkin is not retried', async () => {
    const fx = loadFixture('checkin-success');
    const exchanges: Exchange[] = [{ request: fx.exchanges[0]!.request, response: illegalSign }];
    const { result, sent } = await runFixture('checkin-success', { exchanges });
    expect(sent).toHaveLength(1);
    expect(result).toMatchObject({ ok: false, definite: true, errorCode: 'ILLEGAL_SIGN' });
  });
});

describe('ILLEGAL_SIGN on a terminal call', () => {
  it('checks in, then re-sends the same body signed with the new key', async () => {
    const { result, sent, store } = await runFixture('pay-illegal-sign-retry');
    expect(result).toMatchObject({ kind: 'ok', bizCode: 'PAY_SUCCESS' });
    expect(sent.map((s) => new URL(s.url).pathname)).toEqual(['/upay/v2/pay', '/terminal/checkin', '/upay/v2/pay']);
    expect(sent[2]!.body).toBe(sent[0]!.body);
    expect(store.get()?.terminalKey).toBe(NEW_KEY);
  });

  it('retries only once: a second ILLEGAL_SIGN is returned as rejected', async () => {
    const fx = loadFixture('pay-illegal-sign-retry');
    const exchanges = fx.exchanges.map((e, i) => (i === 2 ? { ...e, response: illegalSign } : e));
    const { result, sent } = await runFixture('pay-illegal-sign-retry', { exchanges });
    expect(sent).toHaveLength(3);
    expect(result).toEqual({ kind: 'rejected', errorCode: 'ILLEGAL_SIGN', message: '签名错误' });
  });

  it('when the checkin fails the original rejection is returned and the pay is not re-sent', async () => {
    const fx = loadFixture('pay-illegal-sign-retry');
    const exchanges: Exchange[] = [fx.exchanges[0]!, { request: fx.exchanges[1]!.request, response: { status: 200, body: JSON.stringify({ result_code: '400', error_code: 'INVALID_TERMINAL', error_message: '终端不存在' }) } }];
    const { result, sent } = await runFixture('pay-illegal-sign-retry', { exchanges });
    expect(sent).toHaveLength(2);
    expect(result).toMatchObject({ kind: 'rejected', errorCode: 'ILLEGAL_SIGN' });
    expect((result as { message: string }).message).toContain('终端不存在');
  });

  it('concurrent ILLEGAL_SIGN answers share a single checkin', async () => {
    const store = memoryStore({ ...TERMINAL });
    let checkins = 0;
    const http: HttpPost = async (url, body, headers) => {
      const path = new URL(url).pathname;
      if (path === '/terminal/checkin') {
        checkins++;
        await new Promise((r) => setTimeout(r, 10));
        return { status: 200, body: JSON.stringify({ result_code: '200', biz_response: { terminal_sn: TERMINAL.terminalSn, terminal_key: NEW_KEY } }) };
      }
      if (headers.Authorization !== `${TERMINAL.terminalSn} ${md5Hex(body + NEW_KEY)}`) return illegalSign;
      return { status: 200, body: JSON.stringify({ result_code: '200', biz_response: { result_code: 'FAIL', error_code: 'UPAY_ORDER_NOT_EXISTS' } }) };
    };
    const d = makeDriver(http, store);
    const [a, b] = await Promise.all([d.query({ clientSn: 'A' }), d.query({ clientSn: 'B' })]);
    expect(checkins).toBe(1);
    expect(a).toMatchObject({ kind: 'ok', bizCode: 'FAIL' });
    expect(b).toMatchObject({ kind: 'ok', bizCode: 'FAIL' });
  });

  it('accepts a refusal delivered as HTTP 400 with the Upay envelope', async () => {
    const fx = loadFixture('pay-illegal-sign-retry');
    const exchanges = fx.exchanges.map((e, i) => (i === 0 ? { ...e, response: { ...illegalSign, status: 400 } } : e));
    const { result } = await runFixture('pay-illegal-sign-retry', { exchanges });
    expect(result).toMatchObject({ kind: 'ok', bizCode: 'PAY_SUCCESS' });
  });
});

describe('logging', () => {
  it('logs calls without keys or signatures', async () => {
    const fx = loadFixture('pay-illegal-sign-retry');
    const queue = [...fx.exchanges];
    const lines: string[] = [];
    const http: HttpPost = async () => queue.shift()!.response!;
    const d = makeDriver(http, memoryStore({ ...TERMINAL }), { log: (level, msg, fields) => lines.push(JSON.stringify([level, msg, fields])) });
    await d.pay(fx.call.args as never);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    const all = lines.join('\n');
    expect(all).toContain('/upay/v2/pay');
    for (const secret of [TERMINAL.terminalKey, NEW_KEY, VENDOR.key, md5Hex(fx.exchanges[0]!.request.body + TERMINAL.terminalKey)]) {
      expect(all).not.toContain(secret);
    }
  });
});
