import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { abandon, addCash, openSale, remainingFen, saleState, salesFromOrders, startWallet, walletFinished } from '../../../../main/checkout/mixed-tender';

describe('mixed tender: a ¥100 sale, ¥20 cash and ¥80 by wallet', () => {
  it('is open after the cash part and paid only once the wallet part is paid', () => {
    let s = openSale('S1', 10_000);
    const cash = addCash(s, 'C1', 2_000);
    expect(cash.ok).toBe(true);
    if (!cash.ok) throw new Error('expected above');
    expect(cash.changeFen).toBe(0);
    s = cash.sale;
    expect(saleState(s)).toBe('open');
    expect(remainingFen(s)).toBe(8_000);
    const w = startWallet(s, 'W1', 8_000);
    expect(w.ok).toBe(true);
    if (!w.ok) throw new Error('expected above');
    expect(saleState(w.sale)).toBe('paying');
    expect(addCash(w.sale, 'C2', 8_000)).toEqual({ ok: false, message: '扫码部分尚未结束，请稍候' });
    const paid = walletFinished(w.sale, 'W1', true);
    expect(saleState(paid)).toBe('paid');
    expect(remainingFen(paid)).toBe(0);
  });

  it('a failed wallet part keeps the cash recorded and the sale open for another try', () => {
    const c = addCash(openSale('S1', 10_000), 'C1', 2_000);
    if (!c.ok) throw new Error('cash refused');
    const w = startWallet(c.sale, 'W1', 8_000);
    if (!w.ok) throw new Error('wallet refused');
    const failed = walletFinished(w.sale, 'W1', false);
    expect(saleState(failed)).toBe('open');
    expect(remainingFen(failed)).toBe(8_000);
    // the rest in cash with change
    const rest = addCash(failed, 'C2', 10_000);
    expect(rest.ok && rest.appliedFen).toBe(8_000);
    expect(rest.ok && rest.changeFen).toBe(2_000);
    expect(rest.ok && saleState(rest.sale)).toBe('paid');
  });

  it('refuses a wallet part above what is due, and abandoning hands the cash back', () => {
    const c = addCash(openSale('S1', 10_000), 'C1', 2_000);
    if (!c.ok) throw new Error('cash refused');
    expect(startWallet(c.sale, 'W1', 9_000)).toEqual({ ok: false, message: '超过待收金额 ¥80.00' });
    const a = abandon(c.sale);
    expect(a.ok && saleState(a.sale)).toBe('abandoned');
  });

  it('is rebuilt from the journal\'s orders after a restart', () => {
    const sale = { saleId: 'S9', totalFen: 10_000 };
    const [s] = salesFromOrders([
      { clientSn: 'C1', method: 'cash', amountFen: 2_000, status: 'paid', refundedFen: 0, sale },
      { clientSn: 'W1', method: 'qr', amountFen: 8_000, status: 'expired', refundedFen: 0, sale },
      { clientSn: 'X', method: 'qr', amountFen: 500, status: 'paid', refundedFen: 0 },
    ]);
    expect(s && saleState(s)).toBe('open');
    expect(s && remainingFen(s)).toBe(8_000);
  });
});
