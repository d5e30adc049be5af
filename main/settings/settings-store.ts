/**
 * Loads and saves settings over a conf-compatible store (electron-store in Electron, `conf` in
 * the harness and tests). A corrupt or invalid settings file is never silently reset: it is
 * moved aside, a warning names where it went, and the defaults are used until an engineer fixes it.
 */
import { existsSync, renameSync } from 'node:fs';
import { settingsSchema, DEFAULT_SETTINGS, migrate, type Settings } from './schema';

/** The part of conf / electron-store this module needs. */
export interface ConfLike { store: Record<string, unknown>; readonly path: string }
export type ConfFactory = (opts: { cwd: string; configName: string }) => ConfLike;

export interface SettingsHandle {
  get(): Settings;
  /** Validates the whole object first; nothing is saved when it does not validate. */
  update(patch: (cur: Settings) => Settings): { ok: true; settings: Settings } | { ok: false; message: string };
  readonly warnings: string[];
  readonly path: string;
}

export function openSettings(dir: string, factory: ConfFactory, clock: () => number = Date.now): SettingsHandle {
  const warnings: string[] = [];
  const opts = { cwd: dir, configName: 'settings' };
  let conf: ConfLike;
  try {
    conf = factory(opts);
  } catch (err) {
    const file = `${dir}/settings.json`;
    const aside = moveAside(file, clock());
    warnings.push(`设置文件已损坏（${err instanceof Error ? err.message : String(err)}），已另存为 ${aside}；当前使用默认设置，请工程师检查。`);
    conf = factory(opts);
  }
  let current: Settings;
  const parsed = settingsSchema.safeParse(migrate(conf.store));
  if (parsed.success) {
    current = parsed.data;
  } else {
    const aside = Object.keys(conf.store).length ? moveAside(conf.path, clock()) : null;
    if (aside) warnings.push(`设置文件内容无效（${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}），已另存为 ${aside}；当前使用默认设置。`);
    current = DEFAULT_SETTINGS;
  }
  conf.store = current as unknown as Record<string, unknown>;

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
      conf.store = next.data as unknown as Record<string, unknown>;
      current = next.data;
      return { ok: true, settings: current };
    },
  };
}

function moveAside(file: string, now: number): string {
  const aside = `${file}.corrupt-${now}`;
  if (existsSync(file)) renameSync(file, aside);
  return aside;
}
