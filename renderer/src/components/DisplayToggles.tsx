import { useEffect } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';

/** Speaker (语音播报 on/off, with the last announcement as a caption) and the high-contrast switch. */
export function DisplayToggles() {
  const enabled = useStore((s) => s.voice.enabled);
  const volume = useStore((s) => s.voice.volume);
  const setPreferences = useStore((s) => s.setPreferences);
  const lastSpoken = useStore((s) => s.lastSpoken);
  const highContrast = useStore((s) => s.highContrast);
  const toggleVoice = useStore((s) => s.toggleVoice);
  const toggleHighContrast = useStore((s) => s.toggleHighContrast);
  const setLastSpoken = useStore((s) => s.setLastSpoken);
  const t = useT();
  useEffect(() => {
    if (!lastSpoken) return;
    const id = setTimeout(() => setLastSpoken(null), 8_000);
    return () => clearTimeout(id);
  }, [lastSpoken, setLastSpoken]);
  return (
    <>
      {lastSpoken && // What the speaker said, word for word: announcements are spoken in Chinese in either language.
        <span className="pill ok voice-caption" data-testid="voice-caption" title={t('voiceHint')} lang="zh-CN">{lastSpoken}</span>}
      <button className="icon-btn" onClick={toggleVoice} data-testid="voice-toggle" aria-pressed={enabled} aria-label={enabled ? t('voiceOn') : t('voiceOff')} title={`${enabled ? t('voiceOn') : t('voiceOff')} · ${t('voiceHint')}`}>
        <SpeakerIcon on={enabled} />
      </button>
      {enabled && (
        <input type="range" className="volume" min={0.1} max={1} step={0.1} value={volume} aria-label={t('voiceVolume')} title={t('voiceVolume')}
          // Give the keyboard back to the amount entry once the slider is let go.
          data-testid="voice-volume" onPointerUp={(e) => e.currentTarget.blur()} onChange={(e) => void setPreferences({ voice: { enabled, volume: Number(e.target.value) } })} />
      )}
      <button className="icon-btn" onClick={toggleHighContrast} data-testid="contrast-toggle" aria-pressed={highContrast} aria-label={t('highContrast')} title={t('highContrast')}>
        <ContrastIcon />
      </button>
    </>
  );
}

/** Icons instead of words: the top bar must fit a 1024 px screen in any language. */
function SpeakerIcon({ on }: { on: boolean }) {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M4 9h4l5-4v14l-5-4H4z" fill="currentColor" />
      {on ? <path d="M16 9a4 4 0 0 1 0 6M18.5 6.5a8 8 0 0 1 0 11" /> : <path d="M16 9l5 6M21 9l-5 6" />}
    </svg>
  );
}

function ContrastIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" aria-hidden="true">
      <circle cx="12" cy="12" r="9" />
      <path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor" />
    </svg>
  );
}
