import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { activate, control, newClientSn, payFields, precreateFields, sandbox, upay, wechatCode } from './helpers';

const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'yima-sandbox-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('sandbox persistence', () => {
  it('keeps terminals, keys, orders and refunds across close + start on the same dataDir', async () => {
    const dataDir = tempDir();
    const a = await sandbox({ dataDir });
    const t = await activate(a.url);
    const paidSn = newClientSn();
    const qrSn = newClientSn();
    await upay(a.url, t, 'pay', payFields(paidSn, wechatCode(), '900'));
    await upay(a.url, t, 'refund', { client_sn: paidSn, refund_request_no: 'R1', refund_amount: '100', operator: 'm' });
    await upay(a.url, t, 'precreate', precreateFields(qrSn));
    await control(a.url, 'POST', 'paycode', { code: wechatCode('77'), behaviour: 'expired_barcode' });
    await a.close();
    expect(readdirSync(dataDir)).toEqual(['sandbox-state.json']); // no tmp file left behind

    const b = await sandbox({ dataDir });
    const q = await upay(b.url, t, 'query', { client_sn: paidSn }); // the same terminal key still signs
    expect(q.biz.data).toMatchObject({ order_status: 'PARTIAL_REFUNDED', net_amount: '800' });
    // the refund number is remembered: repeating it refunds nothing more
    const again = await upay(b.url, t, 'refund', { client_sn: paidSn, refund_request_no: 'R1', refund_amount: '100', operator: 'm' });
    expect(again.biz.data?.net_amount).toBe('800');
    // the QR order still pays, and its QR now points at the new server
    const pre = await upay(b.url, t, 'query', { client_sn: qrSn });
    expect(pre.biz.data?.qr_code?.startsWith(`${b.url}/qr/`)).toBe(true);
    expect((await control(b.url, 'POST', 'wallet-pay', { clientSn: qrSn, wallet: 'wechat' })).status).toBe(200);
    expect((await upay(b.url, t, 'pay', payFields(newClientSn(), wechatCode('77')))).biz.error_code).toBe('EXPIRED_BARCODE');
  });

  it('reset clears orders but keeps the activated terminal unless asked', async () => {
    const dataDir = tempDir();
    const s = await sandbox({ dataDir });
    const t = await activate(s.url);
    const clientSn = newClientSn();
    await upay(s.url, t, 'pay', payFields(clientSn, wechatCode()));
    await control(s.url, 'POST', 'reset');
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).biz.error_code).toBe('UPAY_ORDER_NOT_EXISTS');
    expect(JSON.parse(readFileSync(join(dataDir, 'sandbox-state.json'), 'utf8')).orders).toEqual([]);
    await control(s.url, 'POST', 'reset', { terminals: true });
    expect((await upay(s.url, t, 'query', { client_sn: clientSn })).json.error_code).toBe('INVALID_TERMINAL');
  });

  it('the CLI prints exactly one listening line and keeps state on disk across restarts', async () => {
    const dataDir = tempDir();
    const run = async (): Promise<{ url: string; stop: () => Promise<string> }> => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'main/aggregator/sandbox/cli.ts', '--port', '0', '--data-dir', dataDir], {
        cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'],
      });
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (c: Buffer) => {
          out += c.toString();
          const m = /^Sandbox aggregator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
          if (m?.[1]) resolve(m[1]);
        });
        child.once('exit', (code) => reject(new Error(`cli exited ${code}: ${out}`)));
      });
      const stop = () => new Promise<string>((resolve) => {
        child.once('exit', () => resolve(out));
        child.kill('SIGTERM');
      });
      return { url, stop };
    };
    const first = await run();
    const t = await activate(first.url);
    const clientSn = newClientSn();
    await upay(first.url, t, 'pay', payFields(clientSn, wechatCode()));
    const out = await first.stop();
    expect(out.trim().split('\n')).toHaveLength(1);

    const second = await run();
    const q = await upay(second.url, t, 'query', { client_sn: clientSn });
    await second.stop();
    expect(q.biz.data?.order_status).toBe('PAID');
  });
});
