/**
 * The shift panel's manager actions over a real journal and PIN file: payouts (支出) lower the
 * X report's expected cash at once, the mixed-tender switch, and a shift close refused while a
 * mixed sale is still owed money.
 */
import { join } from 'node:path';
import Conf from 'conf';
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import type { Aggregator } from '../../../../main/aggregator/types';
import type { CashService } from '../../../../main/checkout/cash-service';
import { openOperators } from '../../../../main/manager/operators';
import { loadShiftBook } from '../../../../main/manager/shift-loader';
import { cashHandlers } from '../../../../main/services/cash-handlers';
import { EventBus } from '../../../../main/services/event-bus';
import { managerHandlers } from '../../../../main/services/manager-handlers';
import { openSettings } from '../../../../main/settings/settings-store';
import { journalIn, recordsOnDisk, tempDir } from '../checkout/service-rig';
import { msg } from '../../../../preload/messages';

async function rig() {
  const dir = await tempDir('yima-shift-cash-');
  const journal = await journalIn(join(dir, 'journal'));
  const settings = openSettings(dir, (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never);
  const log = () => undefined;
  const operators = openOperators({ dataDir: dir, append: (b) => journal.append(b), clock: Date.now, log, pinCost: 1024 });
  // The app shares one shift book between the manager and the cash actions; so does the rig.
  const shifts = loadShiftBook(join(dir, 'journal'), (l) => journal.onRecord(l), log);
  const m = managerHandlers({ dataDir: dir, journal, settings, aggregator: {} as Aggregator, printer: null, clock: { now: Date.now }, bus: new EventBus(), log, operators, shifts });
  let kicks = 0;
  const c = cashHandlers({
    shifts, cash: { openSale: () => null } as unknown as CashService, journal, settings, log, operator: () => '收银员',
    checkPin: (role, pin, action) => operators.session.verify(role, pin, action),
    kickDrawer: async () => { kicks++; return { opened: true, message: msg('drawer.opened') }; },
    serialScans: { take: () => { throw new Error('no serial scans here'); } },
  });
  return { m, c, journal, settings, kicks: () => kicks, records: () => recordsOnDisk(join(dir, 'journal')) };
}

describe('payouts (支出)', () => {
  it('a payout with the manager PIN is journaled with who and why, opens the drawer and lowers the expected cash', async () => {
    const r = await rig();
    await r.c.openShift({ float: '100' });
    expect((await r.m.xReport({})).cash).toMatchObject({ floatFen: 10_000, payoutsFen: 0, expectedFen: 10_000 });
    expect(await r.c.cashPayout({ amount: '12.5', reason: ' 买零钱袋 ', pin: '8888' })).toEqual({ ok: true, value: { opened: true, message: '钱箱已打开', amountFen: 1_250, reason: '买零钱袋' } });
    expect((await r.m.xReport({})).cash).toMatchObject({ payoutsFen: 1_250, expectedFen: 8_750 });
    expect(r.kicks()).toBe(1);
    const payout = (await r.records()).find((x) => x.type === 'CASH_PAYOUT');
    expect(payout).toMatchObject({ amountFen: 1_250, operator: '店长', reason: '买零钱袋' });
  });

  it('a bad amount or an empty reason is refused before the PIN (no try used); a wrong PIN records nothing', async () => {
    const r = await rig();
    await expect(r.c.cashPayout({ amount: '12.345', reason: '买零钱袋', pin: '8888' })).rejects.toMatchObject({ code: 'REFUSED', message: '金额最多两位小数' });
    await expect(r.c.cashPayout({ amount: '', reason: '买零钱袋', pin: '8888' })).rejects.toMatchObject({ message: '请输入支出金额' });
    await expect(r.c.cashPayout({ amount: '5', reason: '   ', pin: '8888' })).rejects.toMatchObject({ message: '请填写支出原因' });
    expect(await r.c.cashPayout({ amount: '5', reason: '买零钱袋', pin: '1111' })).toMatchObject({ ok: false, auth: { reason: 'wrong', remainingTries: 4 } });
    expect((await r.records()).filter((x) => x.type === 'CASH_PAYOUT')).toEqual([]);
    expect(r.kicks()).toBe(0);
    expect((await r.m.xReport({})).cash).toMatchObject({ payoutsFen: 0 });
  });
});

describe('mixed tender switch', () => {
  it('needs the manager PIN, is saved in the settings and journaled', async () => {
    const r = await rig();
    expect(await r.c.setMixedTender({ enabled: true, pin: '0000' })).toMatchObject({ ok: false });
    expect(r.settings.get().checkout.mixedTender).toBe(false);
    expect(await r.c.setMixedTender({ enabled: true, pin: '8888' })).toEqual({ ok: true, value: { mixedTender: true } });
    expect(r.settings.get().checkout.mixedTender).toBe(true);
    expect((await r.c.cashStatus({})).mixedTender).toBe(true);
    expect((await r.records()).filter((x) => x.type === 'OPERATOR_ACTION' && x.action === 'mixed_tender')).toEqual([expect.objectContaining({ operator: '店长', detail: 'on' })]);
  });
});

describe('shift close with an open mixed sale', () => {
  it('is refused, naming the sale and what is still due; once the rest is paid it closes', async () => {
    const r = await rig();
    const part = { receivedFen: 2_000, changeFen: 0, operator: '收银员', subject: '店-1', saleId: 'S1', saleTotalFen: 10_000 };
    await r.journal.append({ type: 'CASH_SALE', clientSn: 'YMTC1', amountFen: 2_000, ...part });
    await expect(r.m.closeShift({ pin: '8888' })).rejects.toMatchObject({
      code: 'REFUSED',
      message: '不能交班：混合支付 S1 尚未收完（应收 ¥100.00，已收 ¥20.00，还差 ¥80.00）。请先在收银台收完，或取消这笔交易并退还现金。',
    });
    expect((await r.records()).filter((x) => x.type === 'SHIFT_CLOSED')).toEqual([]);
    await r.journal.append({ type: 'CASH_SALE', clientSn: 'YMTC2', amountFen: 8_000, ...part, receivedFen: 8_000 });
    expect(await r.m.closeShift({ pin: '8888' })).toMatchObject({ ok: true, value: { report: { zNo: 1 } } });
  });
});
