/**
 * Electron hardening in one place: CSP on every response, navigation / redirects / new windows /
 * webviews / permission requests denied, `openExternal` only through the allow-list, and every
 * window's web preferences checked before it is created (windows.ts).
 * The decisions themselves are pure functions in security-policy.ts (unit-tested without Electron).
 */
import { app, session, shell, type WebContents } from 'electron';
import { navigationAllowed, permissionAllowed, windowOpenDecision, withCsp } from './security-policy';

export function setupSecurity(rendererFileUrl: string, devOrigin?: string, log: (msg: string) => void = console.error): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders) });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, permission, callback) => callback(permissionAllowed(permission)));
  session.defaultSession.setPermissionCheckHandler((_wc, permission) => permissionAllowed(permission));
  session.defaultSession.setDevicePermissionHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    const deny = (kind: string) => (e: { preventDefault(): void }, url: string) => {
      if (!navigationAllowed(url, rendererFileUrl, devOrigin)) { e.preventDefault(); log(`security: ${kind} to ${url} denied`); }
    };
    contents.on('will-navigate', deny('navigation'));
    contents.on('will-frame-navigate', (e) => deny('frame navigation')(e, e.url));
    contents.on('will-redirect', deny('redirect'));
    contents.on('will-attach-webview', (e) => { e.preventDefault(); log('security: webview denied'); });
    contents.setWindowOpenHandler(({ url }) => {
      const decision = windowOpenDecision(url);
      if (decision.openExternal) void shell.openExternal(url);
      else log(`security: window.open ${url} denied`);
      return { action: decision.action };
    });
  });
}
