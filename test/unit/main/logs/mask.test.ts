import { describe, expect, it } from 'vitest';
import { maskSecrets, maskValue } from '../../../../main/logs/mask';

describe('maskSecrets: what never reaches a log file', () => {
  it('payment codes of every wallet keep only their first 4 and last 4 digits', () => {
    expect(maskSecrets('scan 134567890123456789 from serial')).toBe('scan 1345****6789 from serial'); // WeChat, 18
    expect(maskSecrets('code=2812345678901234')).toBe('code=2812****1234'); // Alipay, 16
    expect(maskSecrets('"dynamic_id":"6212345678901234567"')).toBe('"dynamic_id":"****"'); // by field name
    expect(maskSecrets('unionpay 6212345678901234567.')).toBe('unionpay 6212****4567.');
    expect(maskSecrets('alipay 281234567890123456789012')).toBe('alipay 2812****9012'); // 24 digits
  });

  it('keeps order numbers, terminal sn, amounts and timestamps readable', () => {
    const line = 'order 7895259244396120 terminal 100800000001 total 1230 at 1773100000000 client_sn 20260310-0001';
    expect(maskSecrets(line)).toBe(line);
  });

  it('keys: JSON fields, name=value text, 32-hex keys and the Upay Authorization signature', () => {
    expect(maskSecrets('{"terminal_sn":"100800000001","terminal_key":"f3a9c1e07b2d4e58a6b1c9d0e7f21534"}'))
      .toBe('{"terminal_sn":"100800000001","terminal_key":"****"}');
    expect(maskSecrets('{"vendorKey": "yima-sandbox-vendor-key", "pin":"6666"}')).toBe('{"vendorKey": "****", "pin":"****"}');
    expect(maskSecrets('checkin with key=abcdef0123 ok')).toBe('checkin with key=**** ok');
    expect(maskSecrets('GET /?token=deadbeef01&lang=en')).toBe('GET /?token=****&lang=en');
    expect(maskSecrets('new key F3A9C1E07B2D4E58A6B1C9D0E7F21534 stored')).toBe('new key **** stored');
    expect(maskSecrets('Authorization: 100800000001 0cc175b9c0f1b6a831c399e269772661')).toBe('Authorization: 100800000001 ****');
  });

  it('is idempotent: masking twice changes nothing more', () => {
    const once = maskSecrets('{"terminal_key":"x"} 134567890123456789 sign=abc');
    expect(maskSecrets(once)).toBe(once);
  });
});

describe('maskValue', () => {
  it('masks inside errors (with the stack) and objects', () => {
    const err = new Error('pay failed for 134567890123456789');
    expect(maskValue(err)).toContain('1345****6789');
    expect(maskValue(err)).not.toContain('134567890123456789');
    expect(maskValue({ terminalKey: 'f3a9c1e07b2d4e58a6b1c9d0e7f21534', amountFen: 1230 })).toBe('{"terminalKey":"****","amountFen":1230}');
    expect(maskValue(undefined)).toBe('');
  });
});
