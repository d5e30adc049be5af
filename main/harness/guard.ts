/**
 * Harness request checks (issue 14, README "Security"): loopback Host only (DNS rebinding); the
 * app's own Origin only (`http://127.0.0.1:<port>` / `http://localhost:<port>`), so a page served
 * from another local port can neither call the API nor open the event stream; POST bodies must be
 * `application/json` (a no-cors or form POST cannot send that); a per-start random token on every
 * API call and WebSocket. The token lives in the page (URL once, then sessionStorage) and is sent
 * as a Bearer header — never in a cookie, because cookies ignore ports and would reach every other
 * loopback server the browser visits. A body size limit and a nesting limit keep parsing bounded.
 */
import type { IncomingMessage } from 'node:http';
import { timingSafeEqual } from 'node:crypto';

export const MAX_BODY_BYTES = 64 * 1024;

export { hostAllowed, isJsonContentType, originAllowed } from '../shared/loopback-guard';

export function tokenFrom(req: IncomingMessage, url: URL): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Bearer ')) return auth.slice(7);
  return url.searchParams.get('token');
}

export function tokenMatches(given: string | null, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export class BodyTooLarge extends Error {}

export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
