/**
 * Issue 17 item 6: `npm start` on a machine without the Electron binary runs Electron's own
 * installer once, from ELECTRON_MIRROR, bounded in time, and when it cannot download says why
 * and opens browser mode. The "mirror" here is a local HTTP server: one that refuses (404) and
 * one that never answers. Runs scripts/start.mjs itself (the build step of `npm start` is skipped).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = process.cwd();
const built = existsSync(join(root, 'out/main/harness.js'));
const hasBinary = existsSync(join(root, 'node_modules/electron/path.txt'));

let server: Server | null = null;
let child: ChildProcess | null = null;
let dir = '';
afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((r) => child!.once('exit', r));
    child.kill('SIGTERM');
    await exited;
  }
  child = null;
  await new Promise<void>((r) => (server ? server.close(() => r()) : r()));
  server = null;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A mirror that records the paths asked for and answers with `answer` (or never). */
async function mirror(answer: 'not-found' | 'silent'): Promise<{ url: string; asked: string[] }> {
  const asked: string[] = [];
  server = createServer((req, res) => {
    asked.push(req.url ?? '');
    if (answer === 'not-found') { res.statusCode = 404; res.end('no such file'); }
  });
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`, asked };
}

/** Runs `npm start`'s script until the harness says it is running (or it exits); returns what it printed. */
async function start(env: NodeJS.ProcessEnv): Promise<string> {
  dir = await mkdtemp(join(tmpdir(), 'yima-start-'));
  const e: NodeJS.ProcessEnv = { ...process.env, ...env, electron_config_cache: join(dir, 'cache') };
  delete e.DISPLAY;
  delete e.YIMA_NO_ELECTRON_DOWNLOAD;
  child = spawn(process.execPath, ['scripts/start.mjs', '--port', '0', '--data-dir', join(dir, 'data')], { cwd: root, env: e, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  return new Promise((resolve) => {
    const onData = (d: Buffer) => { out += d.toString(); if (out.includes('Yima is running at')) resolve(out); };
    child!.stdout!.on('data', onData);
    child!.stderr!.on('data', onData);
    child!.once('exit', () => resolve(out));
  });
}

describe.skipIf(!built || hasBinary)('npm start without an Electron binary', { timeout: 60_000 }, () => {
  it('downloads once from ELECTRON_MIRROR; when the mirror has no file, says why and opens browser mode', async () => {
    const m = await mirror('not-found');
    const out = await start({ ELECTRON_MIRROR: m.url });
    expect(out).toContain(`downloading it once from ${m.url}`);
    expect(m.asked.some((p) => /electron-v45\.4\.1-/.test(p) || /SHASUMS256/.test(p))).toBe(true);
    expect(out).toMatch(/browser mode \(the Electron download failed .*ELECTRON_MIRROR/);
    expect(out).toMatch(/Yima is running at http:\/\/127\.0\.0\.1:\d+\/\?token=/);
  });

  it('gives up after its timeout on a mirror that never answers, and still opens browser mode', async () => {
    await mirror('silent');
    const t0 = Date.now();
    const out = await start({ ELECTRON_MIRROR: `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`, YIMA_ELECTRON_INSTALL_TIMEOUT_MS: '2000' });
    expect(out).toContain('browser mode (the Electron download did not finish within 2 s)');
    expect(out).toContain('Yima is running at');
    expect(Date.now() - t0).toBeLessThan(30_000);
  });
});
