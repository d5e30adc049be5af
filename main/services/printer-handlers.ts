/**
 * Handlers for the printer's contract actions: the sale receipt preview of a journaled order,
 * reprint (marked 重打印 REPRINT, only when asked), the test page, and the print queue with the
 * reason each held job has not printed. Nothing here touches a payment's state.
 */
import type { Clock } from '../shared/time';
import type { Journal } from '../journal';
import type { SettingsHandle } from '../settings/settings-store';
import { isBlocking, layoutReceipt, receiptText, type PrintJobView, type PrintQueue } from '../devices/printer';
import type { PrintJob, PrintQueueView } from '../../preload/contract';
import type { printerActions } from '../../preload/contract-printer';
import type { EventBus } from './event-bus';
import { ServiceError, type Handlers } from './dispatch';
import { paperColumns, saleDocFromOrder, testPageDoc } from './receipt-docs';
import { msg, type Msg } from '../../preload/messages';

export interface PrinterHandlerDeps {
  /** The print queue, or null when no printer is set up. */
  printer: PrintQueue | null;
  /** The queue whose job events are pushed to the screen (present even before a printer is set up). */
  jobs?: PrintQueue;
  journal: Journal;
  settings: SettingsHandle;
  clock: Clock;
  bus: EventBus;
  /** The start flag's printer (`--printer`), which wins over the settings. */
  printerSpec?: string;
}

export type PrinterHandlers = Pick<Handlers, keyof typeof printerActions>;

/** How many printed jobs the queue view keeps after the pending ones. */
const RECENT_DONE = 5;

export function printerHandlers(d: PrinterHandlerDeps): PrinterHandlers {
  (d.jobs ?? d.printer)?.onJob((e) => d.bus.emit('printJob', e.type === 'printed'
    ? { jobId: e.jobId, outcome: 'printed' }
    : { jobId: e.jobId, outcome: 'failed', error: msg('printer.failed', { detail: e.error }) }));

  const spec = () => d.printerSpec ?? (d.settings.get().printer.spec || undefined);
  const queue = (): PrintQueue => {
    if (!d.printer) throw new ServiceError('REFUSED', msg('printer.notConfiguredChoose'));
    return d.printer;
  };
  const paidOrder = (clientSn: string) => {
    const order = d.journal.orders.get(clientSn);
    if (!order) throw new ServiceError('REFUSED', msg('receipt.noOrder', { clientSn }));
    if (order.status !== 'paid') throw new ServiceError('REFUSED', msg('receipt.notPaid'));
    return order;
  };
  const view = (): PrintQueueView => {
    if (!d.printer) return { configured: false, state: 'not_configured', message: msg('printer.notConfigured'), pending: 0, jobs: [] };
    const status = d.printer.status();
    const holding = isBlocking(status.state) ? (status.detail ? msg('printer.withDetail', { stateMsg: status.message, detail: status.detail }) : status.message) : undefined;
    const all = d.printer.jobs();
    const pending = all.filter((j) => j.state === 'pending').map((j) => toJob(j, holding));
    const done = all.filter((j) => j.state === 'done').slice(-RECENT_DONE).reverse().map((j) => toJob(j));
    return {
      configured: true, printer: spec(), state: status.state, message: status.message,
      ...(status.detail ? { detail: status.detail } : {}), pending: status.pending, jobs: [...pending, ...done],
    };
  };

  return {
    receiptPreview: ({ clientSn }) => {
      const s = d.settings.get();
      const columns = paperColumns(s);
      return { clientSn, columns, lines: receiptText(layoutReceipt(saleDocFromOrder(paidOrder(clientSn), s), columns), columns) };
    },
    reprint: async ({ clientSn }) => {
      const q = queue();
      const doc = saleDocFromOrder(paidOrder(clientSn), d.settings.get());
      return { jobId: await q.enqueue({ kind: 'sale', doc, reprint: true, orderRef: clientSn }) };
    },
    testPrint: async () => {
      const q = queue();
      return { jobId: await q.enqueue({ kind: 'test', doc: testPageDoc(d.settings.get(), spec(), d.clock.now()) }) };
    },
    printQueue: () => view(),
    printRetry: () => {
      queue().retryNow();
      return view();
    },
  };
}

function toJob(j: PrintJobView, holding?: Msg): PrintJob {
  const error = j.lastError ? msg('printer.failed', { detail: j.lastError }) : holding;
  return {
    id: j.id, kind: j.kind, createdAt: j.createdAt, state: j.state, attempts: j.attempts, reprint: j.reprint,
    ...(j.orderRef ? { orderRef: j.orderRef } : {}), ...(error ? { error } : {}),
  };
}
