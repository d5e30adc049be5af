/** Small JSON files in the data directory (PINs, manager config), written atomically. */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { writeFileDurable } from '../settings/durable-write';

export function readJson<T>(file: string, warn: (msg: string) => void): T | null {
  if (!existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as T;
  } catch (err) {
    // Never silently reset: keep the bad file aside and say so.
    const aside = `${file}.corrupt-${Date.now()}`;
    renameSync(file, aside);
    warn(`${file} 无法读取（${err instanceof Error ? err.message : String(err)}），已另存为 ${aside}`);
    return null;
  }
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileDurable(file, JSON.stringify(value, null, 2));
}
