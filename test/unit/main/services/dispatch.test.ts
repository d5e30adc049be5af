import { describe, it, vi } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { createDispatch, ServiceError, type Handlers } from '../../../../main/services/dispatch';
import type { CheckoutView } from '../../../../preload/contract';
import { msg } from '../../../../preload/messages';

const idle: CheckoutView = { phase: 'idle', serverNow: 1 };

function handlers(over: Partial<Handlers> = {}): Handlers {
  const unused = () => { throw new Error('handler not expected in this test'); };
  return {
    getSnapshot: unused, setPendingAmount: unused, startQrPayment: unused, startScanPayment: unused,
    cancelPayment: unused, queryAgain: unused, dismissResult: unused, listOrders: unused,
    ...over,
  } as Handlers;
}

describe('dispatch', () => {
  it('passes validated args to the handler and wraps its value', async () => {
    const startQrPayment = vi.fn(async () => ({ ...idle, phase: 'waiting' as const }));
    const dispatch = createDispatch(handlers({ startQrPayment }));
    await expect(dispatch('startQrPayment', { amount: '12.30', requestId: 'req-12345678' })).resolves.toEqual({ ok: true, value: { phase: 'waiting', serverNow: 1 } });
    expect(startQrPayment).toHaveBeenCalledWith({ amount: '12.30', requestId: 'req-12345678' });
  });

  it('accepts handlers that return synchronously, and missing args for actions without any', async () => {
    const dispatch = createDispatch(handlers({ dismissResult: () => idle }));
    await expect(dispatch('dismissResult', undefined)).resolves.toEqual({ ok: true, value: idle });
    await expect(dispatch('dismissResult', null)).resolves.toEqual({ ok: true, value: idle });
  });

  it('refuses an unknown action, including prototype names, without calling anything', async () => {
    const dispatch = createDispatch(handlers());
    for (const name of ['deleteEverything', '__proto__', 'constructor', 'toString', 'hasOwnProperty', '']) {
      const env = await dispatch(name, {});
      expect(env, name).toEqual({ ok: false, error: { code: 'UNKNOWN_ACTION', message: `未知操作：${name}`, msg: `未知操作：${name}` } });
    }
  });

  it('truncates a very long unknown action name in the message', async () => {
    const env = await createDispatch(handlers())('x'.repeat(500), {});
    expect(env.ok).toBe(false);
    if (!env.ok) expect(env.error.message).toBe(`未知操作：${'x'.repeat(40)}`);
  });

  it('refuses invalid args with a message naming the field, and never calls the handler', async () => {
    const startQrPayment = vi.fn();
    const dispatch = createDispatch(handlers({ startQrPayment }));
    const missing = await dispatch('startQrPayment', { amount: '12' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    if (!missing.ok) expect(missing.error.message).toMatch(/^参数不正确：requestId /);
    const wrongType = await dispatch('startQrPayment', { amount: 12, requestId: 'req-12345678' });
    if (!wrongType.ok) expect(wrongType.error.message).toMatch(/^参数不正确：amount /);
    expect(wrongType.ok).toBe(false);
    const extra = await dispatch('dismissResult', { sneaky: true });
    expect(extra).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    if (!extra.ok) expect(extra.error.message).toContain('sneaky');
    const notObject = await dispatch('startQrPayment', 'hello');
    expect(notObject).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: expect.stringContaining('(args)') } });
    const badDay = await dispatch('listOrders', { day: '2026/03/10' });
    expect(badDay).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS', message: expect.stringContaining('day') } });
    expect(startQrPayment).not.toHaveBeenCalled();
  });

  it('turns a ServiceError into its typed code and the message the cashier reads', async () => {
    const log = vi.fn();
    const dispatch = createDispatch(handlers({ startQrPayment: async () => { throw new ServiceError('BUSY', msg('checkout.busy')); } }), log);
    await expect(dispatch('startQrPayment', { amount: '1', requestId: 'req-12345678' })).resolves.toEqual({ ok: false, error: { code: 'BUSY', message: '上一笔收款尚未结束', msg: { code: 'checkout.busy' } } });
    expect(log).not.toHaveBeenCalled();
  });

  it('turns any other error into INTERNAL and logs it', async () => {
    const log = vi.fn();
    const boom = new Error('db exploded');
    const dispatch = createDispatch(handlers({ getSnapshot: () => { throw boom; }, listOrders: async () => { throw 'a string'; } }), log);
    await expect(dispatch('getSnapshot', {})).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: '内部错误：db exploded', msg: { code: 'error.internal', params: { detail: 'db exploded' } } } });
    await expect(dispatch('listOrders', {})).resolves.toEqual({ ok: false, error: { code: 'INTERNAL', message: '内部错误：a string', msg: { code: 'error.internal', params: { detail: 'a string' } } } });
    expect(log).toHaveBeenCalledWith('action getSnapshot failed', boom);
  });

  it('never rejects, whatever the handler does', async () => {
    const dispatch = createDispatch(handlers({ getSnapshot: () => Promise.reject(undefined) }));
    const env = await dispatch('getSnapshot', {});
    expect(env).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
  });
});
