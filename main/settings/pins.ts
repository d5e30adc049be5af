/**
 * Operator PINs (cashier / manager / engineer). PINs are 4–8 digits, stored only as scrypt hashes
 * (random salt, parameters kept in the hash string so they can be raised later) and compared in
 * constant time. Verification is rate limited per role: after 5 wrong tries the role is locked
 * for 60 s, doubling on each further lockout (capped), until a correct PIN resets it. The tries
 * and lockouts are saved (injected store) before the answer is given, so a restart does not
 * reset them; the clock is injected so tests drive the countdown.
 *
 * Fresh install: manager 8888, engineer 6666, cashier 0000, all flagged mustChange; setting any
 * PIN of a role removes that role's untouched default profile.
 */
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { msg, type Msg } from '../../preload/messages';

export type Role = 'cashier' | 'manager' | 'engineer';
export const ROLES: readonly Role[] = ['cashier', 'manager', 'engineer'];

export const DEFAULT_PINS: Readonly<Record<Role, { name: string; pin: string }>> = {
  manager: { name: '店长', pin: '8888' },
  engineer: { name: '工程师', pin: '6666' },
  cashier: { name: '收银员', pin: '0000' },
};

export interface PinProfile { role: Role; name: string; hash: string; mustChange: boolean; updatedAt: number }
export interface LockState { failures: number; lockouts: number; lockedAt?: number; lockMs?: number }
/** The small JSON object persisted by the injected store. */
export interface PinState { version: 1; profiles: PinProfile[]; locks: Partial<Record<Role, LockState>> }

export interface Operator { role: Role; name: string }

export type VerifyResult =
  | { ok: true; operator: Operator; mustChange: boolean }
  | { ok: false; reason: 'wrong'; remainingTries: number; message: Msg }
  | { ok: false; reason: 'locked'; lockedForMs: number; message: Msg };

export type SetPinResult = { ok: true } | { ok: false; message: Msg };

export interface PinBookOptions {
  load: () => PinState | null | undefined;
  save: (state: PinState) => void | Promise<void>;
  clock: () => number;
  maxTries?: number;
  baseLockMs?: number;
  maxLockMs?: number;
  /** scrypt cost N (power of two); default 16384. */
  cost?: number;
}

export interface PinBook {
  verify(role: Role, pin: string): Promise<VerifyResult>;
  setPin(role: Role, name: string, pin: string): Promise<SetPinResult>;
  removeProfile(role: Role, name: string): Promise<SetPinResult>;
  /**
   * The operator `owner` (whose old PIN was just verified) sets a new PIN, optionally under a new
   * name: the profile is renamed, never another profile changed and never an extra one created.
   */
  changeOwnPin(role: Role, owner: string, name: string, pin: string): Promise<SetPinResult>;
  profiles(): Promise<{ role: Role; name: string; mustChange: boolean }[]>;
  lockStatus(role: Role): Promise<{ lockedForMs: number; remainingTries: number }>;
}

export const PIN_RE = /^\d{4,8}$/;
const KEY_LEN = 32;

