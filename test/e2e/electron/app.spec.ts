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

  test('opens the cashier window with window.pos and no Node in the renderer', async () => {
    if (!bin.ok) return;
    const app = await electron.launch({ executablePath: bin.path, args: ['.', '--data-dir', mkdtempSync(join(tmpdir(), 'yima-electron-'))] });
    const win = await app.firstWindow();
    await expect(win.getByTestId('collect')).toBeVisible();
    expect(await win.evaluate(() => typeof (globalThis as unknown as { pos?: unknown }).pos)).toBe('object');
    expect(await win.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    await app.close();
  });
});
