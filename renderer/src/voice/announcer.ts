/**
 * Voice announcement queue (语音播报): announcements are said one after another, never over each
 * other, so two quick payments are both heard. The player is injected: clips in the browser, a
 * fake in tests. Where a clip is missing or cannot play, the whole sentence goes to the system
 * speech instead, so a half-said amount is never heard.
 */
import type { Announcement } from './spoken-amount';

export interface VoicePlayer {
  /** Plays the clips in order; rejects if any clip is missing or cannot play. */
  playClips(clips: string[], volume: number): Promise<void>;
  /** The operating system's speech (speechSynthesis); rejects where there is none. */
  speak(text: string, volume: number): Promise<void>;
}

export interface VoiceSettings { enabled: boolean; volume: number }

export interface Announcer {
  say(a: Announcement): void;
  /** Resolves when everything queued so far has been said (or skipped). */
  idle(): Promise<void>;
}

export function createAnnouncer(player: VoicePlayer, settings: () => VoiceSettings, onSaid: (text: string, how: 'clips' | 'speech' | 'silent', a: Announcement) => void = () => {}): Announcer {
  let tail: Promise<void> = Promise.resolve();
  return {
    say(a) {
      tail = tail.then(async () => {
        const { enabled, volume } = settings();
        if (!enabled || volume <= 0) { onSaid(a.text, 'silent', a); return; }
        try {
          await player.playClips(a.clips, volume);
          onSaid(a.text, 'clips', a);
        } catch {
          try { await player.speak(a.text, volume); onSaid(a.text, 'speech', a); } catch { onSaid(a.text, 'silent', a); }
        }
      });
    },
    idle: () => tail,
  };
}
