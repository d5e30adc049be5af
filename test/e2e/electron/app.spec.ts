/**
 * The real Electron app through Playwright's `_electron`. Skipped, with the reason printed,
 * where no Electron binary exists (this project's CI cannot download one).
 */
import { test, expect, _electron as electron } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

function electronBinary(): { ok: true; path: string } | { ok: false; why: string } {
  try {
    const dir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return { ok: false, why: 'electron has no downloaded binary (node_modules/electron/path.txt missing)' };
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? { ok: true, path: bin } : { ok: false, why: `electron binary missing at ${bin}` };
  } catch (err) {
    return { ok: false, why: `electron not installed: ${String(err)}` };
  }
}

const bin = electronBinary();
if (!bin.ok) console.log(`[electron project] skipped: ${bin.why}`);

test.describe('Electron app', () => {
  test.skip(!bin.ok, bin.ok ? '' : bin.why);
  const executablePath = bin.ok ? bin.path : '';

  test('opens the cashier window with window.pos and no Node in the renderer', async () => {
    const app = await electron.launch({ executablePath, args: ['.', '--data-dir', mkdtempSync(join(tmpdir(), 'yima-electron-'))] });
    const win = await app.firstWindow();
    await expect(win.getByTestId('collect')).toBeVisible();
    expect(await win.evaluate(() => typeof (globalThis as unknown as { pos?: unknown }).pos)).toBe('object');
    expect(await win.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });

  test('the renderer cannot navigate away, open windows or reach Node', async () => {
    const app = await electron.launch({ executablePath, args: ['.', '--data-dir', mkdtempSync(join(tmpdir(), 'yima-electron-'))] });
    const win = await app.firstWindow();
    await expect(win.getByTestId('collect')).toBeVisible();
    const start = win.url();
    expect(await win.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await win.evaluate(() => (globalThis as unknown as { open(u: string): unknown }).open('https://evil.example/') === null)).toBe(true);
    await win.evaluate(() => { (globalThis as unknown as { location: { href: string } }).location.href = 'https://evil.example/'; });
    await win.waitForTimeout(500);
    expect(win.url()).toBe(start);
    expect(app.windows()).toHaveLength(1);
    const prefs = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.webContents.getURL()));
    expect(prefs.every((u) => u.startsWith('file:'))).toBe(true);
    await app.close();
  });
});
