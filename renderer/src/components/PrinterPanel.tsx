import { useEffect } from 'react';
import type { PrintJob } from '../../../preload/contract';
import { useStore } from '../store';
import { useMsg, useT } from '../i18n';
import './printer.css';

const BLOCKING = new Set(['paper_out', 'cover_open', 'offline']);

/** The status bar's printer pill (打印机缺纸 · 2 张待打印); a click opens the printer panel. */
export function PrinterIndicator() {
  const state = useStore((s) => s.devices?.printer.state);
  const pending = useStore((s) => s.devices?.printer.pending ?? 0);
  const open = useStore((s) => s.printerPanelOpen);
  const toggle = useStore((s) => s.togglePrinterPanel);
  const t = useT();
  if (!state || state === 'not_configured') return null;
  const cls = state === 'ok' ? 'pill ok' : BLOCKING.has(state) ? 'pill bad' : 'pill warn';
  return (
    <span className="printer-anchor">
      <button className={cls} onClick={toggle} aria-expanded={open} data-testid="printer-status">
        {t(`printer${state}`)}{pending > 0 ? ` · ${t('printerPending', { n: pending })}` : ''}
      </button>
      {open && <PrinterPanel />}
    </span>
  );
}

/** For the cashier and the field engineer: printer state, the queue with reasons, test print, retry. */
export function PrinterPanel() {
  const queue = useStore((s) => s.printQueue);
  const feedback = useStore((s) => s.printerFeedback);
  const watch = useStore((s) => s.watchPrinter);
  const toggle = useStore((s) => s.togglePrinterPanel);
  const testPrint = useStore((s) => s.testPrint);
  const retry = useStore((s) => s.retryPrintQueue);
  const t = useT();
  const tm = useMsg();
  useEffect(() => watch(), [watch]);
  const pendingJobs = queue?.jobs.filter((j) => j.state === 'pending') ?? [];
  return (
    <div className="printer-panel" data-testid="printer-panel" role="dialog" aria-label={t('printerPanelTitle')}
      onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); toggle(); } }}>
      <h3>
        {t('printerPanelTitle')}
        <button className="link" onClick={toggle}>{t('close')}</button>
      </h3>
      {queue && (
        <>
          <div data-testid="printer-state">{t(`printer${queue.state}`)}</div>
          {BLOCKING.has(queue.state) && <div className="muted">{t('printerNotBlocking')}</div>}
          {queue.printer && <div className="muted">{t('printerTarget')}: <span className="mono">{queue.printer}</span></div>}
          {queue.detail && <div className="muted">{queue.detail}</div>}
        </>
      )}
      <div className="actions">
        <button className="btn primary" onClick={() => void testPrint()} data-testid="test-print">{t('testPrint')}</button>
        {pendingJobs.length > 0 && <button className="btn" onClick={() => void retry()} data-testid="print-retry">{t('printRetry')}</button>}
      </div>
      {feedback && (
        <div className={feedback.kind === 'error' ? 'print-feedback error' : 'print-feedback'} data-testid="printer-feedback">
          {feedback.kind === 'error' ? tm(feedback.message) : t('printQueued')}
        </div>
      )}
      {queue && pendingJobs.length === 0 && <div className="muted">{t('printQueueEmpty')}</div>}
      {queue && queue.jobs.length > 0 && (
        <ul data-testid="print-jobs">{queue.jobs.map((j) => <JobRow key={j.id} job={j} />)}</ul>
      )}
    </div>
  );
}

function JobRow({ job }: { job: PrintJob }) {
  const locale = useStore((s) => s.locale);
  const t = useT();
  const tm = useMsg();
  return (
    <li data-testid={job.state === 'pending' ? 'print-job-pending' : 'print-job-done'}>
      <div>
        {t(`jobKind${job.kind}`)}{job.reprint ? ` (${t('jobReprint')})` : ''} · {new Date(job.createdAt).toLocaleTimeString(locale)} ·{' '}
        {job.state === 'pending' ? t('jobPending') : t('jobDone')}
        {job.attempts > 1 ? ` · ${t('jobAttempts', { n: job.attempts })}` : ''}
      </div>
      {job.orderRef && <div className="muted mono">{job.orderRef}</div>}
      {job.state === 'pending' && job.error && <div className="err">{tm(job.error)}</div>}
    </li>
  );
}
