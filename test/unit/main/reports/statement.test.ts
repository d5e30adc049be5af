import { describe, expect, it } from 'vitest';
import { STATEMENT_HEADER } from '../../../../main/aggregator/sandbox/statement';
import { csvRecords, parseStatement, yuanToFen } from '../../../../main/reports/statement';

describe('statement parsing', () => {
  it('converts yuan strings to fen without floats', () => {
    expect(yuanToFen('12.30')).toBe(1230);
    expect(yuanToFen('0.07')).toBe(7);
    expect(yuanToFen('0.00')).toBe(0);
    expect(yuanToFen('-5.10')).toBe(-510);
    expect(yuanToFen('1,234.56')).toBe(123456);
    expect(yuanToFen('19.99')).toBe(1999); // 19.99 * 100 = 1998.9999999999998 in floats
    expect(yuanToFen('1.234')).toBeNull();
    expect(yuanToFen('abc')).toBeNull();
    expect(yuanToFen('')).toBeNull();
  });

  it('reads the sandbox format with BOM, CRLF, quoted fields and back-tick prefixes', () => {
    const csv = '\uFEFF' + [
      STATEMENT_HEADER,
      '2026-01-15 10:00:05,YM001,7895000000000001,微信支付,收款,12.30,0.05,成功',
      '`2026-01-15 10:01:00,`YM002,`7895000000000002,`支付宝,`收款,`1000.00,`3.80,`成功',
      '2026-01-15 10:02:00,"YM,003","78950000""03",云闪付,退款,"-2.00",0.01,成功',
      '2026-01-15 10:03:00,"YM\n004",7895000000000004,微信支付,撤单,5.00,0.02,成功',
      '',
    ].join('\r\n');
    const st = parseStatement(csv);
    expect(st.errors).toEqual([]);
    expect(st.rows).toHaveLength(4);
    expect(st.rows[0]).toMatchObject({ line: 2, clientSn: 'YM001', sn: '7895000000000001', wallet: 'wechat', kind: 'pay', amountFen: 1230, feeFen: 5, success: true });
    expect(st.rows[1]).toMatchObject({ line: 3, time: '2026-01-15 10:01:00', clientSn: 'YM002', wallet: 'alipay', amountFen: 100000, feeFen: 380 });
    expect(st.rows[2]).toMatchObject({ line: 4, clientSn: 'YM,003', sn: '78950000"03', wallet: 'unionpay', kind: 'refund', amountFen: 200 });
    expect(st.rows[3]).toMatchObject({ line: 5, clientSn: 'YM\n004', kind: 'reversal', amountFen: 500 });
  });

  it('finds columns by name, whatever their order', () => {
    const st = parseStatement('状态,金额(元),手续费(元),交易类型,支付方式,收钱吧订单号,商户订单号,交易时间\n成功,1.00,0.00,收款,支付宝,SN1,C1,2026-01-15 01:00:00\n');
    expect(st.rows[0]).toMatchObject({ clientSn: 'C1', sn: 'SN1', amountFen: 100, wallet: 'alipay' });
  });

  it('reports rows it cannot parse, with line and text, and keeps the rest', () => {
    const csv = [
      STATEMENT_HEADER,
      '2026-01-15 10:00:05,YM001,SN1,微信支付,收款,12.30,0.05,成功',
      '2026-01-15 10:00:06,YM002,SN2,微信支付,收款,12.3x,0.05,成功',
      '2026-01-15 10:00:07,YM003,SN3,微信支付,转账,1.00,0.00,成功',
      '2026-01-15 10:00:08,YM004,SN4,微信支付,收款,1.00',
      '2026-01-15 10:00:09,,,微信支付,收款,1.00,0.00,成功',
      '2026-01-15 10:00:10,YM006,SN6,微信支付,收款,2.00,0.01,失败',
    ].join('\n');
    const st = parseStatement(csv);
    expect(st.rows.map((r) => r.clientSn)).toEqual(['YM001', 'YM006']);
    expect(st.rows[1]!.success).toBe(false);
    expect(st.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(st.errors[0]).toMatchObject({ text: '2026-01-15 10:00:06,YM002,SN2,微信支付,收款,12.3x,0.05,成功', reason: expect.stringContaining('金额') });
    expect(st.errors[1]!.reason).toContain('交易类型');
    expect(st.errors[2]!.reason).toContain('列数');
  });

  it('reports every line when there is no header', () => {
    const st = parseStatement('a,b\nc,d\n');
    expect(st.rows).toEqual([]);
    expect(st.errors).toHaveLength(2);
  });

  it('tokenizes RFC 4180 with line numbers', () => {
    expect(csvRecords('a,"b\r\nc",d\r\ne,f').map((r) => [r.line, r.fields])).toEqual([[1, ['a', 'b\r\nc', 'd']], [3, ['e', 'f']]]);
  });
});
