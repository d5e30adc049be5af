/**
 * English-mode e2e helpers (issue 15 item 2): switch the counter to English, take a QR payment
 * the way a customer would, and check that nothing visible is Chinese except where Chinese is
 * the design (elements with lang="zh…" such as the receipt preview, data marked translate="no"
 * such as the shop name). A failure names the element and its text (support/layout-audit.ts).
 */
import type { Page } from '@playwright/test';
import { expect, readQrFromScreen, typeAmount, type Fixtures } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';
import { auditLayout, describeFindings } from '../../support/layout-audit';

/** No untranslated text on the page as it stands; `view` names the screen in the failure. */
export async function noChinese(page: Page, view: string): Promise<void> {
  const findings = (await auditLayout(page, { english: true })).filter((f) => f.kind === 'untranslated');
  expect(describeFindings(`${view} (en)`, findings), `Chinese text on ${view}`).toBe('');
}

/** The status bar's language switch, as the cashier presses it. */
export async function toEnglish(page: Page): Promise<void> {
  await page.getByTestId('language-toggle').click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

/** Collects `yuan` by QR, the customer pays with `wallet`; ends on the next sale. Returns our order number. */
export async function payQrInEnglish(page: Page, control: Fixtures['sandbox']['control'], yuan: string, wallet: 'wechat' | 'alipay' | 'unionpay'): Promise<string> {
  await typeAmount(page, yuan);
  await page.getByTestId('collect').click();
  await walletOpens(await readQrFromScreen(page), wallet);
  const waiting = (await control.orders()).filter((o) => o.orderStatus === 'CREATED');
  expect(waiting).toHaveLength(1);
  await control.walletPay({ sn: waiting[0]!.sn }, wallet);
  await expect(page.getByTestId('result-title')).toHaveText('Paid');
  await page.getByTestId('next').click();
  return waiting[0]!.clientSn;
}
