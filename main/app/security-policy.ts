/**
 * Pure security policy for the Electron edge (unit-tested without Electron): which URLs a window
 * may show, which links may open outside, the CSP, and the web preferences every window gets.
 */

import { CONTENT_SECURITY_POLICY } from '../shared/content-security-policy';

export { CONTENT_SECURITY_POLICY };

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
  // 语音播报 must sound when a payment arrives, not only after the cashier clicked something.
  autoplayPolicy: 'no-user-gesture-required',
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

/** What to do with a navigation or redirect of one of our windows: only our own pages. */
export function navigationAllowed(url: string, rendererFileUrl: string, devOrigin?: string): boolean {
  return isAppUrl(url, rendererFileUrl, devOrigin);
}

/** window.open / target=_blank: never a new Electron window; allow-listed http(s) goes to the system browser. */
export function windowOpenDecision(url: string, allow: readonly string[] = EXTERNAL_ALLOW_LIST): { action: 'deny'; openExternal: boolean } {
  return { action: 'deny', openExternal: isAllowedExternal(url, allow) };
}

/** Camera, microphone, geolocation, notifications, USB, serial…: the cashier UI asks for none of them. */
export function permissionAllowed(_permission: string): boolean {
  return false;
}

/** Checks a window's effective web preferences; every problem found, in words (empty = hardened). */
export function webPreferenceProblems(prefs: Record<string, unknown>): string[] {
  const problems: string[] = [];
  if (prefs.contextIsolation !== true) problems.push('contextIsolation is off');
  if (prefs.sandbox !== true) problems.push('sandbox is off');
  for (const k of ['nodeIntegration', 'nodeIntegrationInWorker', 'nodeIntegrationInSubFrames', 'allowRunningInsecureContent', 'webviewTag', 'experimentalFeatures'] as const) {
    if (prefs[k] === true) problems.push(`${k} is on`);
  }
  if (prefs.webSecurity === false) problems.push('webSecurity is off');
  if (typeof prefs.enableBlinkFeatures === 'string' && prefs.enableBlinkFeatures) problems.push('enableBlinkFeatures is set');
  return problems;
}

/** The CSP header for a response: ours replaces whatever the response had (any letter case). */
export function withCsp(headers: Record<string, string[] | string> | undefined): Record<string, string[] | string> {
  const out: Record<string, string[] | string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  out['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return out;
}
