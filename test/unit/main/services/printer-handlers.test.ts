import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { createFileTransport, createPrintQueue, type PrintQueue } from '../../../../main/devices/printer';
import { openJournal, type Journal } from '../../../../main/journal';
import { openSettings, type SettingsHandle } from '../../../../main/settings/settings-store';
import { createDispatch, type Handlers } from '../../../../main/services/dispatch';
import { EventBus } from '../../../../main/services/event-bus';
import { printerHandlers } from '../../../../main/services/printer-handlers';

const NOW = Date.UTC(2024, 4, 1, 5, 45, 9);
const clock = { now: () => NOW };

let dir: string;
let journal: Journal;
let settings: SettingsHandle;
let queue: PrintQueue;
let sink: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'yima-printer-handlers-'));
  sink = join(dir, 'sink');
  mkdirSync(sink);
  journal = await openJournal({ dir: join(dir, 'journal'), clock: () => NOW });
  settings = openSettings(dir, (o) => ({ store: {}, path: join(o.cwd, `${o.configName}.json`) }), () => NOW);
  queue = await createPrintQueue({ dir: join(dir, 'queue'), transport: createFileTransport({ dir: sink }), clock, width: 32 });
  await journal.append({ type: 'ATTEMPT_CREATED', clientSn: 'C-PAID', method: 'qr', amountFen: 1230, operator: '张三', subject: 's', windowMs: 1000 });
  await journal.append({ type: 'PAYMENT_FINAL', clientSn: 'C-PAID', outcome: 'PAID', amountFen: 1230, sn: '7894259244096188', wallet: 'wechat' });
  await journal.append({ type: 'ATTEMPT_CREATED', clientSn: 'C-FAIL', method: 'qr', amountFen: 500, operator: '张三', subject: 's', windowMs: 1000 });
  await journal.append({ type: 'PAYMENT_FINAL', clientSn: 'C-FAIL', outcome: 'FAILED', amountFen: 500 });
});

afterEach(async () => {
  await queue.close();
  await journal.close();
  await rm(dir, { recursive: true, force: true });
});

const dispatchWith = (printer: PrintQueue | null) => createDispatch(printerHandlers({ printer, journal, settings, clock, bus: new EventBus(), printerSpec: `file:${sink}` }) as Handlers);
const printed = async () => Promise.all((await readdir(sink)).sort().map(async (f) => iconv.decode(await readFile(join(sink, f)), 'gbk')));

describe('printer handlers', () => {
  it('previews the sale receipt of a paid order as padded lines plus the QR', async () => {
    const env = await dispatchWith(queue)('receiptPreview', { clientSn: 'C-PAID' });
    expect(env.ok).toBe(true);
    const preview = (env as { value: { columns: number; lines: { kind: string; text?: string; data?: string }[] } }).value;
    expect(preview.columns).toBe(32);
    const texts = preview.lines.filter((l) => l.kind === 'text').map((l) => l.text!);
    expect(texts).toContain('收银员                      张三');
    expect(texts.some((t) => t.includes('￥12.30'))).toBe(true);
    expect(texts.some((t) => t.includes('重打印'))).toBe(false);
    expect(preview.lines.filter((l) => l.kind === 'qr')).toEqual([{ kind: 'qr', data: '7894259244096188' }]);
  });

  it('reprints a paid order marked 重打印, and refuses orders without a receipt', async () => {
    const dispatch = dispatchWith(queue);
    expect(await dispatch('reprint', { clientSn: 'C-FAIL' })).toEqual({ ok: false, error: { code: 'REFUSED', message: '只有支付成功的订单才有小票', msg: '只有支付成功的订单才有小票' } });
    expect(await dispatch('reprint', { clientSn: 'NOPE' })).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
    expect(await dispatch('reprint', { clientSn: 'C-PAID' })).toMatchObject({ ok: true });
    await queue.idle();
    const [copy] = await printed();
    expect(copy).toContain('重打印 REPRINT');
    expect(copy).toContain('7894259244096188');
  });

  it('queues a test page and lists the queue', async () => {
    const dispatch = dispatchWith(queue);
    expect(await dispatch('testPrint', {})).toMatchObject({ ok: true });
    await queue.idle();
    expect((await printed())[0]).toContain('打印机测试页');
    const env = await dispatch('printQueue', {});
    expect(env).toMatchObject({ ok: true, value: { configured: true, printer: `file:${sink}`, state: 'ok', pending: 0, jobs: [{ kind: 'test', state: 'done' }] } });
  });

  it('shows why held jobs wait, and says so when no printer is set up', async () => {
    await rm(sink, { recursive: true });
    const dispatch = dispatchWith(queue);
    await dispatch('testPrint', {});
    await queue.idle();
    const env = await dispatch('printQueue', {});
    expect(env).toMatchObject({ ok: true, value: { state: 'offline', pending: 1, jobs: [{ state: 'pending', error: expect.stringContaining('打印机离线') }] } });
    const none = dispatchWith(null);
    expect(await none('printQueue', {})).toMatchObject({ ok: true, value: { configured: false, state: 'not_configured', jobs: [] } });
    expect(await none('testPrint', {})).toMatchObject({ ok: false, error: { code: 'REFUSED' } });
  });
});
