import { useEffect } from 'react';
import { useStore } from '../store';
import { useMsg, useT, type MessageKey } from '../i18n';
import type { SyncStatusView } from '../../../preload/contract';
import { formatClock } from '../format';

/** Head-office sync in the status bar: synced / N records behind / HQ unreachable since …; nothing when sync is off. */
export function SyncStatus() {
  const sync = useStore((s) => s.sync);
  const watchSync = useStore((s) => s.watchSync);
  const locale = useStore((s) => s.locale);
  const t = useT();
  const tm = useMsg();
  useEffect(() => { watchSync(); }, [watchSync]);
  if (!sync || !sync.enabled) return null;
  const text = syncStateText(sync, t, locale);
  const cls = sync.state === 'synced' ? 'pill ok' : sync.state === 'unreachable' ? 'pill bad' : 'pill warn';
  return <span className={cls} data-testid="sync-status" title={sync.errorMsg ? tm(sync.errorMsg) : (sync.error ?? sync.storeId)}>{text}</span>;
}

/** The words for the state the sync worker reports now (status bar and the head-office form). */
export function syncStateText(sync: SyncStatusView, t: (key: MessageKey, vars?: Record<string, string | number>) => string, locale: string): string {
  return sync.state === 'synced' ? t('syncSynced')
    : sync.state === 'behind' ? t('syncBehind', { n: sync.behind })
      : sync.state === 'unreachable' ? t('syncUnreachable', { since: sync.since ? formatClock(sync.since, locale) : '—', n: sync.behind })
        : t('syncConnecting');
}
