/**
 * Results main sends to the screen, read in English: the places where Chinese used to slip through
 * a message's text parameter (a driver's statement problem, a zod issue of the settings schema, a
 * bad head-office address, a serial port's label, a QR the printer refused). Each is produced by
 * the real main-process code and worded with the renderer's catalogue, as the manager or the
 * engineer would read it with the English switch on.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fetchStatement, parseBill, type HttpGet } from '../../../../main/aggregator/cmb/statement';
import type { CmbAnswer, CmbClient } from '../../../../main/aggregator/cmb/client';
import type { CmbConfig } from '../../../../main/aggregator/cmb/config';
import { reconcileView, type DayReconciliation } from '../../../../main/manager/reconcile-day';
import { openSettings, type ConfFactory } from '../../../../main/settings/settings-store';
import { DEFAULT_SETTINGS } from '../../../../main/settings/schema';
import { parseSettingsImport } from '../../../../main/settings/settings-transfer';
import { parseHqUrl } from '../../../../main/sync/pg-connect';
import { probeHq } from '../../../../main/sync/hq-probe';
import { portViews } from '../../../../main/services/engineer-devices';
import { qrPayload } from '../../../../main/devices/printer/escpos-encoder';
import { translateMsg } from '../../../../renderer/src/i18n';
import { msg, type Msg } from '../../../../preload/messages';
import { createCmbDriver } from '../../../../main/aggregator/cmb/driver';
import { sandboxCmbConfig } from '../../../../main/aggregator/cmb/sandbox-config';
import { activationFailureMsg, platformSaid } from '../../../../main/aggregator/platform-msg';
import { interpretRefund } from '../../../../main/refunds/interpret-refund';

const CJK = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;
const en = (m: Msg) => translateMsg('en', m);
const zh = (m: Msg) => translateMsg('zh-CN', m);

/** English with no Chinese character nor full-width punctuation; the Chinese wording is kept. */
function expectEnglish(m: Msg, englishPart: RegExp, chinesePart: RegExp): void {
  expect(en(m), `${m.code} in English`).not.toMatch(CJK);
  expect(en(m)).toMatch(englishPart);
  expect(zh(m)).toMatch(chinesePart);
}

