/**
 * Printer status as the cashier sees it, and the ESC/POS real-time status bytes it comes from
 * (DLE EOT n = 0x10 0x04 n; one byte back; bit details vary a little by model):
 *   n=1 printer status:   bit3 offline
 *   n=2 offline cause:    bit2 cover open, bit5 stopped by paper end, bit6 error
 *   n=4 roll paper sensor: bits2-3 near end, bits5-6 paper end
 * Every status byte has bit1 and bit4 set and bits 0 and 7 clear; anything else is not a
 * status answer.
 */
import { msg, type Msg } from '../../../preload/messages';

export type PrinterState = 'ok' | 'paper_out' | 'cover_open' | 'offline' | 'unknown';

export interface PrinterStatus {
  state: PrinterState;
  /** For the cashier: a message code the screen words in the cashier's language. */
  message: Msg;
  /** paper near end: a warning, printing continues */
  nearEnd?: boolean;
  /** technical detail for the engineer screen / logs */
  detail?: string;
}

export const STATUS_MESSAGES: Record<PrinterState, Msg> = {
  ok: msg('printer.ok'),
  paper_out: msg('printer.paperOut'),
  cover_open: msg('printer.coverOpen'),
  offline: msg('printer.offline'),
  unknown: msg('printer.unknown'),
};

export const NEAR_END_MESSAGE: Msg = msg('printer.nearEnd');

/** `detail`: technical text for the engineer, or a message (why, in words) added to the status. */
export function printerStatus(state: PrinterState, detail?: string | Msg, nearEnd?: boolean): PrinterStatus {
  const base = state === 'ok' && nearEnd ? NEAR_END_MESSAGE : STATUS_MESSAGES[state];
  const message = typeof detail === 'object' ? msg('printer.withNote', { stateMsg: base, noteMsg: detail }) : base;
  return { state, message, ...(nearEnd ? { nearEnd } : {}), ...(typeof detail === 'string' && detail ? { detail } : {}) };
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
