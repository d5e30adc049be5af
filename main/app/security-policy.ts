/**
 * Pure security policy for the Electron edge (unit-tested without Electron): which URLs a window
 * may show, which links may open outside, the CSP, and the web preferences every window gets.
 */

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "media-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
} as const;

/** Our own pages only: the packaged file:// renderer, or the dev server origin when given. */
export function isAppUrl(url: string, rendererFileUrl: string, devOrigin?: string): boolean {
  try {
    const u = new URL(url);
    if (devOrigin && u.origin === new URL(devOrigin).origin) return true;
    const root = new URL(rendererFileUrl);
    return u.protocol === 'file:' && root.protocol === 'file:' && u.pathname === root.pathname;
  } catch {
    return false;
  }
}

/** Hosts the app may open in the system browser (help pages); everything else is refused. */
export const EXTERNAL_ALLOW_LIST: readonly string[] = ['www.shouqianba.com', 'github.com'];

export function isAllowedExternal(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && allow.includes(u.hostname) && !u.username && !u.password;
  } catch {
    return false;
  }
}

/** An IPC message is accepted only from one of our windows showing one of our pages. */
export function isTrustedSender(senderFrameUrl: string | undefined, windowIds: ReadonlySet<number>, senderId: number, rendererFileUrl: string, devOrigin?: string): boolean {
  return windowIds.has(senderId) && !!senderFrameUrl && isAppUrl(senderFrameUrl, rendererFileUrl, devOrigin);
}
