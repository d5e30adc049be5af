/// <reference lib="dom" />
/**
 * The customer's side of the counter (issue 9): the customer display follows the checkout, the
 * payment is announced, English replaces every Chinese string, and the keyboard alone suffices.
 */
import { test, expect, readQrFromScreen, typeAmount } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';
import type { Page } from '@playwright/test';
import type { sandboxControl } from '../../support/sandbox-control';

/** The customer pays the order that is waiting at the sandbox, as the wallet page would. */
async function customerPays(counter: Page, control: ReturnType<typeof sandboxControl>, wallet: 'wechat' | 'alipay' | 'unionpay'): Promise<void> {
  await walletOpens(await readQrFromScreen(counter), wallet); // the wallet opens the QR's URL: the order exists from now on
  await expect.poll(async () => (await control.orders()).filter((o) => o.orderStatus === 'CREATED').length).toBe(1);
  const waiting = (await control.orders()).find((o) => o.orderStatus === 'CREATED')!;
  await control.walletPay({ clientSn: waiting.clientSn }, wallet);
}

const customerUrl = (appUrl: string) => appUrl.replace(/\/\?/, '/customer?');

test('the customer display follows a whole payment: welcome, amount, QR, 支付成功, welcome again', async ({ counter, app, context, sandbox }) => {
  const display: Page = await context.newPage();
  await display.goto(customerUrl(app.url));
  const screen = display.getByTestId('customer');
  await expect(screen).toContainText('欢迎光临');

  await counter.bringToFront();
  await typeAmount(counter, '23.45');
  await expect(screen).toContainText('¥23.45');
  await expect(screen.locator('img')).toHaveCount(0);

  await counter.keyboard.press('Enter');
  await expect(screen.locator('img')).toBeVisible();
  await expect(screen).toContainText('¥23.45');
  await expect(screen).not.toContainText('100800000001'); // the terminal, keys and other orders never show

  await customerPays(counter, sandbox.control, 'alipay');
  await expect(screen).toContainText('支付成功');
  await expect(screen).toContainText('¥23.45');

  await counter.keyboard.press('Enter'); // the cashier moves on
  await expect(screen).toContainText('欢迎光临');
});

test('two quick payments are both announced, wallet and amount, in order', async ({ counter, sandbox }) => {
  const said: string[] = [];
  await counter.exposeFunction('__yimaSaid', (t: string) => { said.push(t); });
  await counter.evaluate(() => {
    const w = window as unknown as { __yimaSaid(t: string): void; MutationObserver: typeof MutationObserver };
    new w.MutationObserver(() => {
      const el = document.querySelector('[data-testid="voice-caption"]');
      if (el?.textContent) w.__yimaSaid(el.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  await typeAmount(counter, '128.5');
  await counter.keyboard.press('Enter');
  await customerPays(counter, sandbox.control, 'alipay');
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
  await counter.keyboard.press('Enter');
  await typeAmount(counter, '0.01');
  await counter.keyboard.press('Enter');
  await customerPays(counter, sandbox.control, 'wechat');
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
  await expect.poll(() => [...new Set(said)], { timeout: 20_000 }).toEqual(['支付宝到账一百二十八元五角', '微信收款一分']);
});

/** Visible text with Chinese in it, leaving out the shop's own name (data) and the 中文 switch. */
async function chineseOnScreen(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    const skip = new Set(['shop-name', 'language-toggle']);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const out: string[] = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const tagged = el?.closest('[data-testid]')?.getAttribute('data-testid');
      if (!el || (tagged && skip.has(tagged))) continue;
      if (el.offsetParent !== null && n.textContent?.trim()) out.push(n.textContent.trim());
    }
    return out;
  });
  return texts.filter((t) => /[\u4e00-\u9fff]/.test(t));
}

test('switching to English changes every string on the checkout screen, through a whole payment, without restart', async ({ counter, sandbox }) => {
  await counter.getByTestId('language-toggle').click();
  await typeAmount(counter, '5');
  await expect(counter.getByRole('button', { name: /Collect/ })).toBeVisible();
  expect(await chineseOnScreen(counter)).toEqual([]);
  expect(await counter.evaluate(() => document.documentElement.lang)).toBe('en');

  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('qr')).toBeVisible();
  await expect(counter.getByTestId('countdown')).toBeVisible();
  expect(await chineseOnScreen(counter)).toEqual([]);

  await customerPays(counter, sandbox.control, 'wechat');
  await expect(counter.getByTestId('result-title')).toHaveText('Paid');
  expect(await chineseOnScreen(counter)).toEqual([]);

  await counter.reload(); // the choice is saved: still English after a restart of the window
  await expect(counter.getByTestId('language-toggle')).toHaveText('中文');
});

test('a whole QR payment with the keyboard only: digits, Enter to collect, Enter for the next customer', async ({ counter, sandbox }) => {
  await counter.keyboard.press('Escape');
  for (const k of ['4', '2', '.', '5']) await counter.keyboard.press(k);
  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('qr')).toBeVisible();
  await customerPays(counter, sandbox.control, 'unionpay');
  await expect(counter.getByTestId('result-title')).toHaveText('支付成功');
  await expect(counter.getByTestId('result-amount')).toHaveText('¥42.50');
  await counter.keyboard.press('Enter');
  await expect(counter.getByTestId('amount')).toHaveText('¥0');
  // Focus was never lost: the next amount goes straight in.
  for (const k of ['7']) await counter.keyboard.press(k);
  await expect(counter.getByTestId('amount')).toHaveText('¥7');
});

