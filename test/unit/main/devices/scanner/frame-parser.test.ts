import { describe, expect, it } from 'vitest';
import { createFrameParser, type Frame } from '../../../../../main/devices/scanner/frame-parser';
import { FakeTimers } from './fake-timers';

const WX = '134567890123456789';
const texts = (frames: Frame[]) => frames.map((f) => `${f.status}:${f.text}`);

describe('frame parser', () => {
  it('frames on CR (default) and trims whitespace and control bytes', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    expect(texts(p.push(Buffer.from(`\x02 ${WX} \x03\r`)))).toEqual([`ok:${WX}`]);
  });

  it('joins split reads, one byte at a time', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    const out: Frame[] = [];
    for (const b of Buffer.from(`${WX}\r`)) out.push(...p.push(Buffer.from([b])));
    expect(texts(out)).toEqual([`ok:${WX}`]);
    expect(out[0]?.raw.toString()).toBe(WX);
  });

  it.each([
    ['CR', '\r'], ['LF', '\n'], ['CRLF', '\r\n'],
  ] as const)('suffix %s', (suffix, end) => {
    const p = createFrameParser({ suffix, timers: new FakeTimers() });
    expect(texts(p.push(Buffer.from(`A1${end}B2${end}C3`)))).toEqual(['ok:A1', 'ok:B2']);
    expect(texts(p.push(Buffer.from(end)))).toEqual(['ok:C3']);
  });

  it('tolerates CRLF sent to a CR or LF parser (the extra byte is an empty frame)', () => {
    for (const suffix of ['CR', 'LF'] as const) {
      const p = createFrameParser({ suffix, timers: new FakeTimers() });
      expect(texts(p.push(Buffer.from('A1\r\nB2\r\n')))).toEqual(['ok:A1', 'ok:B2']);
    }
  });

  it('CRLF mode does not split on a lone CR', () => {
    const p = createFrameParser({ suffix: 'CRLF', timers: new FakeTimers() });
    expect(p.push(Buffer.from('A1\rB2'))).toEqual([]);
    // The CR stays inside the frame, so it is not a code (noise), never two codes.
    expect(texts(p.push(Buffer.from('\r\n')))).toEqual(['noise:A1\rB2']);
  });

  it('ignores empty frames', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    expect(p.push(Buffer.from('\r\r  \r\x00\r'))).toEqual([]);
  });

  it('reports non-printable bytes as noise', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    const out = p.push(Buffer.from([0x31, 0xfe, 0x9c, 0x32, 0x0d]));
    expect(out.map((f) => f.status)).toEqual(['noise']);
    expect(out[0]?.raw).toEqual(Buffer.from([0x31, 0xfe, 0x9c, 0x32]));
  });

  it('drops and reports more than 256 bytes without a suffix, then recovers', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    const out = p.push(Buffer.alloc(600, 0x41));
    expect(out.map((f) => f.status)).toEqual(['overflow']);
    expect(out[0]?.raw.length).toBe(256);
    expect(p.push(Buffer.from('\r'))).toEqual([]); // the tail of the garbage is dropped silently
    expect(texts(p.push(Buffer.from(`${WX}\r`)))).toEqual([`ok:${WX}`]);
  });

  it('exactly 256 bytes then a suffix is still a frame', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    expect(texts(p.push(Buffer.from(`${'7'.repeat(256)}\r`)))).toEqual([`ok:${'7'.repeat(256)}`]);
  });

  it('drops the same code within dedupeMs and accepts it after', () => {
    const clock = new FakeTimers();
    const p = createFrameParser({ timers: clock });
    expect(texts(p.push(Buffer.from(`${WX}\r${WX}\r`)))).toEqual([`ok:${WX}`, `duplicate:${WX}`]);
    clock.advance(1499);
    expect(texts(p.push(Buffer.from(`${WX}\r`)))).toEqual([`duplicate:${WX}`]);
    clock.advance(1);
    expect(texts(p.push(Buffer.from(`${WX}\r`)))).toEqual([`ok:${WX}`]);
  });

  it('dedupe is per code: A B A within the window drops the second A only', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    expect(texts(p.push(Buffer.from('A1\rB2\rA1\r')))).toEqual(['ok:A1', 'ok:B2', 'duplicate:A1']);
  });

  it('dedupeMs 0 disables dedupe', () => {
    const p = createFrameParser({ dedupeMs: 0, timers: new FakeTimers() });
    expect(texts(p.push(Buffer.from('A1\rA1\r')))).toEqual(['ok:A1', 'ok:A1']);
  });

  it("suffix 'none' ends a frame after the inter-character timeout", () => {
    const clock = new FakeTimers();
    const got: Frame[] = [];
    const p = createFrameParser({ suffix: 'none', timers: clock, onTimeoutFrames: (f) => got.push(...f) });
    p.push(Buffer.from(WX.slice(0, 9)));
    clock.advance(40);
    p.push(Buffer.from(WX.slice(9)));
    clock.advance(49);
    expect(got).toEqual([]);
    clock.advance(1);
    expect(texts(got)).toEqual([`ok:${WX}`]);
    p.dispose();
    expect(clock.size).toBe(0);
  });

  it('reset drops a partial frame (unplug mid-scan)', () => {
    const p = createFrameParser({ timers: new FakeTimers() });
    p.push(Buffer.from('1345678'));
    p.reset();
    expect(texts(p.push(Buffer.from(`${WX}\r`)))).toEqual([`ok:${WX}`]);
  });
});
