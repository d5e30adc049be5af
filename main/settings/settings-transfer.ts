/**
 * Settings export / import as one JSON file, for setting up a second counter like the first or
 * keeping a copy. Secrets are never in it (they live in secrets.json, not in the settings), and
 * an imported file is migrated and validated as a whole: nothing is applied unless all of it is valid.
 */
import { migrate, type Settings } from './schema';
import { JsonTooDeep, parseJsonBounded } from './json-limits';
import { ruleMsgOf, strictSettingsSchema, type RuleOptions } from './settings-rules';
import { localDay } from '../shared/dates';
import { msg, type Msg } from '../../preload/messages';

export const EXPORT_KIND = 'yima-settings';

export interface SettingsExport { kind: typeof EXPORT_KIND; exportedAt: string; settings: Settings }

export function exportSettings(settings: Settings, now: number): string {
  const body: SettingsExport = { kind: EXPORT_KIND, exportedAt: new Date(now).toISOString(), settings };
  return `${JSON.stringify(body, null, 2)}\n`;
}

export function settingsExportName(now: number): string {
  return `yima-settings-${localDay(now)}.json`;
}

/** Field names that would be secrets; a file carrying one is refused rather than half-imported. */
const SECRET_FIELD = /^(vendorKey|vendor_key|terminalKey|terminal_key|key|pin|password)$/i;

function secretPath(value: unknown, path: string[] = []): string | null {
  if (value === null || typeof value !== 'object') return null;
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_FIELD.test(k)) return [...path, k].join('.');
    const inner = secretPath(v, [...path, k]);
    if (inner) return inner;
  }
  return null;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; message: Msg };

export function parseSettingsImport(text: string, rules: RuleOptions = {}): ImportResult {
  let raw: unknown;
  try {
    raw = parseJsonBounded(text);
  } catch (err) {
    if (err instanceof JsonTooDeep) return { ok: false, message: msg('error.jsonTooDeep', { limit: err.limit }) };
    return { ok: false, message: msg('eng.importBadJson', { detail: err instanceof Error ? err.message : String(err) }) };
  }
  if (!raw || typeof raw !== 'object') return { ok: false, message: msg('eng.importNotSettings') };
  const obj = raw as Record<string, unknown>;
  // Accept our export envelope, or a bare settings.json copied from a data directory.
  const body = obj.kind === EXPORT_KIND ? obj.settings : obj;
  if (!body || typeof body !== 'object' || typeof (body as Record<string, unknown>).version !== 'number') {
    return { ok: false, message: msg('eng.importNoVersion') };
  }
  const secret = secretPath(body);
  if (secret) return { ok: false, message: msg('eng.importHasSecret', { key: secret }) };
  // The same rules as the engineer's forms (production https, no `..` folders, serial paths).
  const parsed = strictSettingsSchema(rules).safeParse(migrate(body as Record<string, unknown>));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.join('.') ?? '';
    // A rule's issue (settings-rules.ts) carries its message code; zod's own issues are technical text.
    const rule = ruleMsgOf(issue);
    if (rule) return { ok: false, message: msg('eng.importInvalidRule', { path, detailMsg: rule }) };
    return { ok: false, message: msg('eng.importInvalid', { path, detail: issue?.message ?? '' }) };
  }
  return { ok: true, settings: parsed.data };
}
