/**
 * The engineer's "test connection" to head office: connects to PostgreSQL exactly as the sync
 * worker will (same connector, same sslmode handling, the store's own role) and asks the server
 * which store this role is (`current_store()`, main/hq/migrations/002_store_security.sql), so
 * a wrong role, password, database or TLS setting is named before anything is synced.
 * Error codes: PostgreSQL SQLSTATE (https://www.postgresql.org/docs/15/errcodes-appendix.html).
 */
import type pg from 'pg';
import { makeConnector, parseHqUrl } from './pg-connect';
import type { Msg } from '../../preload/messages';

export type HqProbeResult =
  | { kind: 'ok'; ms: number; tls: boolean; storeId: string }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'loginRefused'; user: string }
  | { kind: 'tls'; detail: string }
  | { kind: 'noDatabase'; database: string }
  | { kind: 'notHq' }
  | { kind: 'notAStore'; user: string }
  | { kind: 'otherStore'; actual: string }
  | { kind: 'failed'; detail: string }
  | { kind: 'badUrl'; message: Msg };

const NETWORK = new Set(['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ECONNRESET']);
const TLS_TEXT = /SSL|TLS|certificate|self[- ]signed/i;

type PgError = Error & { code?: string };

function classify(err: unknown, user: string, database: string): HqProbeResult {
  const e = err as PgError;
  const text = e instanceof Error ? e.message : String(err);
  const code = e?.code ?? '';
  if (code === '28P01') return { kind: 'loginRefused', user };
  if (code === '3D000') return { kind: 'noDatabase', database };
  // pg_hba "hostssl" only, or sslmode=require against a server without TLS, or a bad certificate.
  if (TLS_TEXT.test(text) && !NETWORK.has(code)) return { kind: 'tls', detail: text };
  if (code === '28000') return { kind: 'loginRefused', user };
  if (NETWORK.has(code) || /timeout|terminated/i.test(text)) return { kind: 'unreachable', detail: code ? `${code} ${text}` : text };
  return { kind: 'failed', detail: code ? `${code} ${text}` : text };
}

export async function probeHq(url: string, password: string | null, expectStoreId: string, deps: { clock: () => number; timeoutMs?: number }): Promise<HqProbeResult> {
  const parsed = parseHqUrl(url);
  if (!parsed.ok) return { kind: 'badUrl', message: parsed.message };
  const { user, database } = parsed.target;
  const connector = makeConnector(parsed.target, () => password ?? parsed.password ?? null, deps.timeoutMs ?? 5_000);
  const started = deps.clock();
  let client: pg.Client;
  try {
    client = await connector.connect();
  } catch (err) {
    return classify(err, user, database);
  }
  try {
    const r = await client.query<{ store: string | null }>('SELECT current_store() AS store');
    const ms = deps.clock() - started;
    const store = r.rows[0]?.store ?? null;
    if (store === null) return { kind: 'notAStore', user };
    if (store !== expectStoreId) return { kind: 'otherStore', actual: store };
    return { kind: 'ok', ms, tls: connector.tls, storeId: store };
  } catch (err) {
    const code = (err as PgError).code;
    if (code === '42883' || code === '42P01') return { kind: 'notHq' }; // no such function / table
    if (code === '42501') return { kind: 'notAStore', user }; // not a member of yima_store
    return classify(err, user, database);
  } finally {
    await client.end().catch(() => undefined);
  }
}
