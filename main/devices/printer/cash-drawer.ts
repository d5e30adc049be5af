/**
 * The cash drawer hangs off the receipt printer: it opens when the printer gets ESC p. A kick
 * goes straight through the printer's transport (never queued: a drawer must not spring open
 * minutes later when a printer comes back). No printer, an offline one, or one that cannot take
 * raw bytes only yields a message; nothing here throws or waits on a payment.
 */
import { drawerKick } from './escpos-encoder';
import type { PrintQueue } from './print-queue';
import { msg, type Msg } from '../../../preload/messages';

export interface DrawerResult { opened: boolean; message: Msg }

export async function kickDrawer(printer: Pick<PrintQueue, 'sendNow'> | null): Promise<DrawerResult> {
  if (!printer) return { opened: false, message: msg('drawer.noPrinter') };
  const sent = await printer.sendNow(drawerKick(), 'drawer').catch((e: unknown) => ({ ok: false as const, message: String(e) }));
  return sent.ok ? { opened: true, message: msg('drawer.opened') } : { opened: false, message: msg('drawer.failed', { detail: sent.message }) };
}
