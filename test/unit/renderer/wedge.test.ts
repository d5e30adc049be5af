import { describe, expect, it } from 'vitest';
import { DEFAULT_WEDGE, detectWedgeScan, ORDER_NO_CHARS, type WedgeKey } from '../../../renderer/src/wedge';

/** Keys typed `gapMs` apart starting at `start`; returns the keys and when Enter comes next. */
function burst(text: string, start: number, gapMs: number): { keys: WedgeKey[]; end: number } {
  const keys = [...text].map((key, i) => ({ key, at: start + i * gapMs }));
  return { keys, end: start + (text.length - 1) * gapMs };
}

const CODE = '134600000000000011';

describe('detectWedgeScan', () => {
  it('a fast burst of digits ending in Enter is a scan', () => {
    const { keys, end } = burst(CODE, 1_000, 8);
    expect(detectWedgeScan(keys, end + 8)).toBe(CODE);
  });

  it('a person typing an amount (100+ ms per key) is not a scan', () => {
    const { keys, end } = burst('1234567890', 1_000, 150);
    expect(detectWedgeScan(keys, end + 150)).toBeNull();
  });

  it('only the trailing burst counts: amount typed by hand, then the code scanned', () => {
    const typed = burst('12.30', 0, 200);
    const scanned = burst(CODE, 5_000, 5);
    expect(detectWedgeScan([...typed.keys, ...scanned.keys], scanned.end + 5)).toBe(CODE);
  });

  it('a payment code is digits only: a fast-typed dot or letter ends the burst', () => {
    const { keys, end } = burst(`7.5${CODE}`, 0, 5);
    expect(detectWedgeScan(keys, end + 5)).toBe(`5${CODE}`);
    const letters = burst(`AB${CODE}`, 0, 5);
    expect(detectWedgeScan(letters.keys, letters.end + 5)).toBe(CODE);
  });

  it('a pause before Enter means it was typed, not scanned', () => {
    const { keys, end } = burst(CODE, 0, 5);
    expect(detectWedgeScan(keys, end + DEFAULT_WEDGE.maxGapMs)).toBe(CODE);
    expect(detectWedgeScan(keys, end + DEFAULT_WEDGE.maxGapMs + 1)).toBeNull();
  });

  it('a slow key inside the burst cuts it: only the part after the gap is considered', () => {
    const a = burst('12345', 0, 5);
    const b = burst('6789012345', 200, 5);
    expect(detectWedgeScan([...a.keys, ...b.keys], b.end + 5)).toBe('6789012345');
  });

  it('too short a burst is not a payment code (a fast typist hitting 3 keys)', () => {
    const { keys, end } = burst('123456789', 0, 5);
    expect(detectWedgeScan(keys, end + 5)).toBeNull();
    const ten = burst('1234567890', 0, 5);
    expect(detectWedgeScan(ten.keys, ten.end + 5)).toBe('1234567890');
  });

  it('a named key (Shift, Tab) ends the burst', () => {
    const { keys, end } = burst(CODE, 0, 5);
    keys.splice(3, 0, { key: 'Shift', at: keys[2]!.at + 1 });
    expect(detectWedgeScan(keys, end + 5)).toBe(CODE.slice(3));
  });

  it('nothing typed: not a scan', () => {
    expect(detectWedgeScan([], 100)).toBeNull();
  });

  it('honours custom options', () => {
    const { keys, end } = burst('12345', 0, 40);
    expect(detectWedgeScan(keys, end + 40, { maxGapMs: 50, minLength: 5 })).toBe('12345');
  });

  it('on the Orders screen a receipt QR scanned by a wedge may carry letters (our order number)', () => {
    const { keys, end } = burst('YM20261201093000123456', 0, 5);
    expect(detectWedgeScan(keys, end + 5, { ...DEFAULT_WEDGE, chars: ORDER_NO_CHARS })).toBe('YM20261201093000123456');
    const typed = burst('YM2026', 0, 180);
    expect(detectWedgeScan(typed.keys, typed.end + 180, { ...DEFAULT_WEDGE, chars: ORDER_NO_CHARS })).toBeNull();
  });
});
