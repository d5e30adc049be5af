/**
 * The late-payment watch survives a restart: a QR withdrawn shortly before the counter went down
 * is watched again from the journal at start, and a late payment found then reaches the screen
 * (the `latePayments` event) until the cashier keeps it. Real journal files, fake clock.
 */
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_SETTINGS, type Settings } from '../../../../main/settings/schema';
import type { SettingsHandle } from '../../../../main/settings/settings-store';
import { LATE_PAID_MESSAGE } from '../../../../main/checkout/late-watch';
import { setupLateWatch } from '../../../../main/services/late-watch-setup';
import { EventBus } from '../../../../main/services/event-bus';
import { openJournal } from '../../../../main/journal';
import { FakeTime } from '../../../support/fake-time';
import { notFound, queryAnswer, scriptedAggregator } from '../checkout/agg-fixtures';
import { tempDir } from '../checkout/service-rig';
import type { LatePaymentView } from '../../../../preload/contract';
import { msg } from '../../../../preload/messages';

const T0 = Date.UTC(2026, 11, 2, 4, 0, 0);
const settingsOf = (s: Settings): SettingsHandle => ({ get: () => s, update: () => ({ ok: false, message: msg('warn.technical', { detail: 'read-only' }) }), warnings: [], path: '' });

describe('late-payment watch across a restart', () => {
  it('resumes the watch of a recently withdrawn QR from the journal and shows the late payment', async () => {
    const dir = await tempDir();
    const time = new FakeTime(T0);
    // Before the restart: the cashier withdrew a QR 3 minutes ago, and one 20 minutes ago.
    const before = await openJournal({ dir, clock: () => time.now() - 180_000, warn: () => undefined });
    await before.append({ type: 'ATTEMPT_CREATED', clientSn: 'YM-RECENT', method: 'qr', amountFen: 1230, operator: '收银员', subject: '小店', windowMs: 240_000 });
    await before.append({ type: 'PAYMENT_FINAL', clientSn: 'YM-RECENT', outcome: 'CANCELED', amountFen: 1230 });
    await before.close();
    const old = await openJournal({ dir, clock: () => time.now() - 1_200_000, warn: () => undefined });
    await old.append({ type: 'ATTEMPT_CREATED', clientSn: 'YM-OLD', method: 'qr', amountFen: 500, operator: '收银员', subject: '小店', windowMs: 240_000 });
    await old.append({ type: 'PAYMENT_FINAL', clientSn: 'YM-OLD', outcome: 'EXPIRED', amountFen: 500 });
    await old.close();

    // After the restart.
    const journal = await openJournal({ dir, clock: () => time.now(), warn: () => undefined });
    const queried: string[] = [];
    const { agg } = scriptedAggregator({ query: [notFound, queryAnswer('PAID', { clientSn: 'YM-RECENT', wallet: 'wechat', totalFen: 1230 })] });
    const aggregator = { ...agg, query: (ref: { clientSn?: string }) => { queried.push(ref.clientSn ?? ''); return agg.query(ref); } };
    const bus = new EventBus();
    const shown: LatePaymentView[][] = [];
    bus.subscribe((e, p) => { if (e === 'latePayments') shown.push(p as LatePaymentView[]); });
    const late = setupLateWatch({ aggregator, journal, settings: settingsOf(DEFAULT_SETTINGS), clock: time, timers: time, bus, log: () => undefined, backoff: { firstDelayMs: 1_000, factor: 2, maxDelayMs: 10_000 } });
    late.resume();
    await time.advanceAsync(5_000);
    await vi.waitFor(() => expect(shown).toHaveLength(1));
    expect(queried.every((sn) => sn === 'YM-RECENT')).toBe(true); // the 20-minute-old QR is past its watch
    expect(shown[0]).toEqual([expect.objectContaining({ clientSn: 'YM-RECENT', amountFen: 1230, wallet: 'wechat' })]);
    expect(journal.orders.get('YM-RECENT')).toMatchObject({ status: 'paid', message: LATE_PAID_MESSAGE });

    // Another restart before the cashier answered: the payment is shown again, not queried again.
    late.stop();
    const again = setupLateWatch({ aggregator, journal, settings: settingsOf(DEFAULT_SETTINGS), clock: time, timers: time, bus, log: () => undefined });
    again.resume();
    expect(again.pending().map((p) => p.clientSn)).toEqual(['YM-RECENT']);
    expect(again.dismiss('YM-RECENT')).toEqual([]);
    expect(shown.at(-1)).toEqual([]);
    again.stop();
    await journal.close();
  });
});
