/**
 * Issue 14 item 4: a full payment code read by the serial scanner (real pty through socat) never
 * reaches the event bus — every window and subscriber (customer display included) gets the
 * masked code; only the engineer's monitor, while its session is open, shows the raw frame.
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

describe.skipIf(!!skip)('scanner frames on the bus', { timeout: 30_000 }, () => {
  let pair: PtyPair | null = null;
  let services: Services | null = null;
  afterEach(async () => { await services?.stop(); await pair?.close(); services = null; pair = null; });

  it('subscribers see the masked code; the open engineer monitor sees the raw one', async () => {
    pair = await openPtyPair();
    const { sb } = await sandbox();
    services = await createServices({
      dataDir: await tempDir('yima-mask-'), aggregatorUrl: sb.url, cipher: plaintextCipher, log: () => undefined,
      confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as never,
      devices: { scanner: { path: pair.a, baudRate: 9600 } },
    });
    await services.recovered;
    const seen: { event: string; text: string; hex: string }[] = [];
    services.bus.subscribe((event, payload) => {
      if (event === 'scannerFrame' || event === 'scannerMonitor') seen.push({ event, text: (payload as { text: string }).text, hex: (payload as { hex: string }).hex });
    });
    const writer = await open(pair.b, 'r+');
    try {
      await pollUntil(async () => services!.devices.status().scanner.state, (s) => s === 'connected');
      await writer.write(Buffer.from(`${CODE}\r`));
      await pollUntil(async () => seen.length, (n) => n >= 1);
      expect(await services.dispatch('engineerUnlock', { pin: '6666' })).toMatchObject({ ok: true, value: { ok: true } });
      await writer.write(Buffer.from(`${CODE.slice(0, -1)}1\r`));
      await pollUntil(async () => seen.filter((s) => s.event === 'scannerMonitor').length, (n) => n >= 1);
    } finally {
      await writer.close();
    }
    const frames = seen.filter((s) => s.event === 'scannerFrame');
    expect(frames.length).toBeGreaterThanOrEqual(2);
    for (const f of frames) {
      expect(f.text).toMatch(/^1345\*\*\*\*\d{4}$/);
      expect(Buffer.from(f.hex, 'hex').toString()).not.toContain(CODE.slice(4, 14));
    }
    const monitor = seen.filter((s) => s.event === 'scannerMonitor');
    expect(monitor).toHaveLength(1); // only while the engineer session was open
    expect(monitor[0]!.text).toBe(`${CODE.slice(0, -1)}1`);
  });
});
