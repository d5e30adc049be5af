/// <reference lib="dom" />
/**
 * Visual checks of one view: a reviewed screenshot at 1024×768 (the common counter touchscreen)
 * and the layout audit (overflow, stacked words, contrast, touch size, untranslated text) at
 * 1024×768, 1366×768 and 1920×1080, in the normal and the high-contrast theme.
 *
 * Determinism: the bundled font is awaited, animations and the caret are off (Playwright's
 * defaults for toHaveScreenshot), the browser runs in Asia/Shanghai, and what changes from run
 * to run (dates and times, our order numbers, QR codes, countdowns) is frozen to a fixed text
 * of the same shape or masked.
 */
import { expect, type Page } from '@playwright/test';
import { auditLayout, describeFindings } from '../../support/layout-audit';

export type Lang = 'zh' | 'en';
const SIZES = [{ width: 1024, height: 768 }, { width: 1366, height: 768 }, { width: 1920, height: 1080 }] as const;

/** Elements whose content differs on every run by nature; masked in screenshots. */
const VOLATILE = ['[data-testid=qr]', '[data-testid=countdown]', '[data-testid=receipt-qr]', '.customer img'];

/**
 * Every date, time and order number on screen, rewritten to one fixed value of the same shape
 * (2026/12/2 → 2026/3/14, 12:19:16 → 10:05:09, YM2026…): widths no longer depend on the day.
 */
async function freezeTimes(page: Page): Promise<void> {
  await page.evaluate(() => {
    const rules: [RegExp, string][] = [
      [/YM\d{14,}/g, 'YM20260314100509000001'],
      [/\d{4}-\d{2}-\d{2}/g, '2026-03-14'],
      [/\d{4}\/\d{1,2}\/\d{1,2}/g, '2026/3/14'],
      [/\d{1,2}\/\d{1,2}\/\d{4}/g, '3/14/2026'],
      [/\d{4}年\d{1,2}月\d{1,2}日/g, '2026年3月14日'],
      [/(?:周|星期)[一二三四五六日天]/g, '周六'],
      [/\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{1,2}, \d{4}/g, 'Sat, Mar 14, 2026'],
      [/\d{1,2}:\d{2}:\d{2}( ?[AP]M)?/g, '10:05:09$1'],
      [/\b[AP]M\b/g, 'AM'],
      [/\b\d{12,20}\b/g, '7895000000000001'],
    ];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      let text = n.textContent ?? '';
      for (const [re, fixed] of rules) text = text.replace(re, fixed);
      if (text !== n.textContent) n.textContent = text;
    }
  });
}

export async function settle(page: Page): Promise<void> {
  await page.evaluate(async () => { await document.fonts.ready; });
  await freezeTimes(page);
}

/** Screenshot (1024×768) + audits of the current view; failures name the view and element. */
/**
 * Chinese sentences main still sends as text (issue 15 item 2 turns them into codes the renderer
 * translates): tolerated in English until that lands, and only these exact ones.
 */
const MAIN_SENTENCES_PENDING = new Set(['未配置串口扫码枪', '未配置打印机', '支付成功']);

export async function checkView(page: Page, view: string, lang: Lang, opts: { screenshot?: boolean } = {}): Promise<void> {
  const problems: string[] = [];
  // Layout at every size in the normal theme; colours (the high-contrast theme) at the smallest.
  const runs = [...SIZES.map((size) => ({ size, theme: 'default' })), { size: SIZES[0], theme: 'hc' }];
  for (const { size, theme } of runs) {
    {
      await page.evaluate((th) => { document.documentElement.dataset.theme = th; }, theme);
      await page.setViewportSize(size);
      await settle(page);
      const findings = (await auditLayout(page, { english: lang === 'en' }))
        .filter((f) => !(f.kind === 'untranslated' && MAIN_SENTENCES_PENDING.has(f.text ?? '')));
      const text = describeFindings(`${view} ${lang} ${size.width}×${size.height} ${theme}`, findings);
      if (text) problems.push(text);
    }
  }
  await page.evaluate(() => { document.documentElement.dataset.theme = 'default'; });
  await page.setViewportSize(SIZES[0]);
  await settle(page);
  if (opts.screenshot !== false) {
    await expect(page).toHaveScreenshot(`${view}-${lang}.png`, {
      mask: VOLATILE.map((s) => page.locator(s)),
      maxDiffPixelRatio: 0.003,
    });
  }
  expect.soft(problems.join('\n'), `layout audit of ${view} (${lang})`).toBe('');
}
