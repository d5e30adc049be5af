/**
 * The one Content-Security-Policy of every page Yima shows, in Electron (set on each response
 * by main/app/security.ts) and in the browser harness (sent with each file). `'self'` covers the
 * harness's own WebSocket (CSP Level 3 lets 'self' match ws: on the same host).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
