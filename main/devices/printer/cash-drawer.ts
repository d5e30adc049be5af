/**
 * The cash drawer hangs off the receipt printer: it opens when the printer gets ESC p. A kick
 * goes straight through the printer's transport (never queued: a drawer must not spring open
 * minutes later when a printer comes back). No printer, an offline one, or one that cannot take
 * raw bytes only yields a message; nothing here throws or waits on a payment.
 */
import { drawerKick } from './escpos-encoder';
import type { PrintQueue } from './print-queue';

export interface DrawerResult { opened: boolean; message: string }

export async function kickDrawer(printer: Pick<PrintQueue, 'sendNow'> | null): Promise<DrawerResult> {
  if (!printer) return { opened: false, message: '未配置打印机，钱箱无法自动打开，请用钥匙打开' };
  const sent = await printer.sendNow(drawerKick(), 'drawer').catch((e: unknown) => ({ ok: false as const, message: String(e) }));
  return sent.ok ? { opened: true, message: '钱箱已打开' } : { opened: false, message: `钱箱未能打开（打印机：${sent.message}），请用钥匙打开` };
}
