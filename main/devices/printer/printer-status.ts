/**
 * Printer status as the cashier sees it, and the ESC/POS real-time status bytes it comes from
 * (DLE EOT n = 0x10 0x04 n; one byte back; bit details vary a little by model):
 *   n=1 printer status:   bit3 offline
 *   n=2 offline cause:    bit2 cover open, bit5 stopped by paper end, bit6 error
 *   n=4 roll paper sensor: bits2-3 near end, bits5-6 paper end
 * Every status byte has bit1 and bit4 set and bits 0 and 7 clear; anything else is not a
 * status answer.
 */

export type PrinterState = 'ok' | 'paper_out' | 'cover_open' | 'offline' | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  /** Chinese, for the cashier */
  message: string;
  /** paper near end: a warning, printing continues */
  nearEnd?: boolean;
  /** technical detail for the engineer screen / logs */
  detail?: string;
}

export const STATUS_MESSAGES: Record<PrinterState, string> = {
  ok: '打印机正常',
  paper_out: '打印机缺纸',
  cover_open: '打印机盖未关',
  offline: '打印机离线',
  unknown: '打印机状态未知',
};

export const NEAR_END_MESSAGE = '打印纸将用尽';

export function printerStatus(state: PrinterState, detail?: string, nearEnd?: boolean): PrinterStatus {
  const message = state === 'ok' && nearEnd ? NEAR_END_MESSAGE : STATUS_MESSAGES[state];
  return { state, message, ...(nearEnd ? { nearEnd } : {}), ...(detail ? { detail } : {}) };
}

/** States in which sending a job would only fill the printer's buffer: hold the job. */
export function isBlocking(state: PrinterState): boolean {
  return state === 'paper_out' || state === 'cover_open' || state === 'offline';
}

export const DLE_EOT = (n: 1 | 2 | 4): Buffer => Buffer.from([0x10, 0x04, n]);

export function isStatusByte(b: number): boolean {
  return (b & 0x93) === 0x12;
}

export interface StatusBytes { printer?: number; cause?: number; paper?: number }

/** Fold the answers to DLE EOT 1/2/4 into one status. Missing answers are simply unknown. */
export function decodeStatusBytes(s: StatusBytes): PrinterStatus {
  if (s.printer === undefined) return printerStatus('unknown', 'no answer to DLE EOT 1');
  const nearEnd = s.paper !== undefined && (s.paper & 0x0c) !== 0;
  const paperEnd = (s.paper !== undefined && (s.paper & 0x60) !== 0) || (s.cause !== undefined && (s.cause & 0x20) !== 0);
  const coverOpen = s.cause !== undefined && (s.cause & 0x04) !== 0;
  const offline = (s.printer & 0x08) !== 0;
  const hex = (n?: number) => (n === undefined ? '--' : n.toString(16).padStart(2, '0'));
  const detail = `DLE EOT 1/2/4 = ${hex(s.printer)} ${hex(s.cause)} ${hex(s.paper)}`;
  if (coverOpen) return printerStatus('cover_open', detail);
  if (paperEnd) return printerStatus('paper_out', detail);
  if (offline) return printerStatus('offline', detail);
  return printerStatus('ok', detail, nearEnd);
}
