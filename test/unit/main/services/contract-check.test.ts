import { describe, expect, it } from 'vitest';
import { createDispatch, type Handlers } from '../../../../main/services/dispatch';
import { EventBus } from '../../../../main/services/event-bus';

// getPreferences must answer { locale, voice: { enabled, volume }, highContrast }.
const drifting = { getPreferences: () => ({ locale: 'zh-CN', voice: { enabled: true, volume: 0.8 }, highContrast: 'no' }) } as unknown as Handlers;
const good = { getPreferences: () => ({ locale: 'en', voice: { enabled: true, volume: 0.8 }, highContrast: false }) } as unknown as Handlers;

describe('results and events against the contract', () => {
  it('strict (development, tests): a result that drifts from the contract is refused, with the field named', async () => {
    const logged: string[] = [];
    const env = await createDispatch(drifting, (m) => logged.push(m))('getPreferences', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(!env.ok && env.error.message).toContain('highContrast');
    expect(logged.join('\n')).toMatch(/getPreferences: result does not match the contract/);
    expect(await createDispatch(good)('getPreferences', {})).toMatchObject({ ok: true, value: { locale: 'en' } });
  });

  it('log (a packaged app): the drift is logged and the answer still goes out', async () => {
    const logged: string[] = [];
    const env = await createDispatch(drifting, (m) => logged.push(m), 'log')('getPreferences', {});
    expect(env).toMatchObject({ ok: true, value: { highContrast: 'no' } });
    expect(logged).toHaveLength(1);
  });

  it('an event payload that drifts throws at the emitter and reaches no window; a good one is delivered and kept as latest', () => {
    const bus = new EventBus();
    const got: unknown[] = [];
    bus.subscribe((_e, p) => got.push(p));
    expect(() => bus.emit('pendingAmount', { amountFen: 'twelve' } as never)).toThrow(/pendingAmount does not match the contract: amountFen/);
    expect(got).toEqual([]);
    bus.emit('pendingAmount', { amountFen: 1200 });
    expect(got).toEqual([{ amountFen: 1200 }]);
    expect(bus.latest()).toEqual([['pendingAmount', { amountFen: 1200 }]]);
  });
});
