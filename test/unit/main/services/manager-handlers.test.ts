/**
 * The manager's actions as the screens call them, over real parts: the sandbox over HTTP, the
 * real Upay driver, the real journal and PIN file in a temp data directory.
 */
import { walletOpens } from '../../../support/wallet-app';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import Conf from 'conf';
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { localBusinessDay } from '../../../../main/journal';
import { EventBus } from '../../../../main/services/event-bus';
import { managerHandlers } from '../../../../main/services/manager-handlers';
import { openOperators } from '../../../../main/manager/operators';
import { openSettings } from '../../../../main/settings/settings-store';
import { activatedDriver, journalIn, makeService, recordsOnDisk, requestId, sandbox, tempDir } from '../checkout/service-rig';

async function rig(dataDir?: string) {
  const { sb, ctl } = await sandbox();
  const aggregator = await activatedDriver(sb.url);
  const dir = dataDir ?? await tempDir('yima-manager-');
  const journal = await journalIn(join(dir, 'journal'));
  const settings = openSettings(dir, (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never);
  const bus = new EventBus();
  const events: unknown[] = [];
  bus.subscribe((name, payload) => { if (name === 'refundUpdate') events.push(payload); });
  const h = managerHandlers({ dataDir: dir, journal, settings, aggregator, printer: null, clock: { now: Date.now }, bus, log: () => undefined, pinCost: 1024, refundRetryDelaysMs: [20] });
  const checkout = makeService({ aggregator, journal });
  const pay = async (amountFen: number, wallet: 'wechat' | 'alipay' = 'wechat') => {
    const v = await checkout.service.startQr(amountFen, requestId());
    await walletOpens(v.qrCode!, wallet); // the customer's wallet opens the unified QR
    await ctl.walletPay({ clientSn: v.clientSn! }, wallet);
    await checkout.until((x) => x.phase === 'result' && x.clientSn === v.clientSn);
    checkout.service.dismiss();
    return v.clientSn!;
  };
  return { h, dir, journal, ctl, pay, events, records: () => recordsOnDisk(join(dir, 'journal')) };
}

describe('PINs and who did what', () => {
  it('a fresh install takes the documented default manager PIN and says it must be changed', async () => {
    const r = await rig();
    expect(await r.h.login({ role: 'manager', pin: '8888' })).toMatchObject({ ok: true, operator: { role: 'manager', name: '店长' }, mustChange: true });
    expect(await r.h.managerSession({})).toMatchObject({ operator: { name: '店长' }, defaultPins: ['cashier', 'manager', 'engineer'] });
    const pins = await readFile(join(r.dir, 'pins.json'), 'utf8');
    expect(pins).not.toContain('8888');
    expect(pins).toContain('scrypt$');
  });

  it('wrong PINs are journaled without the PIN; the 5th locks the manager for 60 s', async () => {
    const r = await rig();
    for (let i = 4; i >= 1; i--) expect(await r.h.verifyPin({ role: 'manager', pin: '1234' })).toMatchObject({ ok: false, reason: 'wrong', remainingTries: i });
    expect(await r.h.verifyPin({ role: 'manager', pin: '1234' })).toMatchObject({ ok: false, reason: 'locked', lockedForMs: 60_000 });
    expect(await r.h.closeShift({ pin: '8888' })).toMatchObject({ ok: false, auth: { reason: 'locked' } });
    const actions = (await r.records()).filter((x) => x.type === 'OPERATOR_ACTION');
    expect(actions.map((x) => 'action' in x && x.action)).toEqual(['pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_wrong', 'pin_locked', 'pin_locked']);
    expect(JSON.stringify(actions)).not.toContain('1234');
  });

  it('a PIN can be changed with the old one; the default then stops working', async () => {
    const r = await rig();
    expect(await r.h.changePin({ role: 'manager', name: '王店长', oldPin: '8888', pin: '2468' })).toMatchObject({ ok: true });
    expect(await r.h.verifyPin({ role: 'manager', pin: '8888' })).toMatchObject({ ok: false });
    expect(await r.h.verifyPin({ role: 'manager', pin: '2468' })).toMatchObject({ ok: true, operator: { name: '王店长' }, mustChange: false });
  });
});

describe('refunds, totals and search through the handlers', () => {
  it('refund needs the manager PIN; the manager is the refund operator and the net drops', async () => {
    const r = await rig();
    const sn = await r.pay(1000);
    expect(await r.h.refund({ clientSn: sn, amount: '3', pin: '0000' })).toMatchObject({ ok: false, auth: { reason: 'wrong' } });
    expect(r.journal.orders.get(sn)?.refunds).toEqual([]);
    expect(await r.h.refund({ clientSn: sn, amount: '3', pin: '8888' })).toMatchObject({ ok: true, value: { status: 'refunded', amountFen: 300 } });
    expect(r.events).toEqual([expect.objectContaining({ clientSn: sn, status: 'refunded' })]);
    const totals = await r.h.totals({});
    expect(totals).toMatchObject({ count: 1, paidFen: 1000, refundFen: 300, netFen: 700 });
    expect(totals.byOperator['店长']).toMatchObject({ refundFen: 300 });
    expect(await r.h.orderDetail({ clientSn: sn })).toMatchObject({ refundableFen: 700, refundedFen: 300, voidRefusal: expect.stringContaining('已有退款') });
  });

  it('searches by amount, wallet and a part of the order number', async () => {
    const r = await rig();
    const a = await r.pay(1230, 'alipay');
    await r.pay(500, 'wechat');
    expect((await r.h.searchOrders({ amount: '12.30' })).orders.map((o) => o.clientSn)).toEqual([a]);
    expect((await r.h.searchOrders({ wallet: 'wechat' })).total).toBe(1);
    expect((await r.h.searchOrders({ orderNo: a.slice(-8) })).orders.map((o) => o.clientSn)).toEqual([a]);
    expect((await r.h.searchOrders({ day: localBusinessDay(Date.now()), status: 'paid' })).total).toBe(2);
  });
});

describe('shift close, reconciliation, export', () => {
  it('Z numbers go on after a restart (read back from the journal)', async () => {
    const dir = await tempDir('yima-manager-');
    const first = await rig(dir);
    await first.pay(700);
    const z1 = await first.h.closeShift({ pin: '8888' });
    expect(z1).toMatchObject({ ok: true, value: { report: { zNo: 1, totals: { count: 1, paidFen: 700 } }, printed: false } });
    await first.journal.close();
    const again = await rig(dir);
    expect(await again.h.xReport({})).toMatchObject({ nextZNo: 2, totals: { count: 0 } });
    expect(await again.h.closeShift({ pin: '8888' })).toMatchObject({ ok: true, value: { report: { zNo: 2, shiftNo: 2 } } });
  });

  it('a same-day void reconciles as matched; an order paid only at the aggregator is listed', async () => {
    const r = await rig();
    const voided = await r.pay(900);
    await r.pay(1000);
    expect(await r.h.voidOrder({ clientSn: voided, pin: '8888' })).toMatchObject({ ok: true, value: { status: 'refunded', kind: 'void' } });
    await r.ctl.call('POST', 'statement-edit', { extra: { amountFen: 555, wallet: 'wechat' } });
    const rec = await r.h.reconcile({ day: localBusinessDay(Date.now()) });
    expect(rec.source).toBe('statement');
    expect(rec.counts).toMatchObject({ matched: 2, only_aggregator: 1 });
    expect(rec.items.find((i) => i.kind === 'only_aggregator')).toMatchObject({ aggregatorNetFen: 555 });
    expect(rec.settlement).toMatchObject({ total: { grossFen: 1900, refundFen: 900 } });
  });

  it('CSV export starts with the UTF-8 BOM and is saved in the data directory', async () => {
    const r = await rig();
    const sn = await r.pay(350);
    const out = await r.h.exportCsv({ kind: 'orders' });
    expect(out.csv.startsWith('\uFEFF')).toBe(true);
    const bytes = await readFile(out.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain(sn);
    expect(out.path.startsWith(join(r.dir, 'exports'))).toBe(true);
    // Orders and amounts: readable by the shop's own user only (issue 14 item 10).
    expect((await stat(out.path)).mode & 0o777).toBe(0o600);
    expect((await stat(join(r.dir, 'exports'))).mode & 0o777).toBe(0o700);
  });
});

describe('changePin: the old PIN names the profile (issue 14 item 5)', () => {
  async function twoManagers() {
    const dir = await tempDir('yima-changepin-');
    const journal = await journalIn(join(dir, 'journal'));
    const settings = openSettings(dir, (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never);
    const operators = openOperators({ dataDir: dir, append: (b) => journal.append(b), clock: Date.now, log: () => undefined, pinCost: 1024 });
    const h = managerHandlers({ dataDir: dir, journal, settings, aggregator: null as never, printer: null, clock: { now: Date.now }, bus: new EventBus(), log: () => undefined, operators });
    expect((await operators.pins.setPin('manager', '王店长', '2468')).ok).toBe(true);
    expect((await operators.pins.setPin('manager', '李店长', '1357')).ok).toBe(true);
    return { h, operators };
  }

  it('another manager\'s PIN cannot set 李店长\'s PIN: refused, 李店长 keeps 1357', async () => {
    const { h } = await twoManagers();
    const res = await Promise.resolve(h.changePin({ role: 'manager', name: '李店长', oldPin: '2468', pin: '9753' })).catch((e: { code: string }) => e);
    expect(res).toMatchObject({ code: 'REFUSED' });
    expect(await h.verifyPin({ role: 'manager', pin: '1357' })).toMatchObject({ ok: true, operator: { name: '李店长' } });
    expect(await h.verifyPin({ role: 'manager', pin: '9753' })).toMatchObject({ ok: false });
  });

  it('a new name renames the own profile: no extra profile is created without the manager', async () => {
    const { h, operators } = await twoManagers();
    expect(await h.changePin({ role: 'manager', name: '王经理', oldPin: '2468', pin: '8642' })).toMatchObject({ ok: true });
    const names = (await operators.pins.profiles()).filter((p) => p.role === 'manager').map((p) => p.name).sort();
    expect(names).toEqual(['李店长', '王经理']);
    expect(await h.verifyPin({ role: 'manager', pin: '2468' })).toMatchObject({ ok: false });
    expect(await h.verifyPin({ role: 'manager', pin: '8642' })).toMatchObject({ ok: true, operator: { name: '王经理' } });
  });
});
