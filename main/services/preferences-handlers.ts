/** Handlers for language, voice and theme; saved in settings and pushed to every window. */
import type { SettingsHandle } from '../settings/settings-store';
import type { Settings } from '../settings/schema';
import type { Preferences } from '../../preload/contract';
import type { preferencesActions } from '../../preload/contract-preferences';
import { ServiceError, type Handlers } from './dispatch';
import type { EventBus } from './event-bus';
import type { Core } from './core';

export type PreferencesHandlers = Pick<Handlers, keyof typeof preferencesActions>;

export function preferencesOf(s: Settings): Preferences {
  return { locale: s.locale, voice: { ...s.voice }, highContrast: s.display.highContrast };
}

export function preferencesHandlers(d: { settings: SettingsHandle; bus: EventBus }): PreferencesHandlers {
  return {
    getPreferences: () => preferencesOf(d.settings.get()),
    setPreferences: (patch) => {
      const r = d.settings.update((cur) => ({
        ...cur,
        locale: patch.locale ?? cur.locale,
        voice: patch.voice ?? cur.voice,
        display: { ...cur.display, highContrast: patch.highContrast ?? cur.display.highContrast },
      }));
      if (!r.ok) throw new ServiceError('REFUSED', r.message);
      const prefs = preferencesOf(r.settings);
      d.bus.emit('preferences', prefs);
      return prefs;
    },
  };
}

/** The preferences feature: the cashier's own language, voice and theme (no PIN). */
export function setupPreferences(core: Pick<Core, 'settings' | 'bus'>): { handlers: PreferencesHandlers } {
  return { handlers: preferencesHandlers(core) };
}
