import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRotatingLog } from '../../../../main/logs/rotating-log';
import { exportLogsZip, logExportName } from '../../../../main/logs/log-export';
import { readZip } from './read-zip';

const NOW = Date.UTC(2026, 2, 10, 8, 30, 0);
let dir: string;
beforeEach(async () => { dir = await mkdtemp(join(tmpdir(), 'yima-logs-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

describe('rotating log file', () => {
  it('writes time, level and the masked message to <dir>/yima.log', async () => {
    const log = createRotatingLog({ dir: join(dir, 'logs'), clock: () => NOW });
    log.write('warn', 'scan 134567890123456789 refused', { terminal_key: 'f3a9c1e07b2d4e58a6b1c9d0e7f21534' });
    log.log('pay failed', new Error('timeout for 2812345678901234'));
    const text = await readFile(join(dir, 'logs', 'yima.log'), 'utf8');
    expect(text).toContain('2026-03-10T08:30:00.000Z WARN scan 1345****6789 refused {"terminal_key":"****"}');
    expect(text).toContain('ERROR pay failed Error: timeout for 2812****1234');
    expect(text).not.toMatch(/134567890123456789|2812345678901234|f3a9c1e07b2d/);
  });

  it('rotates at the size limit and keeps only the newest files', async () => {
    const log = createRotatingLog({ dir, maxBytes: 200, keep: 2, clock: () => NOW });
    for (let i = 0; i < 20; i++) log.write('info', `line ${String(i).padStart(2, '0')} ${'x'.repeat(40)}`);
    const names = (await readdir(dir)).sort();
    expect(names).toEqual(['yima.1.log', 'yima.2.log', 'yima.log']);
    for (const n of names) expect((await readFile(join(dir, n))).length).toBeLessThanOrEqual(200);
    expect(await readFile(join(dir, 'yima.log'), 'utf8')).toContain('line 19');
    const all = (await Promise.all(names.map((n) => readFile(join(dir, n), 'utf8')))).join('');
    expect(all).not.toContain('line 00'); // the oldest file was dropped
    expect(log.files().map((f) => f.slice(dir.length + 1))).toEqual(['yima.log', 'yima.1.log', 'yima.2.log']);
  });

  it('carries on appending after a restart, without truncating', async () => {
    createRotatingLog({ dir, clock: () => NOW }).write('info', 'before restart');
    createRotatingLog({ dir, clock: () => NOW }).write('info', 'after restart');
    const text = await readFile(join(dir, 'yima.log'), 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
  });

  it('a log folder that cannot be written does not throw into the app', async () => {
    const lines: string[] = [];
    await writeFile(join(dir, 'a-file'), 'not a folder');
    const log = createRotatingLog({ dir: join(dir, 'a-file', 'logs'), echo: (l) => lines.push(l) });
    expect(() => log.write('error', 'still running')).not.toThrow();
    expect(lines.some((l) => l.includes('log file not writable'))).toBe(true);
  });
});

describe('export logs as a zip', () => {
  it('holds every log file and the extra files, with keys and payment codes masked', async () => {
    const log = createRotatingLog({ dir: join(dir, 'logs'), maxBytes: 120, keep: 3, clock: () => NOW });
    for (let i = 0; i < 6; i++) log.write('info', `event ${i} ${'y'.repeat(30)}`);
    const out = await exportLogsZip({
      logFiles: log.files(), outDir: join(dir, 'exports'), now: NOW,
      extra: { 'status.json': '{"note":"scan 134567890123456789","vendorKey":"secret-vendor-key"}' },
    });
    expect(out.fileName).toBe(logExportName(NOW));
    expect(out.fileName).toMatch(/^yima-logs-\d{8}-\d{6}\.zip$/);
    expect(out.path).toBe(join(dir, 'exports', out.fileName));
    const entries = readZip(await readFile(out.path));
    expect([...entries.keys()].sort()).toEqual([...log.files().map((f) => `logs/${f.slice(f.lastIndexOf('/') + 1)}`), 'status.json'].sort());
    expect(entries.get('logs/yima.log')).toContain('event 5');
    expect(entries.get('status.json')).toBe('{"note":"scan 1345****6789","vendorKey":"****"}');
    expect(out.bytes).toBe((await readFile(out.path)).length);
  });
});
