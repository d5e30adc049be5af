import { describe, expect, it } from 'vitest';
import { STATEMENT_HEADER } from '../../../../main/aggregator/sandbox/statement';
import { csvCell, ordersCsv, reconciliationCsv, settlementCsv, toCsv, totalsCsv } from '../../../../main/reports/csv';
import { reconcileStatementCsv } from '../../../../main/reports/reconcile';
import { expectedSettlement } from '../../../../main/reports/settlement';
import { csvRecords } from '../../../../main/reports/statement';
import { dayTotals } from '../../../../main/reports/totals';
import { DAY, order, utc } from './fixtures';

const iso = (ts: number): string => new Date(ts).toISOString();

describe('CSV export', () => {
  it('starts with a BOM and ends every row with CRLF', () => {
    const out = toCsv([['a', 'b'], ['c', 'd']]);
    expect(out.charCodeAt(0)).toBe(0xfeff);
    expect(out.slice(1)).toBe('a,b\r\nc,d\r\n');
  });

  it('escapes quotes, commas and newlines as RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\r')).toBe('"cr\r"');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
  });

  it('guards against formula injection but leaves numbers alone', () => {
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('+86 138')).toBe("'+86 138");
    expect(csvCell('-2+3')).toBe("'-2+3");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('\tcmd')).toBe("'\tcmd");
    expect(csvCell('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
    expect(csvCell('-12.30')).toBe('-12.30');
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('round-trips through the statement tokenizer', () => {
    const rows = [['x,y', 'q"uote', 'multi\r\nline', '=cmd']];
    expect(csvRecords(toCsv(rows)).map((r) => r.fields)).toEqual([['x,y', 'q"uote', 'multi\r\nline', "'=cmd"]]);
  });

  it('builds orders, totals, reconciliation and settlement sheets with yuan amounts', () => {
    const orders = [order('YM1', { amountFen: 1230, sn: 'SN1' }), order('YM2', { amountFen: 5, status: 'failed' })];
    orders[0]!.subject = '=HYPERLINK("x")';
    const o = ordersCsv(orders, { formatTime: iso });
    const lines = o.slice(1).split('\r\n');
    expect(lines[0]).toBe('创建时间,完成时间,商户订单号,收钱吧订单号,支付方式,金额(元),已退款(元),状态,收银员,商品,说明');
    expect(lines[1]).toContain(',YM1,SN1,微信支付,12.30,0.00,已支付,001,"\'=HYPERLINK(""x"")",');
    expect(lines[2]).toContain(',0.05,0.00,失败,');

    const t = totalsCsv(dayTotals(orders, DAY, utc));
    expect(t).toContain('合计,,1,12.30,0,0.00,12.30\r\n');
    expect(t).toContain('支付方式,微信支付,1,12.30');
    expect(t).toContain('收银员,001,1,12.30');
    expect(t).toContain('时段,10:00,1,12.30');

    const r = reconciliationCsv(reconcileStatementCsv(orders, `${STATEMENT_HEADER}\nbad,row\n`, DAY, utc));
    expect(r).toContain('短款（收款机有，平台无）,YM1,SN1,微信支付,001,已支付,,12.30,0.00,-12.30,');
    expect(r).toContain('无法解析');
    expect(r).toContain('"bad,row"');

    const s = settlementCsv(expectedSettlement(orders, DAY, { defaultFeeBp: 38, settleDays: 1 }, utc));
    expect(s).toContain('营业日,2026-01-15,预计到账日,2026-01-16');
    expect(s).toContain('微信支付,38,1,12.30,0.00,0.05,12.25');
  });
});
