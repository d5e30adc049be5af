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
import { isMsg, msg, type Msg } from '../../preload/messages';
import { zhText } from '../shared/zh-text';

export interface RuleOptions { serialDirs?: readonly string[] }
/** `msg` for the screen; `message` its Chinese words (zod issues and logs carry text). */
export interface SettingsProblem { path: string; msg: Msg; message: string }
const problem = (path: string, m: Msg): SettingsProblem => ({ path, msg: m, message: zhText(m) });

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
    out.push(problem('aggregator.baseUrl', msg('form.baseUrlHttps')));
  }
  const folder = folderOf(s.printer.spec);
  if (folder !== null && folder.split(/[\\/]/).includes('..')) {
    out.push(problem('printer.spec', msg('form.folderDotDot')));
  }
  if (!scannerPathOk(s.scanner.path, opts.serialDirs ?? [])) {
    out.push(problem('scanner.path', msg('form.serialPath')));
  }
  return out;
}

/** The settings schema with the rules above: what both the forms' save and the import parse with. */
export function strictSettingsSchema(opts: RuleOptions = {}): z.ZodType<Settings> {
  return settingsSchema.superRefine((s, ctx) => {
    for (const p of checkSettings(s as Settings, opts)) ctx.addIssue({ code: 'custom', path: p.path.split('.'), message: p.message, params: { msg: p.msg } });
  }) as unknown as z.ZodType<Settings>;
}

/** The message code a rule's or the schema's refinement carried (params.msg); zod's own issues have none. */
export function ruleMsgOf(issue: z.core.$ZodIssue | undefined): Msg | undefined {
  const carried = issue?.code === 'custom' ? (issue.params as { msg?: unknown } | undefined)?.msg : undefined;
  return isMsg(carried) ? carried : undefined;
}
