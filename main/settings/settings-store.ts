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

/** The part of conf / electron-store this module needs. */
export interface ConfLike { store: Record<string, unknown>; readonly path: string }
export type ConfFactory = (opts: { cwd: string; configName: string }) => ConfLike;

export interface SettingsHandle {
  get(): Settings;
  /** Validates the whole object first; nothing is saved (or changed) when it does not validate or cannot be written. */
  update(patch: (cur: Settings) => Settings): { ok: true; settings: Settings } | { ok: false; message: string };
  readonly warnings: string[];
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
  const warnings: string[] = [];
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
      warnings.push(`设置文件无法读取（${errnoOf(err)}：${why(err)}），当前使用默认设置且不会保存；请工程师检查数据目录 ${dir}。`);
      persist = false;
      conf = memoryConf(file);
    } else {
      const aside = moveAside(file, clock());
      if (typeof aside === 'string') {
        warnings.push(`设置文件已损坏（${why(err)}），已另存为 ${aside}；当前使用默认设置，请工程师检查。`);
        conf = factory(opts);
      } else {
        warnings.push(`设置文件已损坏（${why(err)}），且无法移到一旁（${aside.error}），原文件未改动；当前使用默认设置且不会保存，请工程师检查。`);
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
    if (typeof aside === 'string') warnings.push(`设置文件内容无效（${issue}），已另存为 ${aside}；当前使用默认设置。`);
    else if (aside) {
      warnings.push(`设置文件内容无效（${issue}），且无法移到一旁（${aside.error}），原文件未改动；当前使用默认设置且不会保存。`);
      persist = false;
    }
  }

  /** Writes through conf; returns why it could not. */
  const save = (value: Settings): string | null => {
    if (!persist) return '设置文件需要工程师处理，暂不保存';
    try {
      conf.store = value as unknown as Record<string, unknown>;
      return null;
    } catch (err) {
      return `${errnoOf(err) ?? 'error'}：${why(err)}`;
    }
  };
  const failed = save(current);
  if (failed && persist) warnings.push(`数据目录不可写（${failed}）：设置无法保存，本次使用${parsed.success ? '已读取的' : '默认'}设置。`);

  return {
    warnings,
    path: conf.path,
    get: () => current,
    update(patch) {
      const next = settingsSchema.safeParse(patch(structuredClone(current)));
      if (!next.success) {
        const issue = next.error.issues[0];
        return { ok: false, message: `${issue?.path.join('.') ?? ''}：${issue?.message ?? '无效'}` };
      }
      const error = save(next.data);
      if (error) return { ok: false, message: `设置未保存：${error}` };
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
