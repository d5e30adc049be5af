import { useHq } from './store';
import { useT, yuan } from './i18n';
import { translateMsg } from '../../src/i18n/translate';
import { reconcileNextStep } from '../../../preload/messages-manager';
import type { ReconcileItemView } from '../../../preload/hq-shapes';

async function downloadCsv(day: string, items: unknown[]): Promise<void> {
  const res = await fetch(`/api/export/reconcile.csv?day=${day}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ items }) });
  const url = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = url;
  a.download = `reconcile-${day}.csv`;
  a.click();
  URL.revokeObjectURL(url);
}

/** Chain-wide reconciliation: each store's statement file against its counters' journals; every difference by store and order. */
export function ReconcilePanel() {
  const t = useT();
  const day = useHq((s) => s.day);
  const busy = useHq((s) => s.busy);
  const result = useHq((s) => s.reconcile);
  const run = useHq((s) => s.reconcileFiles);
  const locale = useHq((s) => s.locale);
  // The counter's message codes, in the page's language (the Chinese words stay for the CSV).
  const detailOf = (it: ReconcileItemView) => (it.note ? translateMsg(locale, it.note) : it.detail);
  const nextOf = (it: ReconcileItemView) => { const code = (reconcileNextStep as Record<string, string | null>)[it.kind]; return code ? translateMsg(locale, { code } as never) : it.nextStep; };
  const pick = async (list: FileList | null) => {
    if (!list) return;
    await run(await Promise.all([...list].map(async (f) => ({ name: f.name, text: await f.text() }))));
  };
  return (
    <section>
      <h2>{t('reconcile')} · {day}</h2>
      <label>{t('statementFiles')} <input type="file" accept=".csv,text/csv" multiple disabled={busy} onChange={(e) => void pick(e.target.files)} data-testid="hq-statements" /></label>
      {result && (
        <div data-testid="hq-reconcile">
          <p>{t('store')}: {result.stores.length}/{result.files} · {t('differences')}: <b data-testid="hq-differences">{result.differences}</b></p>
          {result.errors.map((e) => <p key={e.file} className="error">{e.file}: {e.code === 'store-unknown' ? t('fileStoreUnknown') : e.text}</p>)}
          {result.items.length > 0 && (
            <>
              <table>
                <thead><tr><th>{t('store')}</th><th>{t('order')}</th><th>{t('diff')}</th><th>{t('detail')}</th><th>{t('nextStep')}</th></tr></thead>
                <tbody>
                  {result.items.map((it, i) => (
                    <tr key={i}><td>{it.storeId}</td><td>{it.clientSn ?? it.sn ?? `#${it.line ?? ''}`}</td><td>{yuan(it.diffFen)}</td><td>{detailOf(it)}</td><td>{nextOf(it)}</td></tr>
                  ))}
                </tbody>
              </table>
              <button onClick={() => void downloadCsv(day, result.items)} data-testid="hq-export-reconcile">{t('exportCsv')}</button>
            </>
          )}
        </div>
      )}
    </section>
  );
}
