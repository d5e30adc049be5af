/**
 * The bank's 对账单 end to end: statementurl → download → the assumed format
 * (statement-format.ts) → the CSV the reports module reconciles. Timing per
 * cmb-polypay.md §4: none before T+1 10:30, fees from 16:30.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createCmbDriver } from '../../../../../main/aggregator/cmb/driver';
import { sandboxCmbConfig } from '../../../../../main/aggregator/cmb/sandbox-config';
import { startCmbSandbox, type CmbSandbox } from '../../../../../main/aggregator/cmb/sandbox';
import { parseBill } from '../../../../../main/aggregator/cmb/statement';
import { msg } from '../../../../../preload/messages';
import { parseStatement } from '../../../../../main/reports/statement';

// 2026-03-10 12:00 Beijing time.
const T0 = Date.UTC(2026, 2, 10, 4, 0, 0);
let now = T0;
let sb: CmbSandbox;
beforeEach(async () => { now = T0; sb = await startCmbSandbox({ clock: () => now, refundSeconds: 0 }); });
afterEach(async () => { await sb.close(); });

it('no bill on the day itself; after 16:30 next day the bill lists the payment and refund with fees, and reports can read it', async () => {
  const d = createCmbDriver({ config: sandboxCmbConfig(sb.url, 60), clock: () => now, timeoutMs: 5_000 });
  await d.pay({ clientSn: 'S1', amountFen: 10_000, dynamicId: '284567890123456789', subject: 's', operator: 'x' });
  await d.refund({ clientSn: 'S1', refundRequestNo: 'S1R', amountFen: 2_500, operator: 'x' });
  expect(await d.statement('2026-03-10')).toMatchObject({ ok: false, message: { code: 'stmt.downloadHttp' } });

  now = Date.UTC(2026, 2, 11, 3, 0); // 11:00 Beijing, T+1: unsettled bill, no fees yet
  const early = await d.statement('2026-03-10');
  expect(early?.ok).toBe(true);
  // The unsettled bill: the payout is the documented assumption (T+1, 0.38 %), marked as such.
  expect(early?.ok && early.settlement).toEqual([expect.objectContaining({ settleDay: '2026-03-11', dayAssumed: true, feeAssumed: true, grossFen: 10_000, refundFen: 2_500, feeFen: 28 })]);

  now = Date.UTC(2026, 2, 11, 9, 0); // 17:00 Beijing: the 清分 bill
  const out = await d.statement('2026-03-10');
  if (!out || !out.ok) throw new Error('no statement');
  const st = parseStatement(out.csv);
  expect(st.errors).toEqual([]);
  expect(st.rows.map((r) => [r.clientSn, r.kind, r.amountFen, r.feeFen, r.wallet])).toEqual([
    ['S1', 'pay', 10_000, 38, 'alipay'],
    ['S1', 'refund', 2_500, 10, 'alipay'],
  ]);
  // The 清分 bill: the bank's own fees and 清算日期, net into the merchant's account.
  expect(out.settlement).toEqual([expect.objectContaining({ settleDay: '2026-03-11', dayAssumed: false, feeAssumed: false, count: 1, feeFen: 28, netFen: 10_000 - 2_500 - 28 })]);

});

it('a bill that does not have the assumed columns is refused with a message naming the column', () => {
  expect(parseBill('交易日期,金额\n20260310,1\n')).toMatchObject({ ok: false, message: msg('stmt.bankMissingColumn', { column: '交易时间' }) });
});
