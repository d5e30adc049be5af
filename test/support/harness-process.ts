/**
 * Starts the built harness (`out/main/harness.js`) as a real child process on its own data
 * directory, waits for its "Yima is running at <url>" line, and can SIGKILL and restart it —
 * the counter PC losing power, as the crash tests need.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

export interface HarnessProcess {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  output: string[];
  child: ChildProcess;
  /** POST /api/<action> with the token, returning the envelope. */
  call<T = unknown>(action: string, args?: unknown): Promise<{ ok: boolean; value?: T; error?: { code: string; message: string } }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

const HARNESS = join(process.cwd(), 'out/main/harness.js');

/** Every harness this test process started: killed when it exits, so a fixture that fails before its cleanup leaves no counter running. */
const running = new Set<ChildProcess>();
process.once('exit', () => { for (const c of running) c.kill('SIGKILL'); });

export async function startHarnessProcess(opts: { dataDir: string; aggregatorUrl?: string; extraArgs?: string[]; timeoutMs?: number; env?: NodeJS.ProcessEnv }): Promise<HarnessProcess> {
  const args = [HARNESS, '--port', '0', '--data-dir', opts.dataDir, ...(opts.aggregatorUrl ? ['--aggregator', opts.aggregatorUrl] : []), ...(opts.extraArgs ?? [])];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  running.add(child);
  child.once('exit', () => running.delete(child));
  const output: string[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`harness did not start in time:\n${output.join('')}`)), opts.timeoutMs ?? 15_000);
    const onData = (chunk: Buffer) => {
      output.push(chunk.toString());
      const m = /Yima is running at (\S+)/.exec(output.join(''));
      if (m?.[1]) { clearTimeout(timer); resolve(m[1]); }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (c: Buffer) => output.push(c.toString()));
    child.once('exit', (code) => { clearTimeout(timer); reject(new Error(`harness exited (${code}):\n${output.join('')}`)); });
  });
  const parsed = new URL(url);
  const token = parsed.searchParams.get('token') ?? '';
  const origin = parsed.origin;
  return {
    url, origin, token, dataDir: opts.dataDir, output, child,
    async call(action, callArgs = {}) {
      const res = await fetch(`${origin}/api/${action}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(callArgs) });
      return (await res.json()) as never;
    },
    async kill(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill(signal);
      await exited;
    },
  };
}
