/**
 * A serial scan (real pty through socat) is announced to the cashier window with a one-time token
 * and only the masked code; the window pays it by sending the token back with the amount on its
 * screen. The token pays once: a replayed or forged one is refused and never reaches the platform.
 */
import { open } from 'node:fs/promises';
import Conf from 'conf';
import { afterEach, describe, expect, it } from 'vitest';
import { createServices, type Services } from '../../../main/services/create-services';
import { plaintextCipher } from '../../../main/settings/secrets';
import { openPtyPair, ptySkipReason, type PtyPair } from '../../support/pty-pair';
import { pollUntil } from '../../support/poll-until';
import { sandbox, tempDir } from '../../unit/main/checkout/service-rig';

const skip = ptySkipReason();
const CODE = '134567890123456780';

describe.skipIf(!!skip)('serial scans paid by token', { timeout: 30_000 }, () => {
  let pair: PtyPair | null = null;
  let services: Services | null = null;
  afterEach(async () => { await services?.stop(); await pair?.close(); services = null; pair = null; });

  it('the token pays the scanned code once with the amount sent; replayed and forged tokens are refused', async () => {
    pair = await openPtyPair();
    const { sb, ctl: control } = await sandbox();
    services = await createServices({
      dataDir: await tempDir('yima-serial-'), aggregatorUrl: sb.url, cipher: plaintextCipher, log: () => undefined,
      confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never,
      devices: { scanner: { path: pair.a, baudRate: 9600 } },
    });
    await services.recovered;
    const events: { event: string; payload: unknown }[] = [];
    services.bus.subscribe((event, payload) => events.push({ event, payload }));
    const writer = await open(pair.b, 'r+');
    try {
      await pollUntil(async () => services!.devices.status().scanner.state, (s) => s === 'connected');
      await writer.write(Buffer.from(`${CODE}\r`));
      await pollUntil(async () => events.filter((e) => e.event === 'serialScan').length, (n) => n >= 1);
    } finally {
      await writer.close();
    }
    const scan = events.find((e) => e.event === 'serialScan')!.payload as { token: string; masked: string };
    expect(scan.masked).toMatch(/^1345\*+\d{4}$/);
    expect(JSON.stringify(events)).not.toContain(CODE); // the full code never crosses the bus
    expect(await control.orders()).toHaveLength(0); // nothing is charged before the window answers

    const pay = (scanToken: string | undefined, requestId: string) => services!.dispatch('startScanPayment', { amount: '12.30', requestId, source: 'serial', ...(scanToken === undefined ? {} : { scanToken }) });
    expect(await pay(scan.token, 'r-serial-1')).toMatchObject({ ok: true });
    await pollUntil(async () => services!.checkout.current().phase, (p) => p === 'result');
    expect(services.checkout.current().result).toMatchObject({ outcome: 'PAID', amountFen: 1230 });
    await services.dispatch('dismissResult', {});

    for (const [token, id] of [[scan.token, 'r-serial-2'], ['forged-token', 'r-serial-3'], [undefined, 'r-serial-4']] as const) {
      expect(await pay(token, id)).toMatchObject({ ok: false, error: { code: 'REFUSED', msg: { code: 'paycode.scanTokenRefused' } } });
    }
    const orders = await control.orders();
    expect(orders.map((o) => [o.totalFen, o.chargeCount])).toEqual([[1230, 1]]);
  });
});
