/**
 * The rules every saved settings object must pass, whether it came from an engineer form or an
 * imported file (issue 14 item 6): one check on the whole Settings object, built on the schema.
 * - production talks to the aggregator over https only (keys and payment codes cross it);
 * - a receipt folder never climbs out with `..`;
 * - a scanner is a serial device: under /dev (or a test port folder from YIMA_SERIAL_DIRS), or COMn.
 */
import { posix } from 'node:path';
import type { z } from 'zod';
import { settingsSchema, type Settings } from './schema';
import { msg, type Msg } from '../../preload/messages';

export interface RuleOptions { serialDirs?: readonly string[] }
/** `message`: Chinese, for the import's zod issues and logs; `msg`: the code the screen words. */
export interface SettingsProblem { path: string; message: string; msg: Msg }

const COM_PORT = /^(COM\d+|\\\\\.\\COM\d+)$/i;

function scannerPathOk(path: string, serialDirs: readonly string[]): boolean {
  if (path === '' || COM_PORT.test(path)) return true;
  if (!path.startsWith('/') || path.includes('\0')) return false;
  const norm = posix.normalize(path);
  if (norm !== path.replace(/\/+$/, '') && norm !== path) return false; // `..`, `.` or `//` games
  return [...serialDirs, '/dev'].some((d) => norm.startsWith(`${posix.normalize(d).replace(/\/+$/, '')}/`));
}

function folderOf(spec: string): string | null {
  return spec.startsWith('file:') ? spec.slice('file:'.length) : null;
}

export function checkSettings(s: Settings, opts: RuleOptions = {}): SettingsProblem[] {
  const out: SettingsProblem[] = [];
  if (s.aggregator.mode === 'production' && s.aggregator.baseUrl && !s.aggregator.baseUrl.toLowerCase().startsWith('https://')) {
    out.push({ path: 'aggregator.baseUrl', message: '生产模式必须使用 https:// 接口地址', msg: msg('rules.httpsOnly') });
  }
  const folder = folderOf(s.printer.spec);
  if (folder !== null && folder.split(/[\\/]/).includes('..')) {
    out.push({ path: 'printer.spec', message: '小票文件夹不能含有“..”', msg: msg('rules.folderDotDot') });
  }
  if (!scannerPathOk(s.scanner.path, opts.serialDirs ?? [])) {
    out.push({ path: 'scanner.path', message: '串口须为 /dev/… 路径或 COMn（留空表示不用串口扫码枪）', msg: msg('rules.serialPath') });
  }
  return out;
}

/** The settings schema with the rules above: what both the forms' save and the import parse with. */
export function strictSettingsSchema(opts: RuleOptions = {}): z.ZodType<Settings> {
  return settingsSchema.superRefine((s, ctx) => {
    for (const p of checkSettings(s as Settings, opts)) ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message });
  }) as unknown as z.ZodType<Settings>;
}
