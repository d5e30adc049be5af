/**
 * Loads and saves settings over a conf-compatible store (electron-store in Electron, `conf` in
 * the harness and tests). A corrupt or invalid settings file is never silently reset: it is
 * moved aside, a warning names where it went, and the defaults are used until an engineer fixes it.
 * A data directory that cannot be written (read-only disk, no permission) does not stop the app:
 * the settings are kept in memory, a warning says they are not saved, and a corrupt file that
 * cannot be moved aside is left exactly as it is.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { settingsSchema, DEFAULT_SETTINGS, migrate, type Settings } from './schema';
import { msg, type Msg } from '../../preload/messages';
import { ruleMsgOf } from './settings-rules';

/** The part of conf / electron-store this module needs. */
export interface ConfLike { store: Record<string, unknown>; readonly path: string }
export type ConfFactory = (opts: { cwd: string; configName: string }) => ConfLike;

export interface SettingsHandle {
  get(): Settings;
  /** Validates the whole object first; nothing is saved (or changed) when it does not validate or cannot be written. */
  update(patch: (cur: Settings) => Settings): { ok: true; settings: Settings } | { ok: false; message: Msg };
  readonly warnings: Msg[];
  readonly path: string;
}

const errnoOf = (err: unknown): string | undefined =>
  err && typeof err === 'object' && 'code' in err && typeof (err as { code: unknown }).code === 'string' ? (err as { code: string }).code : undefined;
const why = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Stands in for conf when the file cannot be read or replaced: settings live in memory only. */
function memoryConf(path: string): ConfLike {
  return { store: {}, path };
}

export function openSettings(dir: string, factory: ConfFactory, clock: () => number = Date.now): SettingsHandle {
  const warnings: Msg[] = [];
  const opts = { cwd: dir, configName: 'settings' };
  const file = join(dir, 'settings.json');
  /** False once the file must not be written: it could not be read, or a corrupt one could not be moved aside. */
  let persist = true;
  let conf: ConfLike;
  try {
    conf = factory(opts);
  } catch (err) {
    if (errnoOf(err)) {
      // The disk or the permissions, not the content: leave the file alone.
      warnings.push(msg('warn.settingsUnreadable', { errno: errnoOf(err) ?? '', detail: why(err), dir }));
      persist = false;
      conf = memoryConf(file);
    } else {
      const aside = moveAside(file, clock());
      if (typeof aside === 'string') {
        warnings.push(msg('warn.settingsCorrupt', { detail: why(err), aside }));
        conf = factory(opts);
      } else {
        warnings.push(msg('warn.settingsCorruptStuck', { detail: why(err), error: aside.error }));
        persist = false;
        conf = memoryConf(file);
      }
    }
  }
  let current: Settings;
  const parsed = settingsSchema.safeParse(migrate(conf.store));
  if (parsed.success) {
    current = parsed.data;
  } else {
    current = DEFAULT_SETTINGS;
    const issue = `${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`;
    const aside = Object.keys(conf.store).length ? moveAside(conf.path, clock()) : null;
    if (typeof aside === 'string') warnings.push(msg('warn.settingsInvalid', { detail: issue, aside }));
    else if (aside) {
      warnings.push(msg('warn.settingsInvalidStuck', { detail: issue, error: aside.error }));
      persist = false;
    }
  }

  /** Writes through conf; returns why it could not. */
  const save = (value: Settings): Msg | null => {
    if (!persist) return msg('eng.settingsNeedEngineer');
    try {
      conf.store = value as unknown as Record<string, unknown>;
      return null;
    } catch (err) {
      return msg('settings.writeFailed', { errno: errnoOf(err) ?? 'error', detail: why(err) });
    }
  };
  const failed = save(current);
  if (failed && persist) warnings.push(msg('warn.settingsDirNotWritable', { reasonMsg: failed }));

  return {
    warnings,
    path: conf.path,
    get: () => current,
    update(patch) {
      const next = settingsSchema.safeParse(patch(structuredClone(current)));
      if (!next.success) {
        const issue = next.error.issues[0];
        const path = issue?.path.join('.') ?? '';
        const rule = ruleMsgOf(issue);
        return { ok: false, message: rule ? msg('settings.invalidRule', { path, detailMsg: rule }) : msg('settings.invalid', { path, detail: issue?.message ?? 'invalid' }) };
      }
      const error = save(next.data);
      if (error) return { ok: false, message: msg('eng.settingsNotSaved', { reasonMsg: error }) };
      current = next.data;
      return { ok: true, settings: current };
    },
  };
}

function moveAside(file: string, now: number): string | { error: string } {
  const aside = `${file}.corrupt-${now}`;
  try {
    if (existsSync(file)) renameSync(file, aside);
    return aside;
  } catch (err) {
    return { error: `${errnoOf(err) ?? 'error'}：${why(err)}` };
  }
}