function derive(pin: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, KEY_LEN, { N: n, r, p, maxmem: 256 * n * r }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

/** "scrypt$N$r$p$salt$key" (base64). */
export async function hashPin(pin: string, cost = 16384): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(pin, salt, cost, 8, 1);
  return `scrypt$${cost}$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function checkPin(pin: string, hash: string): Promise<boolean> {
  const [alg, n, r, p, salt, key] = hash.split('$');
  if (alg !== 'scrypt' || !n || !r || !p || salt === undefined || key === undefined) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await derive(pin, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

const seconds = (ms: number): number => Math.ceil(ms / 1000);

export function createPinBook(opts: PinBookOptions): PinBook {
  const maxTries = opts.maxTries ?? 5;
  const baseLockMs = opts.baseLockMs ?? 60_000;
  const maxLockMs = opts.maxLockMs ?? 3_600_000;
  const cost = opts.cost ?? 16384;
  let state: PinState | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  /** One operation at a time: parallel verifies must not slip past the try counter. */
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const p = queue.then(fn);
    queue = p.catch(() => undefined);
    return p;
  };

  async function current(): Promise<PinState> {
    if (state) return state;
    const loaded = opts.load();
    if (loaded && loaded.version === 1 && Array.isArray(loaded.profiles)) {
      state = { version: 1, profiles: loaded.profiles, locks: loaded.locks ?? {} };
      return state;
    }
    const now = opts.clock();
    const profiles: PinProfile[] = [];
    for (const role of ROLES) {
      const d = DEFAULT_PINS[role];
      profiles.push({ role, name: d.name, hash: await hashPin(d.pin, cost), mustChange: true, updatedAt: now });
    }
    state = { version: 1, profiles, locks: {} };
    await opts.save(state);
    return state;
  }

  /**
   * Remaining lock time. A clock set back re-anchors the lock at "now" (saved), so the countdown
   * runs from there: never longer than the lock's own duration.
   */
  async function lockedFor(s: PinState, role: Role, now: number): Promise<number> {
    const lock = s.locks[role];
    if (!lock?.lockedAt || !lock.lockMs) return 0;
    if (now < lock.lockedAt) {
      lock.lockedAt = now;
      await opts.save(s);
    }
    return Math.max(0, lock.lockMs - (now - lock.lockedAt));
  }

  async function verifyNow(role: Role, pin: string): Promise<VerifyResult> {
    const s = await current();
    const now = opts.clock();
    const left = await lockedFor(s, role, now);
    const lock: LockState = s.locks[role] ?? { failures: 0, lockouts: 0 };
    if (left > 0) return { ok: false, reason: 'locked', lockedForMs: left, message: msg('pin.locked', { seconds: seconds(left) }) };
    if (lock.lockedAt) {
      delete lock.lockedAt; // lock expired: a fresh set of tries, the lockout count stays
      delete lock.lockMs;
      lock.failures = 0;
    }
    let match: PinProfile | undefined;
    // Check every profile of the role (no early exit) so timing does not tell how many exist.
    for (const p of s.profiles) if (p.role === role && (await checkPin(pin, p.hash))) match ??= p;
    if (match) {
      delete s.locks[role];
      await opts.save(s);
      return { ok: true, operator: { role, name: match.name }, mustChange: match.mustChange };
    }
    lock.failures++;
    s.locks[role] = lock;
    if (lock.failures >= maxTries) {
      lock.lockouts++;
      lock.lockMs = Math.min(maxLockMs, baseLockMs * 2 ** (lock.lockouts - 1));
      lock.lockedAt = now;
      await opts.save(s);
      return { ok: false, reason: 'locked', lockedForMs: lock.lockMs, message: msg('pin.wrongLocked', { seconds: seconds(lock.lockMs) }) };
    }
    await opts.save(s);
    const remainingTries = maxTries - lock.failures;
    return { ok: false, reason: 'wrong', remainingTries, message: msg('pin.wrong', { tries: remainingTries }) };
  }

  async function setPinNow(role: Role, name: string, pin: string): Promise<SetPinResult> {
    const s = await current();
    const trimmed = name.trim();
    if (!ROLES.includes(role)) return { ok: false, message: msg('pin.unknownRole', { role: String(role) }) };
    if (!trimmed) return { ok: false, message: msg('pin.nameRequired') };
    if (!PIN_RE.test(pin)) return { ok: false, message: msg('pin.format') };
    if (pin === DEFAULT_PINS[role].pin) return { ok: false, message: msg('pin.defaultNotAllowed') };
    // Two profiles of one role with the same PIN would make verify ambiguous.
    for (const p of s.profiles) {
      if (p.role === role && p.name !== trimmed && (await checkPin(pin, p.hash))) return { ok: false, message: msg('pin.taken') };
    }
    const profile: PinProfile = { role, name: trimmed, hash: await hashPin(pin, cost), mustChange: false, updatedAt: opts.clock() };
    // Factory-default profiles of the role (never changed) go: a known PIN must not stay valid.
    s.profiles = s.profiles.filter((p) => !(p.role === role && p.mustChange && p.name !== trimmed));
    const i = s.profiles.findIndex((p) => p.role === role && p.name === trimmed);
    if (i >= 0) s.profiles[i] = profile;
    else s.profiles.push(profile);
    await opts.save(s);
    return { ok: true };
  }

  async function removeNow(role: Role, name: string): Promise<SetPinResult> {
    const s = await current();
    const same = s.profiles.filter((p) => p.role === role);
    if (!same.some((p) => p.name === name)) return { ok: false, message: msg('pin.noSuchOperator', { name }) };
    // The last manager (and the last engineer) stays: without one, nobody could authorise or set up.
    if (role !== 'cashier' && same.length === 1) return { ok: false, message: msg(role === 'manager' ? 'pin.lastManager' : 'pin.lastEngineer') };
    s.profiles = s.profiles.filter((p) => !(p.role === role && p.name === name));
    await opts.save(s);
    return { ok: true };
  }

  async function changeOwnNow(role: Role, owner: string, name: string, pin: string): Promise<SetPinResult> {
    const s = await current();
    const target = name.trim();
    // Issue 14 item 5: a verified PIN of one profile must not set another's; adding people is the manager's.
    if (target !== owner && s.profiles.some((p) => p.role === role && p.name === target)) {
      return { ok: false, message: msg('pin.notOwn', { name: target }) };
    }
    if (!s.profiles.some((p) => p.role === role && p.name === owner)) return { ok: false, message: msg('pin.noSuchOperator', { name: owner }) };
    const set = await setPinNow(role, target, pin);
    if (!set.ok || target === owner) return set;
    s.profiles = s.profiles.filter((p) => !(p.role === role && p.name === owner));
    await opts.save(s);
    return { ok: true };
  }

  return {
    verify: (role, pin) => serial(() => verifyNow(role, pin)),
    changeOwnPin: (role, owner, name, pin) => serial(() => changeOwnNow(role, owner, name, pin)),
    setPin: (role, name, pin) => serial(() => setPinNow(role, name, pin)),
    removeProfile: (role, name) => serial(() => removeNow(role, name)),
    profiles: () => serial(async () => (await current()).profiles.map(({ role, name, mustChange }) => ({ role, name, mustChange }))),
    lockStatus: (role) => serial(async () => {
      const s = await current();
      const left = await lockedFor(s, role, opts.clock());
      const lock = s.locks[role];
      return { lockedForMs: left, remainingTries: left > 0 ? 0 : lock?.lockedAt ? maxTries : maxTries - (lock?.failures ?? 0) };
    }),
  };
}
