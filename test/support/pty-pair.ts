/**
 * A real pseudo-terminal pair from socat, for serial integration tests and the bench: bytes
 * written to `b` come out of `a` (and back), like a null-modem cable to a scanner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

export interface PtyPair {
  a: string;
  b: string;
  dir: string;
  process: ChildProcess;
  /** Kills socat and waits until it has exited (socat removes its links on exit). */
  close(): Promise<void>;
}

/** Why the pty suites must be skipped here, or undefined when socat is on PATH. */
export function ptySkipReason(): string | undefined {
  if (process.platform === 'win32') return 'pty pairs need a Unix system (socat)';
  const found = (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try { accessSync(join(dir, 'socat'), constants.X_OK); return true; } catch { return false; }
  });
  return found ? undefined : 'socat is not installed (apt-get install socat) — serial pty tests skipped';
}

export function makeTmpDir(): string {
  return mkdtempSync(join(tmpdir(), 'yima-pty-'));
}

/** Starts socat linking <dir>/a and <dir>/b (or the given paths); resolves when both exist. */
export async function openPtyPair(opts: { dir?: string; a?: string; b?: string; timeoutMs?: number } = {}): Promise<PtyPair> {
  const dir = opts.dir ?? makeTmpDir();
  const a = opts.a ?? join(dir, 'a');
  const b = opts.b ?? join(dir, 'b');
  const proc = spawn('socat', ['-d', '-d', `pty,raw,echo=0,link=${a}`, `pty,raw,echo=0,link=${b}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  proc.stderr?.on('data', (d: Buffer) => { stderr += d.toString(); });
  let exited = false;
  const exit = new Promise<void>((resolve) => proc.once('exit', () => { exited = true; resolve(); }));
  proc.once('error', () => { exited = true; });

  const close = async (): Promise<void> => {
    if (!exited) proc.kill('SIGTERM');
    await Promise.race([exit, new Promise((r) => setTimeout(r, 2000))]);
    if (!exited) { proc.kill('SIGKILL'); await exit; }
    for (const p of [a, b]) if (!opts.a && !opts.b) rmSync(p, { force: true });
    if (!opts.dir) rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.timeoutMs ?? 5000);
  while (!(existsSync(a) && existsSync(b))) {
    if (exited || Date.now() > deadline) {
      await close();
      throw new Error(`socat did not create ${a} and ${b}: ${stderr.trim() || 'timeout'}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
  return { a, b, dir, process: proc, close };
}
