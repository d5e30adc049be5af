/**
 * Customer display figures (issue 9): how far the customer's screen trails the cashier's. Both
 * pages run in one Chromium against a real harness; each notes (Date.now, same machine clock) when
 * the amount being typed appears, and the lag is customer − cashier, per keystroke.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { startHarnessProcess } from '../test/support/harness-process';
import { percentile, round2, type Row } from './row';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Resolves with the Date.now() at which `text` first appears in the page's [data-testid=testId]. */
function seenAt(page: Page, testId: string, text: string): Promise<number> {
  // A string, not a function: tsx's name helpers do not exist inside the page.
  return page.evaluate(`new Promise((resolve) => {
    const hit = () => (document.querySelector('[data-testid="${testId}"]')?.textContent ?? '').includes(${JSON.stringify(text)});
    if (hit()) return resolve(Date.now());
    const obs = new MutationObserver(() => { if (hit()) { obs.disconnect(); resolve(Date.now()); } });
    obs.observe(document.body, { subtree: true, childList: true, characterData: true });
  })`) as Promise<number>;
}

export async function runDisplayBench(opts: { rounds?: number } = {}): Promise<Row[]> {
  const dir = await mkdtemp(join(tmpdir(), 'yima-bench-display-'));
  const app = await startHarnessProcess({ dataDir: dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  try {
    const cashier = await browser.newPage();
    const customer = await browser.newPage();
    await cashier.goto(app.url);
    await customer.goto(app.url.replace(/\/\?/, '/customer?'));
    await cashier.getByTestId('collect').waitFor();
    await customer.getByTestId('customer').waitFor();
    const lags: number[] = [];
    for (let i = 0; i < (opts.rounds ?? 40); i++) {
      await cashier.keyboard.press('Escape');
      const yuan = String(11 + i);
      const want = `¥${yuan}`;
      const onCashier = seenAt(cashier, 'amount', want);
      const onCustomer = seenAt(customer, 'customer', want);
      for (const k of yuan) await cashier.keyboard.press(k);
      lags.push((await onCustomer) - (await onCashier));
    }
    lags.sort((a, b) => a - b);
    return [
      { name: `customer display behind the cashier, p50 (${lags.length} amounts)`, value: round2(percentile(lags, 0.5)), unit: 'ms' },
      { name: 'customer display behind the cashier, p95', value: round2(percentile(lags, 0.95)), unit: 'ms', goal: '< 100', ok: percentile(lags, 0.95) < 100 },
    ];
  } finally {
    await browser.close();
    await app.kill();
    await rm(dir, { recursive: true, force: true });
  }
}
