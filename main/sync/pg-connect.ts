/**
 * Connecting a store to head office's PostgreSQL. The URL in settings carries no password (that
 * lives in secrets.json); TLS follows libpq's sslmode: `prefer` (default) tries TLS and falls
 * back to plain only when the server has no TLS; `require` insists on TLS; `verify-full` also
 * checks the certificate and host name; `disable` never uses it.
 * (libpq sslmode semantics: https://www.postgresql.org/docs/15/libpq-ssl.html)
 */
// Types only here: the driver itself is imported on the first connection, so a counter without
// head-office sync never loads pg.
import type pg from 'pg';
import { msg, type Msg } from '../../preload/messages';

export type SslMode = 'disable' | 'prefer' | 'require' | 'verify-full';

export interface HqTarget {
  host: string;
  port: number;
  database: string;
  user: string;
  sslmode: SslMode;
}

/** Parse `postgres://user[:password]@host[:port]/db[?sslmode=…]`; a message code for bad input (the status bar shows it). */
export function parseHqUrl(url: string): { ok: true; target: HqTarget; password?: string } | { ok: false; message: Msg } {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, message: msg('hq.urlInvalid') };
  }
  if (u.protocol !== 'postgres:' && u.protocol !== 'postgresql:') return { ok: false, message: msg('hq.urlInvalid') };
  if (!u.hostname) return { ok: false, message: msg('hq.urlInvalid') };
  const user = decodeURIComponent(u.username);
  if (!user) return { ok: false, message: msg('hq.urlNoUser') };
  const mode = (u.searchParams.get('sslmode') ?? 'prefer') as SslMode;
  if (!['disable', 'prefer', 'require', 'verify-full'].includes(mode)) return { ok: false, message: msg('hq.sslmodeInvalid', { mode }) };
  const port = u.port ? Number(u.port) : 5432;
  const database = decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres';
  const password = u.password ? decodeURIComponent(u.password) : undefined;
  return { ok: true, target: { host: u.hostname.replace(/^\[|\]$/g, ''), port, database, user, sslmode: mode }, ...(password ? { password } : {}) };
}

/** The URL without its password (what settings.json keeps and the screen shows). */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    u.password = '';
    return u.toString();
  } catch {
    return url;
  }
}

const NO_TLS = /does not support SSL/i;

/** Open one connection; `prefer` remembers that the server has no TLS and stops asking. */
export function makeConnector(target: HqTarget, password: () => string | null, timeoutMs = 5_000) {
  let plainOnly = target.sslmode === 'disable';
  let lastTls = false;
  const open = async (tls: boolean): Promise<pg.Client> => {
    const { default: driver } = await import('pg');
    const ssl = tls ? (target.sslmode === 'verify-full' ? { rejectUnauthorized: true, servername: target.host } : { rejectUnauthorized: false }) : false;
    const c = new driver.Client({
      host: target.host, port: target.port, database: target.database, user: target.user, password: password() ?? undefined,
      ssl, connectionTimeoutMillis: timeoutMs, query_timeout: 30_000, application_name: 'yima-sync', keepAlive: true,
    });
    c.on('error', () => undefined); // a dropped link surfaces on the next query
    try {
      await c.connect();
    } catch (err) {
      await c.end().catch(() => undefined);
      throw err;
    }
    return c;
  };
  return {
    async connect(): Promise<pg.Client> {
      if (plainOnly) { lastTls = false; return open(false); }
      try {
        const c = await open(true);
        lastTls = true;
        return c;
      } catch (err) {
        if (target.sslmode !== 'prefer' || !NO_TLS.test(String((err as Error).message))) throw err;
        plainOnly = true;
        lastTls = false;
        return open(false);
      }
    },
    /** Whether the last connection is encrypted. */
    get tls(): boolean { return lastTls; },
  };
}
