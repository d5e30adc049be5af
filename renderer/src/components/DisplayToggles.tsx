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
      {lastSpoken && <span className="pill ok" data-testid="voice-caption" title={t('voiceHint')}>{lastSpoken}</span>}
      <button className="link" onClick={toggleVoice} data-testid="voice-toggle" aria-pressed={enabled} title={t('voiceHint')}>
        {enabled ? t('voiceOn') : t('voiceOff')}
      </button>
      {enabled && (
        <input type="range" className="volume" min={0.1} max={1} step={0.1} value={volume} aria-label={t('voiceVolume')} title={t('voiceVolume')}
          // Give the keyboard back to the amount entry once the slider is let go.
          data-testid="voice-volume" onPointerUp={(e) => e.currentTarget.blur()} onChange={(e) => void setPreferences({ voice: { enabled, volume: Number(e.target.value) } })} />
      )}
      <button className="link" onClick={toggleHighContrast} data-testid="contrast-toggle" aria-pressed={highContrast}>{t('highContrast')}</button>
    </>
  );
}
