/**
 * Extra fixtures for the store manager's e2e tests (the shared ones in ../fixtures.ts are
 * unchanged): `shop` pays QR orders the way a customer would (through the sandbox's wallet
 * control API instead of a phone) and opens the Reports screen.
 */
import type { Page } from '@playwright/test';
import { test as base, expect, readQrFromScreen, typeAmount, type Fixtures } from '../fixtures';
import { walletOpens } from '../../support/wallet-app';

export const MANAGER_PIN = '8888'; // the documented factory default (README: 店长 PIN)

export interface Shop {
  page: Page;
  /** Collects `yuan` by QR and has the customer pay it with `wallet`; returns our order number. */
  payQr(yuan: string, wallet: 'wechat' | 'alipay' | 'unionpay'): Promise<string>;
  openReports(): Promise<void>;
  /** Types a PIN into the open manager PIN dialog and presses Enter. */
  enterPin(pin: string): Promise<void>;
}

/** Collects `yuan` by QR on `page` and has the customer pay it with `wallet`; returns our order number. */
export async function payQrOn(page: Page, control: Fixtures['sandbox']['control'], yuan: string, wallet: 'wechat' | 'alipay' | 'unionpay'): Promise<string> {
  await typeAmount(page, yuan);
  await page.getByTestId('collect').click();
  await walletOpens(await readQrFromScreen(page), wallet); // the customer scans the QR in their wallet
  const waiting = (await control.orders()).filter((o) => o.orderStatus === 'CREATED');
  expect(waiting).toHaveLength(1);
  await control.walletPay({ sn: waiting[0]!.sn }, wallet);
  await expect(page.getByTestId('result-title')).toHaveText('支付成功');
  await page.getByTestId('next').click();
  return waiting[0]!.clientSn;
}

export const test = base.extend<{ shop: Shop }>({
  shop: async ({ counter, sandbox }, use) => {
    const page = counter;
    const shop: Shop = {
      page,
      payQr: (yuan, wallet) => payQrOn(page, sandbox.control, yuan, wallet),
      async openReports() {
        await page.keyboard.press('F3');
        await expect(page.getByTestId('reports')).toBeVisible();
      },
      async enterPin(pin) {
        const input = page.getByTestId('pin-input');
        await expect(input).toBeEnabled();
        await input.fill(pin);
        await input.press('Enter');
      },
    };
    await use(shop);
  },
});

export { expect };

/** The manager's first sign-in: the factory PIN must be changed; returns with the dialog closed. */
export async function firstManagerSignIn(page: Page, newPin: string): Promise<void> {
  await page.getByTestId('operator-button').click();
  await page.getByTestId('op-role-manager').click();
  await page.getByTestId('op-pin').fill(MANAGER_PIN);
  await page.getByTestId('op-pin').press('Enter');
  await expect(page.getByTestId('op-must-change')).toBeVisible();
  await page.getByTestId('op-old-pin').fill(MANAGER_PIN);
  await page.getByTestId('op-new-pin').fill(newPin);
  await page.getByTestId('op-new-pin2').fill(newPin);
  await page.getByTestId('op-save-pin').click();
  await expect(page.getByTestId('operator-dialog')).toHaveCount(0);
}

/** A signed-in manager adds a cashier by name (the dialog stays open on the staff list). */
export async function addCashier(page: Page, name: string, pin: string, managerPin: string): Promise<void> {
  await page.getByTestId('operator-button').click();
  await page.getByTestId('op-staff').click();
  await page.getByTestId('op-staff-name').fill(name);
  await page.getByTestId('op-staff-pin').fill(pin);
  await page.getByTestId('op-staff-manager-pin').fill(managerPin);
  await page.getByTestId('op-staff-save').click();
  await expect(page.getByTestId('op-staff-message')).toHaveText(`已保存 ${name} 的 PIN`);
}

/** Someone else takes over the counter: 切换, their role, their PIN and Enter (the caller checks the outcome). */
export async function switchOperator(page: Page, role: 'cashier' | 'manager' | 'engineer', pin: string): Promise<void> {
  await page.getByTestId('operator-button').click();
  await page.getByTestId('op-switch').click();
  await page.getByTestId(`op-role-${role}`).click();
  await page.getByTestId('op-pin').fill(pin);
  await page.getByTestId('op-pin').press('Enter');
}
