/**
 * Issue 17 (cold start): a counter on 收钱吧 without head-office sync starts without loading pg
 * (sync only), sm-crypto (招商银行 only) or serialport (a serial scanner or printer only); they are
 * imported where first needed. Read from the built bundles (what `npm start` runs); the bank and
 * head-office suites (recovery/kill9 on cmb, setup, sync, printer/serial) show they still load when chosen.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPackages } from '../../support/bundle-imports';

const OUT = join(process.cwd(), 'out/main');
const built = existsSync(join(OUT, 'harness.js'));

describe.skipIf(!built)('what the start loads', () => {
  it.each(['harness.js', 'index.js'])('%s: no pg, sm-crypto or serialport at start, but the services it needs', (entry) => {
    const loaded = staticPackages(join(OUT, entry));
    for (const lazy of ['pg', 'sm-crypto', 'serialport']) expect(loaded, lazy).not.toContain(lazy);
    // The reader follows the chunks: the contract's zod and the receipt's QR are reached.
    expect(loaded).toContain('zod');
    expect(loaded).toContain('qrcode');
  });
});

describe.skipIf(!built)('the browser bridge', () => {
  it('pos-bridge.js is one self-contained classic script: a chunk shared with the screen would leave window.pos unset', () => {
    const bridge = readFileSync(join(process.cwd(), 'out/renderer/pos-bridge.js'), 'utf8');
    expect(bridge).not.toMatch(/(?:^|[;}])\s*import\s*[{*"']/m); // e.g. import{n as e}from"./assets/messages-….js"
    expect(bridge).toContain('/api/');
  });
});
