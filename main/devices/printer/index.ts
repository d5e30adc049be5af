/** Receipt printing: documents → layout → ESC/POS bytes → persistent queue → transport. */
export * from './receipt-types';
export { layoutReceipt } from './receipt-layout';
export { formatReceiptTime, maskPaymentCode, orderCode, walletName } from './receipt-format';
export { textWidth, wrapText, toPrinterText } from './text-width';
export { encodeReceipt, ESC_INIT, FS_CHINESE_MODE_ON, DLE_ENQ_CLEAR } from './escpos-encoder';
export type { EncodeOptions, TextEncoding } from './escpos-encoder';
export { renderReceiptHtml } from './receipt-html';
export * from './printer-status';
export { createPrintQueue, DEFAULT_BACKOFF } from './print-queue';
export type { PrintQueue, PrintQueueOptions, QueueStatus, JobEvent, PrintJobView, EnqueueRequest, Timers, Backoff } from './print-queue';
export { renderJob, jobMarks } from './job-render';
export * from './transports/transport-types';
export { createTcpTransport } from './transports/tcp-transport';
export { createSerialTransport } from './transports/serial-transport';
export { createFileTransport } from './transports/file-transport';
export { createNullTransport } from './transports/null-transport';
export { parsePrinterSpec, formatPrinterSpec, createTransport } from './transports/printer-spec';
export type { PrinterSpec } from './transports/printer-spec';
