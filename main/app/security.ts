/**
 * Electron hardening in one place: CSP on every response, navigation / redirects / new windows /
 * webviews / permission requests denied, `openExternal` only through the allow-list.
 */
import { app, session, shell, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY, isAllowedExternal, isAppUrl } from './security-policy';

export function setupSecurity(rendererFileUrl: string, devOrigin?: string): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents: WebContents) => {
    contents.on('will-navigate', (e, url) => { if (!isAppUrl(url, rendererFileUrl, devOrigin)) e.preventDefault(); });
    contents.on('will-redirect', (e, url) => { if (!isAppUrl(url, rendererFileUrl, devOrigin)) e.preventDefault(); });
    contents.on('will-attach-webview', (e) => e.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (isAllowedExternal(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
