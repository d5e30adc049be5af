/**
 * The engineer's view of the serial devices: the port list (udev + /dev scan, plus any extra
 * folders of virtual ports and the configured port even when it is absent) and the live scanner
 * monitor, which labels each frame with the wallet its text looks like.
 */
import { delimiter } from 'node:path';
import { listSerialPorts, type SerialPortInfo } from '../devices/scanner/port-list';
import { detectPaycode } from '../checkout/paycode';
import type { EventPayload, SerialPortView } from '../../preload/contract';
import { msg, type Msg } from '../../preload/messages';

/** `YIMA_SERIAL_DIRS=/dir1:/dir2`: folders holding virtual ports named ttyUSB*, ttyACM* (socat, test rigs). */
export function extraPortDirsFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  return (env.YIMA_SERIAL_DIRS ?? '').split(delimiter).map((d) => d.trim()).filter(Boolean);
}

function label(p: SerialPortInfo): string {
  const ids = p.vendorId ? `${p.vendorId}:${p.productId ?? '?'}` : '';
  const what = [p.manufacturer, ids].filter(Boolean).join(' ');
  // ASCII brackets: the label is a value (path, maker, USB ids), read the same in either language.
  return what ? `${p.path} (${what})` : p.path;
}

export async function portViews(opts: { extraDirs: readonly string[]; configured: string; list?: typeof listSerialPorts; log: (m: string, e?: unknown) => void }): Promise<SerialPortView[]> {
  const list = opts.list ?? listSerialPorts;
  const onListError = (err: unknown) => opts.log('serial port listing: falling back to /dev', err);
  const found = [...await list({ onListError })];
  for (const dir of opts.extraDirs) found.push(...await list({ list: async () => [], devDir: dir, sysTtyDir: '/nonexistent', onListError }));
  const seen = new Set<string>();
  const out: SerialPortView[] = [];
  for (const p of found) {
    if (seen.has(p.path)) continue;
    seen.add(p.path);
    out.push({ path: p.path, label: label(p), source: p.source });
  }
  if (opts.configured && !seen.has(opts.configured)) out.push({ path: opts.configured, label: opts.configured, note: msg('eng.portMissing', { path: opts.configured }), source: 'configured' });
  return out;
}

type Frame = EventPayload<'scannerFrame'>;
type Monitor = EventPayload<'scannerMonitor'>;

const STATUS_WORDS: Record<Exclude<Frame['status'], 'ok'>, Msg> = {
  duplicate: msg('eng.frameDuplicate'), noise: msg('eng.frameNoise'), overflow: msg('eng.frameOverflow'),
};

/** One monitor line: the frame plus the wallet it looks like, or why it is not a payment code. */
export function monitorLine(f: Frame): Monitor {
  if (f.status !== 'ok') return { ...f, verdict: STATUS_WORDS[f.status] };
  const d = detectPaycode(f.text);
  if (d.ok) return { ...f, wallet: d.wallet, verdict: msg('eng.framePaycode') };
  // Garbled characters usually mean a wrong baud rate or framing.
  const garbled = /[^\x20-\x7e]/.test(f.text);
  return { ...f, verdict: garbled ? msg('eng.frameGarbled', { reasonMsg: d.message }) : d.message };
}