for (const size of [{ width: 1024, height: 768 }, { width: 1920, height: 1080 }]) {
  test(`at ${size.width}×${size.height} the keypad, 收款 and the QR fit on screen without scrolling`, async ({ counter }) => {
    await counter.setViewportSize(size);
    await typeAmount(counter, '9.99');
    await counter.getByTestId('collect').click();
    await expect(counter.getByTestId('qr')).toBeVisible();
    for (const id of ['qr', 'cancel', 'collect', 'amount']) {
      const box = (await counter.getByTestId(id).boundingBox())!;
      expect(box.y + box.height, id).toBeLessThanOrEqual(size.height);
      expect(box.x + box.width, id).toBeLessThanOrEqual(size.width);
    }
    expect(await counter.evaluate(() => document.scrollingElement!.scrollHeight <= innerHeight)).toBe(true);
    // The amount is readable from a metre away: at least 48 px.
    expect(await counter.getByTestId('amount').evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(48);
  });
}

test('high contrast: one switch turns the checkout white on black, and it is remembered', async ({ counter }) => {
  await counter.getByTestId('contrast-toggle').click();
  await expect(counter.locator('html')).toHaveAttribute('data-theme', 'hc');
  expect(await counter.evaluate(() => getComputedStyle(document.documentElement).backgroundColor)).toBe('rgb(0, 0, 0)');
  await counter.reload();
  await expect(counter.locator('html')).toHaveAttribute('data-theme', 'hc');
});

test('the announcement volume is saved, and after using the slider the keyboard still types the amount', async ({ counter }) => {
  const slider = counter.getByTestId('voice-volume');
  await slider.fill('0.3');
  await expect.poll(() => counter.evaluate(() => (window as unknown as { pos: { getPreferences(a: object): Promise<{ voice: { volume: number } }> } }).pos.getPreferences({}).then((p) => p.voice.volume))).toBe(0.3);
  await slider.dispatchEvent('pointerup');
  for (const k of ['1', '5']) await counter.keyboard.press(k);
  await expect(counter.getByTestId('amount')).toHaveText('¥15');
  await counter.reload();
  await expect(counter.getByTestId('voice-volume')).toHaveValue('0.3');
});
