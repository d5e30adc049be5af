/**
 * The serial scanner's one-time tokens: a scan is paid once, by the window that takes its token
 * first, with the code main holds for it; a token nobody takes ends in a notice, never a charge.
 */
import { describe, expect, it } from 'vitest';
import { createSerialScanTokens } from '../../../../main/checkout/serial-scan-tokens';
import { FakeTime } from '../../../support/fake-time';

const CODE = '134567890123456780';
const OTHER = '284567890123456789';

function rig() {
  const time = new FakeTime(1_000);
  const unclaimed: string[] = [];
  let n = 0;
  const tokens = createSerialScanTokens({ clock: time, timers: time, newToken: () => `t${++n}`, claimWithinMs: 4_000, onUnclaimed: (code) => unclaimed.push(code) });
  return { time, tokens, unclaimed };
}

describe('serial scan tokens', () => {
  it('a token pays its scan once: the same token again (a duplicated or replayed event) is refused', () => {
    const { tokens, unclaimed, time } = rig();
    const token = tokens.issue(CODE);
    expect(tokens.claim(token)).toEqual({ ok: true, code: CODE });
    expect(tokens.claim(token)).toEqual({ ok: false, why: 'used' });
    time.advance(10_000);
    expect(tokens.claim(token)).toEqual({ ok: false, why: 'used' });
    expect(unclaimed).toEqual([]); // taken in time: no "not taken" notice
  });

  it('a token main never issued is refused, as is an empty one', () => {
    const { tokens } = rig();
    tokens.issue(CODE);
    expect(tokens.claim('forged')).toEqual({ ok: false, why: 'unknown' });
    expect(tokens.claim('')).toEqual({ ok: false, why: 'unknown' });
  });

  it('two scans get two tokens; each pays its own code, in any order', () => {
    const { tokens } = rig();
    const a = tokens.issue(CODE);
    const b = tokens.issue(OTHER);
    expect(a).not.toBe(b);
    expect(tokens.claim(b)).toEqual({ ok: true, code: OTHER });
    expect(tokens.claim(a)).toEqual({ ok: true, code: CODE });
  });

  it('a scan nobody takes within the limit is reported once and can no longer be paid', () => {
    const { tokens, unclaimed, time } = rig();
    const token = tokens.issue(CODE);
    time.advance(3_999);
    expect(unclaimed).toEqual([]);
    time.advance(1);
    expect(unclaimed).toEqual([CODE]);
    expect(tokens.claim(token)).toEqual({ ok: false, why: 'expired' });
    time.advance(60_000);
    expect(unclaimed).toEqual([CODE]);
  });

  it('stop() drops the pending timers (no notice after shutdown)', () => {
    const { tokens, unclaimed, time } = rig();
    tokens.issue(CODE);
    tokens.stop();
    expect(time.size).toBe(0);
    time.advance(10_000);
    expect(unclaimed).toEqual([]);
  });
});
