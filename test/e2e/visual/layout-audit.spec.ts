/**
 * The layout audit finds what it claims to find: a page built with each defect of issue 15
 * (stacked 支付方式 header, grey-on-navy key hint, a dialog off the right edge, a 30 px button,
 * Chinese in English mode) is reported with the element named; the same page fixed is clean.
 */
import { test, expect } from '@playwright/test';
import { auditLayout } from '../../support/layout-audit';

const BROKEN = `
<html lang="en"><body style="margin:0;font:16px sans-serif">
  <header style="background:#1c2333;color:#fff;padding:8px"><button class="tab" style="background:none;border:0;color:#fff;min-height:44px">Checkout <kbd style="color:#555">F1</kbd></button></header>
  <table><tr><th data-testid="narrow" style="width:1em;max-width:1em;font-size:16px">支付方式</th></tr></table>
  <div data-testid="wide" style="width:1300px;height:20px">wide</div>
  <button data-testid="small" style="height:30px">Tiny</button>
  <p data-testid="zh">未配置打印机</p>
  <p translate="no">一码小店</p>
</body></html>`;

const FIXED = `
<html lang="en"><body style="margin:0;font:16px sans-serif">
  <header style="background:#1c2333;color:#fff;padding:8px"><button style="background:none;border:0;color:#fff;min-height:44px">Checkout <kbd style="color:inherit">F1</kbd></button></header>
  <table><tr><th style="white-space:nowrap">Wallet</th></tr></table>
  <div style="width:900px;height:20px">fits</div>
  <button style="height:44px">Big enough</button>
  <p translate="no">一码小店</p>
</body></html>`;

test('the audit names each defect and passes the fixed page', async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.setContent(BROKEN);
  const found = await auditLayout(page, { english: true });
  const has = (kind: string, part: string) => found.some((f) => f.kind === kind && (f.element + f.detail).includes(part));
  expect(has('contrast', 'F1'), JSON.stringify(found, null, 1)).toBe(true);
  expect(has('stacked', 'narrow')).toBe(true);
  expect(has('viewport', 'wide')).toBe(true);
  expect(has('touch', 'small')).toBe(true);
  expect(has('untranslated', '未配置打印机')).toBe(true);
  expect(found.some((f) => f.kind === 'untranslated' && f.detail.includes('一码小店'))).toBe(false); // shop data
  await page.setContent(FIXED);
  expect(await auditLayout(page, { english: true })).toEqual([]);
});
