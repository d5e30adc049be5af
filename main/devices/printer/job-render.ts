/** Turn a stored print job into bytes, with the marks the job's history calls for. */
import { encodeReceipt } from './escpos-encoder';
import type { TextEncoding } from './escpos-encoder';
import type { PrintJobRecord } from './job-store';
import { layoutReceipt } from './receipt-layout';
import type { ReceiptDoc, ReceiptMark, ReceiptWidth } from './receipt-types';

export interface RenderOptions { width: ReceiptWidth; encoding?: TextEncoding }

/**
 * - asked for as a reprint, or a retry after bytes may already have come out → 重打印 REPRINT,
 *   and a retry first clears the printer's buffers (DLE ENQ 2) so leftovers of the failed
 *   attempt are not printed after a refill;
 * - unfinished at start (crash or shutdown) → 恢复补打.
 */
export function jobMarks(job: Pick<PrintJobRecord, 'reprint' | 'retried' | 'recovered' | 'doc'>): ReceiptMark[] {
  const marks = new Set<ReceiptMark>(job.doc.marks ?? []);
  if (job.reprint || job.retried) marks.add('reprint');
  if (job.recovered) marks.add('recovered');
  return [...marks];
}

export function renderJob(job: PrintJobRecord, opts: RenderOptions): Buffer {
  const doc = { ...job.doc, marks: jobMarks(job) } as ReceiptDoc;
  return encodeReceipt(layoutReceipt(doc, opts.width), {
    width: opts.width, encoding: opts.encoding, clearPrinterBuffer: job.retried,
  });
}
