/**
 * Start flags shared by `npm start` (Electron or harness): --harness, --port N, --data-dir D,
 * --aggregator URL, --gateway URL, --scanner PATH, --baud N, --printer SPEC. Errors are messages, not throws.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseDeviceArgs } from '../devices/scanner/parse-device-args';

export interface StartArgs {
  harness: boolean;
  port?: number;
  dataDir: string;
  aggregatorUrl?: string;
  /** WAP gateway of the unified QR; default `<aggregator>/gateway`, or the embedded sandbox's own. */
  gatewayUrl?: string;
  scanner?: { path: string; baudRate: number };
  printer?: string;
  /** `--hq postgres://… --store ID [--store-name NAME]`: head-office sync (main/sync/). */
  hq?: { url: string; storeId?: string; storeName?: string };
}

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.YIMA_DATA_DIR) return resolve(env.YIMA_DATA_DIR);
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'Yima');
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'yima');
}

export function parseStartArgs(argv: readonly string[], env: NodeJS.ProcessEnv = process.env): { ok: true; args: StartArgs } | { ok: false; message: string } {
  const args: StartArgs = { harness: false, dataDir: defaultDataDir(env) };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    const [name, inline] = flag.includes('=') ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)] : [flag, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v.trim() === '' || v.startsWith('--')) throw new Error(`${name} 需要一个值`);
      return v;
    };
    try {
      switch (name) {
        case '--harness': args.harness = true; break;
        case '--port': {
          const p = Number(value());
          if (!Number.isInteger(p) || p < 0 || p > 65535) return { ok: false, message: `--port 必须是 0–65535 的整数` };
          args.port = p; break;
        }
        case '--data-dir': args.dataDir = resolve(value()); break;
        case '--aggregator': {
          const u = value();
          // `cmb-sandbox` = the embedded 招商银行 polypay sandbox; `cmb-sandbox+URL` = a standalone one.
          if (!/^https?:\/\/[^\s]+$/.test(u) && !/^cmb-sandbox(\+https?:\/\/[^\s]+)?$/.test(u)) return { ok: false, message: `--aggregator 需要 http(s) 地址或 cmb-sandbox，收到：${u}` };
          args.aggregatorUrl = u.replace(/\/+$/, ''); break;
        }
        case '--gateway': {
          const u = value();
          if (!/^https?:\/\/[^\s]+$/.test(u)) return { ok: false, message: `--gateway 需要 http(s) 地址，收到：${u}` };
          args.gatewayUrl = u; break;
        }
        case '--scanner': case '--baud': value(); break; // parsed by the scanner's own parser below
        case '--printer': args.printer = value(); break;
        case '--hq': {
          const u = value();
          if (!/^postgres(ql)?:\/\//.test(u)) return { ok: false, message: `--hq 需要 postgres:// 地址，收到：${u.replace(/:[^:@/]*@/, ':***@')}` };
          args.hq = { ...args.hq, url: u }; break;
        }
        case '--store': {
          const id = value();
          if (!/^[A-Za-z0-9_-]{1,40}$/.test(id)) return { ok: false, message: `--store 门店编号只能含字母、数字、- 和 _：${id}` };
          args.hq = { url: args.hq?.url ?? '', ...args.hq, storeId: id }; break;
        }
        case '--store-name': args.hq = { url: args.hq?.url ?? '', ...args.hq, storeName: value() }; break;
        default:
          if (name.startsWith('--')) return { ok: false, message: `未知参数：${name}` };
      }
    } catch (err) {
      return { ok: false, message: err instanceof Error ? err.message : String(err) };
    }
  }
  if (args.hq && (!args.hq.url || !args.hq.storeId)) return { ok: false, message: '--hq 与 --store 需要一起给出 / --hq and --store go together' };
  const devices = parseDeviceArgs(argv);
  if (!devices.ok) return { ok: false, message: devices.errors.join('; ') };
  args.scanner = devices.args.scanner;
  return { ok: true, args };
}
