/**
 * Checks for a server that only its own loopback pages and local programs may drive (the harness,
 * the sandbox's control API; issue 14): the Host must be ours (DNS rebinding), a browser's Origin
 * must be ours (cookies and no-cors requests ignore ports, so another local port's page could
 * otherwise reach us), and a POST must say `application/json` (a no-cors or form POST cannot).
 */
import type { IncomingMessage } from 'node:http';

export function hostAllowed(req: IncomingMessage, port: number): boolean {
  const host = (req.headers.host ?? '').toLowerCase();
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/** Browsers send Origin on every POST and WebSocket upgrade: it must be ours. Programs send none. */
export function originAllowed(req: IncomingMessage, port: number): boolean {
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  return origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** `application/json`, optionally with parameters (charset). */
export function isJsonContentType(req: IncomingMessage): boolean {
  const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return type === 'application/json';
}
