/** The browser's half of voice: clips from assets/voice/ through <audio>, else speechSynthesis. */
import type { VoicePlayer } from './announcer';

const CLIP_TIMEOUT_MS = 5_000;

function playOne(name: string, volume: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const audio = new Audio(`./voice/${name}.wav`);
    audio.volume = Math.min(1, Math.max(0, volume));
    const timer = setTimeout(() => reject(new Error(`clip ${name} timed out`)), CLIP_TIMEOUT_MS);
    audio.onended = () => { clearTimeout(timer); resolve(); };
    audio.onerror = () => { clearTimeout(timer); reject(new Error(`clip ${name} missing`)); };
    audio.play().catch((err: unknown) => { clearTimeout(timer); reject(err instanceof Error ? err : new Error(String(err))); });
  });
}

export const browserPlayer: VoicePlayer = {
  async playClips(clips, volume) {
    for (const c of clips) await playOne(c, volume);
  },
  speak(text, volume) {
    return new Promise((resolve, reject) => {
      const synth = globalThis.speechSynthesis;
      if (!synth || synth.getVoices().every((v) => !v.lang.startsWith('zh'))) { reject(new Error('no Chinese system voice')); return; }
      const u = new SpeechSynthesisUtterance(text);
      u.lang = 'zh-CN';
      u.volume = volume;
      u.onend = () => resolve();
      u.onerror = () => reject(new Error('speech failed'));
      synth.speak(u);
    });
  },
};
