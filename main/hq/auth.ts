/**
 * Dashboard login: users in hq_users with scrypt hashes (the same scrypt format as the counter's
 * PINs, settings/pins.ts), a random session token in an HttpOnly SameSite=Strict cookie, and a
 * lockout after repeated wrong passwords.
 */
import { randomBytes } from 'node:crypto';
import { checkPin as checkScrypt, hashPin as scryptHash } from '../settings/pins';
import type { Sql } from './db';

export const SESSION_COOKIE = 'yima_hq';
const SESSION_MS = 12 * 3_600_000;
const MAX_TRIES = 5;
const LOCK_MS = 60_000;

export async function setUserPassword(sql: Sql, username: string, password: string): Promise<void> {
  if (password.length < 10) throw new Error('密码至少 10 位 / the password needs at least 10 characters');
  const hash = await scryptHash(password);
  await sql.query('INSERT INTO hq_users (username, password_hash) VALUES ($1, $2) ON CONFLICT (username) DO UPDATE SET password_hash = EXCLUDED.password_hash', [username, hash]);
}

/** First start: create `admin` with the given or a random password; returns the password when created. */
export async function ensureAdmin(sql: Sql, given?: string): Promise<string | null> {
  const n = await sql.query<{ n: number }>('SELECT count(*)::int AS n FROM hq_users');
  if ((n.rows[0]?.n ?? 0) > 0) {
    if (given) await setUserPassword(sql, 'admin', given);
    return null;
  }
  const password = given ?? randomBytes(12).toString('base64url');
  await setUserPassword(sql, 'admin', password);
  return password;
}

export class Sessions {
  private readonly sessions = new Map<string, { user: string; expires: number }>();
  private readonly fails = new Map<string, { count: number; until: number }>();

  constructor(private readonly sql: Sql, private readonly now: () => number) {}

  async login(username: string, password: string): Promise<{ ok: true; token: string } | { ok: false; message: string; retryAfterS?: number }> {
    const f = this.fails.get(username);
    const t = this.now();
    if (f && f.until > t) return { ok: false, message: '尝试次数过多，请稍后再试', retryAfterS: Math.ceil((f.until - t) / 1000) };
    const r = await this.sql.query<{ password_hash: string }>('SELECT password_hash FROM hq_users WHERE username = $1', [username]);
    const hash = r.rows[0]?.password_hash;
    const ok = hash ? await checkScrypt(password, hash) : (await scryptHash(password), false); // same cost either way
    if (!ok) {
      const count = (f?.count ?? 0) + 1;
      this.fails.set(username, { count: count >= MAX_TRIES ? 0 : count, until: count >= MAX_TRIES ? t + LOCK_MS : 0 });
      return { ok: false, message: '用户名或密码错误' };
    }
    this.fails.delete(username);
    const token = randomBytes(32).toString('base64url');
    this.sessions.set(token, { user: username, expires: t + SESSION_MS });
    return { ok: true, token };
  }

  user(token: string | null): string | null {
    if (!token) return null;
    const s = this.sessions.get(token);
    if (!s) return null;
    if (s.expires < this.now()) { this.sessions.delete(token); return null; }
    return s.user;
  }

  logout(token: string | null): void {
    if (token) this.sessions.delete(token);
  }
}

export function cookieToken(header: string | undefined): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === SESSION_COOKIE) return decodeURIComponent(v.join('='));
  }
  return null;
}
