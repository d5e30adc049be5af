import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Conf from 'conf';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatch } from '../../../../main/services/dispatch';
import { EventBus } from '../../../../main/services/event-bus';
import { preferencesHandlers } from '../../../../main/services/preferences-handlers';
import { openSettings, type ConfFactory } from '../../../../main/settings/settings-store';

const factory: ConfFactory = (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as { store: Record<string, unknown>; path: string };

let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yima-prefs-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('preferences (language, voice, theme)', () => {
  it('a change is saved, survives a restart and is pushed to every window', async () => {
    const bus = new EventBus();
    const pushed: unknown[] = [];
    bus.subscribe((e, p) => { if (e === 'preferences') pushed.push(p); });
    const h = preferencesHandlers({ settings: openSettings(dir, factory), bus });
    expect(await h.getPreferences({})).toEqual({ locale: 'zh-CN', voice: { enabled: true, volume: 0.8 }, highContrast: false });

    await h.setPreferences({ locale: 'en', voice: { enabled: false, volume: 0.5 } });
    expect(pushed).toEqual([{ locale: 'en', voice: { enabled: false, volume: 0.5 }, highContrast: false }]);

    const again = preferencesHandlers({ settings: openSettings(dir, factory), bus: new EventBus() });
    expect(await again.getPreferences({})).toMatchObject({ locale: 'en', voice: { enabled: false, volume: 0.5 } });
  });

  it('a volume over 1 or an unknown language is refused by the contract, and nothing changes', async () => {
    const settings = openSettings(dir, factory);
    const dispatch = createDispatch({ ...preferencesHandlers({ settings, bus: new EventBus() }) } as never);
    expect(await dispatch('setPreferences', { voice: { enabled: true, volume: 3 } })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(await dispatch('setPreferences', { locale: 'fr' })).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    expect(settings.get().voice.volume).toBe(0.8);
    expect(settings.get().locale).toBe('zh-CN');
  });
});
