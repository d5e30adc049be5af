import { describe, it } from 'vitest';
import { expect } from '../../../support/zh-expect';
import { checkPin, createPinBook, hashPin, type PinState } from '../../../../main/settings/pins';

function setup(initial?: PinState) {
  let stored: PinState | undefined = initial && structuredClone(initial);
  let now = 1_700_000_000_000;
  const saves: PinState[] = [];
  const opts = {
    load: () => (stored ? structuredClone(stored) : undefined),
    save: (s: PinState) => {
      stored = structuredClone(s);
      saves.push(stored);
    },
    clock: () => now,
    cost: 1024, // fast for tests; the hash records its own cost
  };
  return {
    book: createPinBook(opts),
    reopen: () => createPinBook(opts),
    stored: () => stored,
    saves,
    advance: (ms: number) => void (now += ms),
  };
}

describe('PIN hashing', () => {
  it('hashes with scrypt and a random salt, and verifies', async () => {
    const a = await hashPin('123456');
    const b = await hashPin('123456');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('123456');
    expect(await checkPin('123456', a)).toBe(true);
    expect(await checkPin('123457', a)).toBe(false);
    expect(await checkPin('123456', 'md5$x')).toBe(false);
  });
});

describe('PIN book', () => {
  it('seeds documented defaults flagged mustChange on a fresh install', async () => {
    const t = setup();
    expect(await t.book.profiles()).toEqual([
      { role: 'cashier', name: '收银员', mustChange: true },
      { role: 'manager', name: '店长', mustChange: true },
      { role: 'engineer', name: '工程师', mustChange: true },
    ]);
    expect(await t.book.verify('manager', '8888')).toEqual({ ok: true, operator: { role: 'manager', name: '店长' }, mustChange: true });
    expect((await t.book.verify('engineer', '6666')).ok).toBe(true);
    expect((await t.book.verify('cashier', '0000')).ok).toBe(true);
    expect((await t.book.verify('cashier', '8888')).ok).toBe(false); // roles are separate
    expect(JSON.stringify(t.stored())).not.toMatch(/8888|6666/);
  });

  it('sets PINs: 4–8 digits, not the default, replacing the untouched default profile', async () => {
    const t = setup();
    expect(await t.book.setPin('manager', '张店长', '12a4')).toMatchObject({ ok: false, message: 'PIN 须为 4–8 位数字' });
    expect(await t.book.setPin('manager', '张店长', '123')).toMatchObject({ ok: false });
    expect(await t.book.setPin('manager', '张店长', '123456789')).toMatchObject({ ok: false });
    expect(await t.book.setPin('manager', '店长', '8888')).toMatchObject({ ok: false, message: expect.stringContaining('默认') });
    expect(await t.book.setPin('manager', '张店长', '24681357')).toEqual({ ok: true });
    expect(await t.book.verify('manager', '8888')).toMatchObject({ ok: false, reason: 'wrong' }); // default gone
    expect(await t.book.verify('manager', '24681357')).toEqual({ ok: true, operator: { role: 'manager', name: '张店长' }, mustChange: false });
    await t.book.setPin('cashier', '001', '1111');
    await t.book.setPin('cashier', '002', '2222');
    expect(await t.book.setPin('cashier', '003', '1111')).toMatchObject({ ok: false, message: expect.stringContaining('已被') });
    expect(await t.book.verify('cashier', '2222')).toMatchObject({ ok: true, operator: { name: '002' } });
    expect(await t.book.removeProfile('manager', '张店长')).toMatchObject({ ok: false });
    expect(await t.book.removeProfile('cashier', '002')).toEqual({ ok: true });
    expect((await t.book.verify('cashier', '2222')).ok).toBe(false);
  });

  it('locks after 5 wrong tries with a countdown, doubling on repeat, persisted across restarts', async () => {
    const t = setup();
    for (let i = 4; i >= 1; i--) {
      expect(await t.book.verify('manager', '1234')).toEqual({ ok: false, reason: 'wrong', remainingTries: i, message: `PIN 错误，还可尝试 ${i} 次` });
    }
    expect(await t.book.verify('manager', '1234')).toEqual({ ok: false, reason: 'locked', lockedForMs: 60_000, message: 'PIN 错误，已锁定，请 60 秒后再试' });
    t.advance(20_500);
    // Even the right PIN is refused while locked; the countdown keeps running.
    expect(await t.book.verify('manager', '8888')).toEqual({ ok: false, reason: 'locked', lockedForMs: 39_500, message: '已锁定，请 40 秒后再试' });
    expect(await t.book.lockStatus('manager')).toEqual({ lockedForMs: 39_500, remainingTries: 0 });
    expect((await t.book.verify('engineer', '6666')).ok).toBe(true); // other roles are not locked

    const restarted = t.reopen();
    expect(await restarted.verify('manager', '8888')).toMatchObject({ reason: 'locked', lockedForMs: 39_500 });

    t.advance(39_500);
    expect(await restarted.lockStatus('manager')).toEqual({ lockedForMs: 0, remainingTries: 5 });
    for (let i = 0; i < 4; i++) await restarted.verify('manager', '0000');
    expect(await restarted.verify('manager', '0000')).toMatchObject({ reason: 'locked', lockedForMs: 120_000 }); // doubled

    t.advance(120_000);
    expect(await restarted.verify('manager', '8888')).toMatchObject({ ok: true });
    expect(t.stored()!.locks.manager).toBeUndefined(); // success resets the count and the doubling
    for (let i = 0; i < 5; i++) await restarted.verify('manager', '9');
    expect(await restarted.lockStatus('manager')).toMatchObject({ lockedForMs: 60_000 });
  });

  it('does not let parallel guesses slip past the counter', async () => {
    const t = setup();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => t.book.verify('cashier', `99${i}9`)));
    expect(results.map((r) => (r.ok ? 'ok' : r.reason))).toEqual(['wrong', 'wrong', 'wrong', 'wrong', 'locked', 'locked', 'locked', 'locked']);
    expect(await t.book.verify('cashier', '0000')).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('a clock set back never lengthens the lock', async () => {
    const t = setup();
    for (let i = 0; i < 5; i++) await t.book.verify('engineer', '1111');
    t.advance(-3_600_000);
    expect(await t.book.lockStatus('engineer')).toMatchObject({ lockedForMs: 60_000 });
    t.advance(30_000);
    expect(await t.book.verify('engineer', '6666')).toMatchObject({ reason: 'locked', lockedForMs: 30_000 });
    t.advance(30_000);
    expect(await t.book.verify('engineer', '6666')).toMatchObject({ ok: true });
  });
});
