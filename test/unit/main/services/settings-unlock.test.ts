/**
 * Settings need the manager PIN too: the engineer screen opens with the engineer's PIN or the
 * manager's, each role with its own lockout, and who opened it is journaled. The last manager
 * and the last engineer cannot be removed.
 */
import { join } from 'node:path';
import Conf from 'conf';
import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { openOperators } from '../../../../main/manager/operators';
import { engineerHandlers } from '../../../../main/services/engineer-handlers';
import { EventBus } from '../../../../main/services/event-bus';
import { operatorHandlers } from '../../../../main/services/operator-handlers';
import { createScanRouter } from '../../../../main/manager/scan-target';
import { openSettings } from '../../../../main/settings/settings-store';
import { journalIn, recordsOnDisk, tempDir } from '../checkout/service-rig';

async function rig() {
  const dir = await tempDir('yima-settings-unlock-');
  const journal = await journalIn(join(dir, 'journal'));
  const settings = openSettings(dir, (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never);
  const operators = openOperators({ dataDir: dir, append: (b) => journal.append(b), clock: Date.now, log: () => undefined, pinCost: 1024 });
  const h = engineerHandlers({
    dataDir: dir, settings, secrets: {} as never, aggregator: {} as never, devices: {} as never, bus: new EventBus(), clock: { now: Date.now }, warnings: [],
    verifyPin: async (role, pin) => ({ ok: true, value: await operators.session.verify(role, pin, 'verify') }),
    journal: (who, action, detail) => operators.session.journal(who, action, detail),
  });
  const ops = operatorHandlers({ operators, scanRouter: createScanRouter(() => undefined) });
  return { h, ops, operators, records: () => recordsOnDisk(join(dir, 'journal')) };
}

const unlocks = async (records: () => Promise<{ type: string }[]>) =>
  (await records()).filter((x) => x.type === 'OPERATOR_ACTION' && 'action' in x && x.action === 'settings_unlock');

describe('settings unlock', () => {
  it('the manager PIN opens the settings when the role is manager, and it is journaled', async () => {
    const r = await rig();
    const exportNow = () => Promise.resolve().then(() => r.h.exportSettings({}));
    await expect(exportNow()).rejects.toMatchObject({ message: '请先输入工程师 PIN' });
    expect(await r.h.engineerUnlock({ pin: '8888' })).toMatchObject({ ok: false }); // the engineer's role by default
    expect(await r.h.engineerUnlock({ pin: '8888', role: 'manager' })).toEqual({ ok: true, message: '已进入设置（店长 店长）' });
    expect(await exportNow()).toMatchObject({ fileName: expect.stringContaining('.json') });
    expect(await unlocks(r.records)).toEqual([expect.objectContaining({ operator: '店长', detail: 'manager' })]);
  });

  it('the engineer PIN still works; a wrong manager PIN counts against the manager only', async () => {
    const r = await rig();
    for (let i = 0; i < 5; i++) await r.h.engineerUnlock({ pin: '1111', role: 'manager' });
    expect(await r.h.engineerUnlock({ pin: '8888', role: 'manager' })).toMatchObject({ ok: false, message: expect.stringContaining('已锁定') });
    expect(await r.h.engineerUnlock({ pin: '6666', role: 'engineer' })).toEqual({ ok: true, message: '已进入工程师设置' });
    expect(await unlocks(r.records)).toEqual([expect.objectContaining({ operator: '工程师', detail: 'engineer' })]);
  });
});

describe('removing operators', () => {
  it('a cashier is removed with the manager PIN; the last manager is refused', async () => {
    const r = await rig();
    expect(await r.ops.saveOperator({ managerPin: '8888', role: 'cashier', name: '小王', pin: '1357' })).toMatchObject({ ok: true });
    expect(await r.ops.removeOperator({ managerPin: '1111', role: 'cashier', name: '小王' })).toMatchObject({ ok: false, auth: { reason: 'wrong' } });
    expect(await r.ops.removeOperator({ managerPin: '8888', role: 'cashier', name: '小王' })).toEqual({ ok: true, value: { message: '已删除 小王' } });
    expect((await r.ops.listOperators({})).operators.map((p) => p.name)).not.toContain('小王');
    await expect(r.ops.removeOperator({ managerPin: '8888', role: 'manager', name: '店长' })).rejects.toMatchObject({ code: 'REFUSED', message: '不能删除最后一个店长' });
    await expect(r.ops.removeOperator({ managerPin: '8888', role: 'engineer', name: '工程师' })).rejects.toMatchObject({ message: '不能删除最后一个工程师' });
    expect((await r.records()).filter((x) => x.type === 'OPERATOR_ACTION' && x.action === 'remove_operator')).toEqual([expect.objectContaining({ operator: '店长', detail: 'cashier:小王' })]);
  });
});
