import { useEffect } from 'react';
import { useStore } from '../store';
import { useT } from '../i18n';

const two = (n: number) => String(n).padStart(2, '0');
const clock = (ts: number) => { const d = new Date(ts); return `${two(d.getHours())}:${two(d.getMinutes())}`; };

/** Head-office sync in the status bar: synced / N records behind / HQ unreachable since …; nothing when sync is off. */
export function SyncStatus() {
  const sync = useStore((s) => s.sync);
  const watchSync = useStore((s) => s.watchSync);
  const t = useT();
  useEffect(() => { watchSync(); }, [watchSync]);
  if (!sync || !sync.enabled) return null;
  const text =
    sync.state === 'synced' ? t('syncSynced')
    : sync.state === 'behind' ? t('syncBehind', { n: sync.behind })
    : sync.state === 'unreachable' ? t('syncUnreachable', { since: sync.since ? clock(sync.since) : '—', n: sync.behind })
    : t('syncConnecting');
  const cls = sync.state === 'synced' ? 'pill ok' : sync.state === 'unreachable' ? 'pill bad' : 'pill warn';
  return <span className={cls} data-testid="sync-status" title={sync.error ?? sync.storeId}>{text}</span>;
}
