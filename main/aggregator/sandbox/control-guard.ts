/**
 * Who may drive a sandbox's control API (both platforms' sandboxes; issue 14 item 10): a program
 * or a page of the sandbox's own origin on this machine — never a page on another local port
 * (Origin), a rebound host name (Host), or a no-cors/form POST (Content-Type).
 */
import type { IncomingMessage } from 'node:http';
import { hostAllowed, isJsonContentType, originAllowed } from '../../shared/loopback-guard';

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** null when the request may go on; otherwise the status and reason to answer with. */
export function controlRefusal(req: IncomingMessage, ownUrl: string, hasBody: boolean): { status: number; error: string } | null {
  if (!LOOPBACK.has(req.socket.remoteAddress ?? '')) return { status: 403, error: 'loopback only' };
  const port = Number(new URL(ownUrl).port);
  if (!hostAllowed(req, port) || !originAllowed(req, port)) return { status: 403, error: 'forbidden host or origin' };
  if (req.method !== 'GET' && hasBody && !isJsonContentType(req)) return { status: 415, error: 'content-type must be application/json' };
  return null;
}