describe('the bank statement problem beside 对账 (aggregator/cmb/statement.ts → reconcile view)', () => {
  const config = { merId: 'M1' } as CmbConfig;
  const client = (a: CmbAnswer): CmbClient => ({ post: () => Promise.resolve(a) });
  const answer = (biz: Record<string, string>, extra: Partial<CmbAnswer> = {}): CmbAnswer => ({ kind: 'answer', returnCode: 'SUCCESS', respCode: 'SUCCESS', biz, ...extra } as CmbAnswer);
  const get = (status: number, body: string | Buffer): HttpGet => () => Promise.resolve({ status, body: Buffer.isBuffer(body) ? body : Buffer.from(body) });
  const problemOf = async (o: { client: CmbClient; httpGet?: HttpGet }): Promise<Msg> => {
    const st = await fetchStatement({ ...o, config, day: '2026-03-10', timeoutMs: 1000 });
    if (st.ok) throw new Error('expected a statement problem');
    // The screen's view, as the manager's reconciliation panel receives it.
    const view = reconcileView({ day: '2026-03-10', source: 'query', items: [], statementProblem: st.message } as unknown as DayReconciliation);
    return view.statementProblem!;
  };

  it('no answer from the bank, the bank has no bill yet, no address, a failed download, a binary file', async () => {
    expectEnglish(await problemOf({ client: client({ kind: 'unknown', reason: 'timeout', message: '网络错误，结果未知' }) }), /address could not be fetched: The request timed out/, /对账单地址获取失败：请求超时/);
    expectEnglish(await problemOf({ client: client(answer({}, { respCode: 'FAIL', errCode: 'BILL_NOT_EXIST', respMsg: 'bill not ready' })) }), /does not offer this day's statement yet \(BILL_NOT_EXIST bill not ready\)/, /银行暂不提供该日对账单/);
    expectEnglish(await problemOf({ client: client(answer({})) }), /no statement address \(fileDownloadUrl\)/, /缺少对账单地址/);
    expectEnglish(await problemOf({ client: client(answer({ fileDownloadUrl: 'https://bank.example/b.csv' })), httpGet: get(404, '') }), /download failed: HTTP 404/, /对账单下载失败：HTTP 404/);
    expectEnglish(await problemOf({ client: client(answer({ fileDownloadUrl: 'https://bank.example/b.zip' })), httpGet: get(200, Buffer.from([0x50, 0x4b, 3, 4])) }), /is a zip\/xlsx file, not supported yet/, /不支持/);
    expectEnglish(await problemOf({ client: { post: () => Promise.reject(new Error('socket hang up')) } }), /fetching the statement failed: socket hang up/, /对账单获取异常/);
  });

  it("a bill missing a column names the bank's column (the file's own word) inside an English sentence", () => {
    const bill = parseBill('交易日期,金额\n20260310,1\n');
    if (bill.ok) throw new Error('expected a refusal');
    expect(en(bill.message)).toBe('the bank\'s statement has no column "交易时间"');
    expect(en(bill.message).replace('交易时间', '')).not.toMatch(CJK);
  });
});

describe('settings refused by the schema (zod issues carry a message code)', () => {
  let dir: string;
  beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yima-en-')); });
  afterEach(async () => { await rm(dir, { recursive: true, force: true }); });
  const factory: ConfFactory = (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as ReturnType<ConfFactory>;

  it('an unsupported baud rate and a head-office address with a password, saved or imported', () => {
    const s = openSettings(dir, factory, () => 1);
    const baud = s.update((cur) => ({ ...cur, scanner: { ...cur.scanner, baudRate: 12345 } }));
    if (baud.ok) throw new Error('expected a refusal');
    expectEnglish(baud.message, /^scanner\.baudRate: .*1200 \/ 2400/, /波特率须为/);
    const hq = parseSettingsImport(JSON.stringify({ ...DEFAULT_SETTINGS, hq: { enabled: true, url: 'postgres://r:secret@h/db', storeId: 's1', storeName: '' } }));
    if (hq.ok) throw new Error('expected a refusal');
    expectEnglish(hq.message, /hq\.url/, /总部数据库地址须为/);
  });
});

describe('head-office address (status bar tooltip, engineer test button)', () => {
  it('a bad address is a message code, in the bar and in the connection test', async () => {
    for (const url of ['not a url', 'http://h/db', 'postgres://h/db', 'postgres://r@h/db?sslmode=allow']) {
      const p = parseHqUrl(url);
      if (p.ok) throw new Error(`expected ${url} refused`);
      expect(en(p.message), url).not.toMatch(CJK);
      expect(zh(p.message), url).toMatch(/总部数据库地址|sslmode/);
    }
    expect(await probeHq('postgres://h/db', 'pw', 's1', { clock: () => 0 })).toEqual({ kind: 'badUrl', message: { code: 'hq.urlNoUser' } });
  });
});

describe('devices', () => {
  it("a serial port's label uses ASCII brackets (it is a value, the same in both languages)", async () => {
    const ports = await portViews({
      extraDirs: [], configured: '', log: () => undefined,
      list: () => Promise.resolve([{ path: '/dev/ttyUSB0', manufacturer: 'FTDI', vendorId: '0403', productId: '6001', source: 'serialport' as const }]),
    });
    expect(ports.map((p) => p.label)).toEqual(['/dev/ttyUSB0 (FTDI 0403:6001)']);
  });

  it('a QR the printer cannot print says why without Chinese, even when the data is Chinese', () => {
    for (const data of ['单号12', '', 'x'.repeat(513)]) {
      let why = '';
      try { qrPayload(data); } catch (e) { why = (e as Error).message; }
      expect(why, JSON.stringify(data)).toMatch(/^QR data /);
      expect(why).not.toMatch(CJK);
    }
    expect(() => qrPayload('单号12')).toThrow('U+5355 at position 1');
  });
});

describe("the drivers' own refusals (not the platform's words) are the app's words", () => {
  const d = createCmbDriver({ config: sandboxCmbConfig('http://127.0.0.1:9', 60), clock: () => 0, timeoutMs: 1000 });

  it('CMB cannot void (the manager is told to refund) and needs no activation (the engineer is told what to fill in)', async () => {
    const voidAnswer = interpretRefund(await d.revoke({ clientSn: 'c1' }), 'void');
    expect(voidAnswer).toMatchObject({ kind: 'failed' });
    expectEnglish((voidAnswer as { message: Msg }).message, /cannot void a paid order; refund it instead/, /不能撤销已支付的订单/);
    const act = await d.activate({ code: '12345678', deviceId: 'dev-1' });
    if (act.ok) throw new Error('expected a refusal');
    expectEnglish(activationFailureMsg(act), /needs no activation/, /无需激活/);
  });

  it('a bare FAIL with no text falls back to the caller\'s words; the platform\'s own text is passed on as its words', () => {
    expect(platformSaid('FAIL', '', msg('platform.payFailed'))).toEqual(msg('platform.payFailed'));
    expect(platformSaid('FAIL', '余额不足请换卡', msg('platform.payFailed'))).toEqual(msg('platform.said', { text: '余额不足请换卡' }));
  });
});
