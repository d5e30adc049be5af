/**
 * Issue 14 item 2: a page served from another 127.0.0.1 port (any local program's web page) must
 * not act as the cashier. The cashier has the counter open in the same browser; the attacker's
 * page then tries a no-cors text/plain POST (sign in, unlock the engineer, start a payment), an
 * HTML form POST (rename the shop) and `new WebSocket(…/events)`. Nothing may happen.
 */
import { createServer, type Server } from 'node:http';
import { test, expect } from '../fixtures';

function attackerPage(app: string): string {
  const ws = app.replace('http://', 'ws://');
  // The form's text/plain body is `{"name":"Pwned","terminalName":"T=x"}`: valid JSON by design.
  return `<!doctype html><html><body>
<form id="f" method="POST" action="${app}/api/saveShop" enctype="text/plain" target="sink">
  <input name='{"name":"Pwned","terminalName":"T' value='x"}'>
</form>
<iframe name="sink"></iframe>
<script>
window.results = { events: 0, wsOpened: false, wsDone: false, posts: 0 };
const post = (action, body) => fetch('${app}/api/' + action, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify(body) })
  .then(() => { window.results.posts++; }, () => { window.results.posts++; });
(async () => {
  await post('login', { role: 'manager', pin: '8888' });
  await post('engineerUnlock', { pin: '6666' });
  await post('startQrPayment', { amount: '12.30', requestId: 'attack-00000001' });
  document.getElementById('f').submit();
  try {
    const ws = new WebSocket('${ws}/events');
    ws.onopen = () => { window.results.wsOpened = true; };
    ws.onmessage = () => { window.results.events++; };
    ws.onclose = ws.onerror = () => { window.results.wsDone = true; };
    setTimeout(() => { window.results.wsDone = true; }, 3000);
  } catch { window.results.wsDone = true; }
})();
</script></body></html>`;
}

test('a page on another loopback port cannot pay, sign in, rename the shop or read events', async ({ counter, app, context, sandbox }) => {
  const appOrigin = app.origin;
  const server: Server = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(attackerPage(appOrigin)); });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = (server.address() as { port: number }).port;
  try {
    // The cashier's counter page is open (signed out, idle) in the same browser profile.
    await expect(counter.getByTestId('aggregator-status')).toContainText('沙箱');
    const shopBefore = (await app.call<{ shopName: string }>('getSnapshot')).value!.shopName;

    const evil = await context.newPage();
    await evil.goto(`http://127.0.0.1:${port}/`);
    await expect.poll(() => evil.evaluate(() => (window as unknown as { results: { posts: number; wsDone: boolean } }).results), { timeout: 10_000 })
      .toMatchObject({ posts: 3, wsDone: true });
    await evil.waitForTimeout(500); // the form POST lands in the hidden frame

    const results = await evil.evaluate(() => (window as unknown as { results: { events: number; wsOpened: boolean } }).results);
    expect(results.events, 'events read by the attacker page').toBe(0);
    expect(results.wsOpened, 'WebSocket opened by the attacker page').toBe(false);

    const snap = (await app.call<{ shopName: string; checkout: { phase: string } }>('getSnapshot')).value!;
    expect(snap.checkout.phase, 'no payment started').toBe('idle');
    expect(snap.shopName, 'shop not renamed').toBe(shopBefore);
    const session = (await app.call<{ operator: unknown }>('managerSession')).value!;
    expect(session.operator, 'nobody signed in').toBeNull();
    const requests = (await sandbox.control.call<{ requests: { op: string }[] }>('GET', 'requests')).requests;
    expect(requests.filter((r) => r.op === 'precreate'), 'nothing reached the aggregator').toEqual([]);
    // The engineer session was not opened by the attacker either.
    expect((await app.call('engineerView')).ok).toBe(false);

    // The cashier's own page still works (same origin, token in the page).
    await counter.reload();
    await expect(counter.getByTestId('aggregator-status')).toContainText('沙箱');
  } finally {
    await new Promise<void>((r) => server.close(() => r()));
  }
});
