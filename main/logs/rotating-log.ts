/**
 * A small rotating log in `<dataDir>/logs`: `yima.log`, then `yima.1.log` … `yima.<keep>.log`
 * (oldest dropped) once the current file would pass `maxBytes`. Every line is masked
 * (payment codes, keys) before it is written. Writes are synchronous appends so the last lines
 * before a crash are on disk; a failing disk never throws into the caller.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { maskValue } from './mask';

export type LogLevel = 'info' | 'warn' | 'error';

export interface RotatingLogOptions {
  dir: string;
  /** Size at which the current file is rotated; default 1 MiB. */
  maxBytes?: number;
  /** Rotated files kept besides the current one; default 5. */
  keep?: number;
  clock?: () => number;
  /** Also echo to this sink (the console in development); masked too. */
  echo?: (line: string) => void;
}

export interface RotatingLog {
  write(level: LogLevel, message: string, detail?: unknown): void;
  /** The `(msg, err?)` shape the services take: logged as errors. */
  readonly log: (message: string, err?: unknown) => void;
  readonly dir: string;
  /** Current and rotated files, newest first. */
  files(): string[];
}

export const LOG_BASENAME = 'yima';

export function createRotatingLog(opts: RotatingLogOptions): RotatingLog {
  const maxBytes = opts.maxBytes ?? 1024 * 1024;
  const keep = opts.keep ?? 5;
  const clock = opts.clock ?? Date.now;
  const current = join(opts.dir, `${LOG_BASENAME}.log`);
  const rotated = (n: number) => join(opts.dir, `${LOG_BASENAME}.${n}.log`);
  let size = -1;
  let failed = false;

  function sizeNow(): number {
    if (size < 0) size = existsSync(current) ? statSync(current).size : 0;
    return size;
  }

  function rotate(): void {
    rmSync(rotated(keep), { force: true });
    for (let n = keep - 1; n >= 1; n--) if (existsSync(rotated(n))) renameSync(rotated(n), rotated(n + 1));
    if (existsSync(current)) renameSync(current, keep >= 1 ? rotated(1) : `${current}.old`);
    if (keep < 1) rmSync(`${current}.old`, { force: true });
    size = 0;
  }

  function write(level: LogLevel, message: string, detail?: unknown): void {
    const extra = maskValue(detail);
    const line = `${new Date(clock()).toISOString()} ${level.toUpperCase()} ${maskValue(message)}${extra ? ` ${extra}` : ''}\n`;
    opts.echo?.(line.trimEnd());
    try {
      mkdirSync(opts.dir, { recursive: true });
      const bytes = Buffer.byteLength(line);
      if (sizeNow() > 0 && sizeNow() + bytes > maxBytes) rotate();
      appendFileSync(current, line, { mode: 0o600 });
      size = sizeNow() + bytes;
      failed = false;
    } catch (err) {
      size = -1;
      if (!failed) opts.echo?.(`log file not writable (${opts.dir}): ${err instanceof Error ? err.message : String(err)}`);
      failed = true;
    }
  }

  return {
    dir: opts.dir,
    write,
    log: (message, err) => write('error', message, err),
    files() {
      if (!existsSync(opts.dir)) return [];
      const names = readdirSync(opts.dir).filter((n) => n === `${LOG_BASENAME}.log` || new RegExp(`^${LOG_BASENAME}\\.\\d+\\.log$`).test(n));
      const order = (n: string) => (n === `${LOG_BASENAME}.log` ? 0 : Number(n.split('.')[1]));
      return names.sort((a, b) => order(a) - order(b)).map((n) => join(opts.dir, n));
    },
  };
}

const shared = new Map<string, RotatingLog>();

/** One log per directory for the whole process (the services and the engineer share it). */
export function sharedLog(dir: string, echo: (line: string) => void = (l) => console.error(l)): RotatingLog {
  let log = shared.get(dir);
  if (!log) {
    log = createRotatingLog({ dir, echo });
    shared.set(dir, log);
  }
  return log;
}
