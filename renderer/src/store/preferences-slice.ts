import type { StateCreator } from 'zustand';
import type { Preferences } from '../../../preload/contract';
import { pos, errorMessage } from '../pos';
import type { StoreState } from './index';
import type { Caption } from '../voice/spoken-amount';

/** An announcement as said (Chinese) and what it was about (for an English caption). */
export interface Spoken { text: string; caption: Caption }

/** Language, voice (语音播报) and theme: saved in main's settings, shared by every window. */
export interface PreferencesSlice {
  voice: Preferences['voice'];
  highContrast: boolean;
  /** The last announcement said, shown as a caption next to the speaker button. */
  lastSpoken: Spoken | null;
  applyPreferences(p: Preferences): void;
  setPreferences(patch: Partial<Preferences>): Promise<void>;
  toggleVoice(): void;
  toggleHighContrast(): void;
  setLastSpoken(spoken: Spoken | null): void;
}

export const createPreferencesSlice: StateCreator<StoreState, [], [], PreferencesSlice> = (set, get) => ({
  voice: { enabled: true, volume: 0.8 },
  highContrast: false,
  lastSpoken: null,
  applyPreferences(p) {
    set({ locale: p.locale, voice: p.voice, highContrast: p.highContrast });
    document.documentElement.lang = p.locale;
    document.documentElement.dataset.theme = p.highContrast ? 'hc' : 'default';
  },
  async setPreferences(patch) {
    try {
      get().applyPreferences(await pos().setPreferences(patch));
    } catch (err) {
      set({ notice: { level: 'error', message: errorMessage(err), at: Date.now() } });
    }
  },
  toggleVoice() { void get().setPreferences({ voice: { ...get().voice, enabled: !get().voice.enabled } }); },
  toggleHighContrast() { void get().setPreferences({ highContrast: !get().highContrast }); },
  setLastSpoken(spoken) { set({ lastSpoken: spoken }); },
});
