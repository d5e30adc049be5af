import { describe, expect, it } from 'vitest';
import { HttpTransportError, type HttpPost } from '../../../../../main/aggregator/upay/http';
import { makeDriver, runFixture } from './harness';
import { TERMINAL, loadFixture, type Exchange, type RecordedRequest } from './replay';

interface FaultCase { name: string; response: { status: number; body: string }; reason: string }
const faults = loadFixture<{ request: RecordedRequest; cases: FaultCase[] }>('faults');

describe('broken answers leave the outcome unknown (caller must query)', () => {
  it.each(faults.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const exchanges: Exchange[] = [{ request: faults.request, response: c.response }];
    const { result } = await runFixture('pay-success', { exchanges });
    expect(result).toMatchObject({ kind: 'unknown', reason: c.reason });
    const message = (result as { message: string }).message;
    expect(message).toMatch(/[\u4e00-\u9fff]/); // Chinese for the cashier
    expect(message).toMatch(/\(.*[a-zA-Z].*\)/); // technical detail for the log
  });

  it('HTTP status reasons name the status', async () => {
    const exchanges: Exchange[] = [{ request: faults.request, response: { status: 503, body: '' } }];
    const { result } = await runFixture('pay-success', { exchanges });
    expect((result as { message: string }).message).toContain('503');
  });

  it.each([
    ['timeout', 'timeout'],
    ['reset', 'network'],
    ['refused', 'network'],
    ['network', 'network'],
  ] as const)('transport %s → unknown/%s', async (kind, reason) => {
    const { result } = await runFixture('pay-success', { exchanges: [{ request: faults.request, transportError: kind }] });
    expect(result).toMatchObject({ kind: 'unknown', reason });
  });

  it('a refused connection says the request never arrived; a reset does not', async () => {
    const refused = await runFixture('pay-success', { exchanges: [{ request: faults.request, transportError: 'refused' }] });
    const reset = await runFixture('pay-success', { exchanges: [{ request: faults.request, transportError: 'reset' }] });
    expect((refused.result as { message: string }).message).toContain('未送达');
    expect((reset.result as { message: string }).message).not.toContain('未送达');
  });

  it('statement: a 502 is a failure, not "no statement"', async () => {
    const fx = loadFixture('statement-not-offered');
    const exchanges: Exchange[] = [{ request: fx.exchanges[0]!.request, response: { status: 502, body: '<html>bad gateway</html>' } }];
    const { result } = await runFixture('statement-not-offered', { exchanges });
    expect(result).toMatchObject({ ok: false });
  });
});

describe('never throws', () => {
  const pay = loadFixture('pay-success').call.args as never;

  it('a transport that throws a plain error resolves to unknown/network', async () => {
    const http: HttpPost = async () => { throw new Error('boom'); };
    await expect(makeDriver(http).pay(pay)).resolves.toMatchObject({ kind: 'unknown', reason: 'network' });
  });

  it('a credential store that throws resolves every method', async () => {
    const http: HttpPost = async () => { throw new HttpTransportError('refused', 'x'); };
    const store = { get: (): never => { throw new Error('disk gone'); }, set: () => undefined };
    const d = makeDriver(http, undefined, { credentials: store });
    await expect(d.pay(pay)).resolves.toMatchObject({ kind: 'unknown' });
    await expect(d.checkin()).resolves.toMatchObject({ ok: false, definite: false });
    await expect(d.statement('2025-01-01')).resolves.toMatchObject({ ok: false });
  });

  it('a store that fails to save after a successful checkin reports a non-definite failure', async () => {
    const fx = loadFixture('checkin-success');
    const queue = [...fx.exchanges];
    const http: HttpPost = async () => queue.shift()!.response!;
    const d = makeDriver(http, undefined, { credentials: { get: () => ({ ...TERMINAL }), set: () => { throw new Error('EACCES'); } } });
    await expect(d.checkin()).resolves.toMatchObject({ ok: false, definite: false });
  });
});
