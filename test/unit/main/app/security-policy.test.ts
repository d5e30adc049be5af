import { describe, expect, it } from 'vitest';
import {
  CONTENT_SECURITY_POLICY, SECURE_WEB_PREFERENCES, isAllowedExternal, isAppUrl, isTrustedSender, navigationAllowed,
  permissionAllowed, webPreferenceProblems, windowOpenDecision, withCsp,
} from '../../../../main/app/security-policy';

const FILE = 'file:///opt/Yima/resources/app.asar/out/renderer/index.html';
const DEV = 'http://localhost:5173';

describe('which pages a window may show (navigation, redirects)', () => {
  it('our packaged page, with any hash or query (the customer display is #customer)', () => {
    expect(navigationAllowed(FILE, FILE)).toBe(true);
    expect(navigationAllowed(`${FILE}#customer`, FILE)).toBe(true);
    expect(navigationAllowed(`${FILE}?lang=en`, FILE)).toBe(true);
  });

  it('nothing else on disk, and no web page, data: or javascript: URL', () => {
    for (const url of [
      'file:///etc/passwd', 'file:///opt/Yima/resources/app.asar/out/renderer/other.html', 'https://evil.example/',
      'http://127.0.0.1:8080/', 'data:text/html,<script>alert(1)</script>', 'javascript:alert(1)', 'about:blank', 'not a url', '',
    ]) expect(navigationAllowed(url, FILE), url).toBe(false);
  });

  it('the dev server origin only when one is configured, and only that origin', () => {
    expect(navigationAllowed(`${DEV}/#customer`, FILE, DEV)).toBe(true);
    expect(navigationAllowed(`${DEV}/`, FILE)).toBe(false);
    expect(navigationAllowed('http://localhost:5174/', FILE, DEV)).toBe(false);
    expect(navigationAllowed('http://localhost.evil.example:5173/', FILE, DEV)).toBe(false);
    expect(isAppUrl(DEV, FILE, DEV)).toBe(true);
  });
});

describe('window.open and links opening outside', () => {
  it('never opens an Electron window; allow-listed https help pages go to the system browser', () => {
    expect(windowOpenDecision('https://www.shouqianba.com/help')).toEqual({ action: 'deny', openExternal: true });
    expect(windowOpenDecision('https://github.com/yima')).toEqual({ action: 'deny', openExternal: true });
  });

  it('refuses other hosts, look-alike hosts, credentials in the URL, and non-http schemes', () => {
    for (const url of [
      'https://evil.example/', 'https://www.shouqianba.com.evil.example/', 'https://evil.example/?https://github.com',
      'https://user:pw@github.com/', 'file:///etc/passwd', 'smb://github.com/share', 'javascript:alert(1)', 'ms-msdt:/id', 'mailto:a@github.com', '',
    ]) {
      expect(isAllowedExternal(url), url).toBe(false);
      expect(windowOpenDecision(url), url).toEqual({ action: 'deny', openExternal: false });
    }
  });

  it('an explicit allow-list replaces the default one', () => {
    expect(isAllowedExternal('https://help.yima.example/a', ['help.yima.example'])).toBe(true);
    expect(isAllowedExternal('https://github.com/', ['help.yima.example'])).toBe(false);
  });
});

describe('IPC sender check', () => {
  const ids = new Set([3, 4]);
  it('accepts our window showing our page', () => {
    expect(isTrustedSender(`${FILE}#customer`, ids, 3, FILE)).toBe(true);
  });
  it('refuses another web contents, a frame showing another page, or an unknown frame', () => {
    expect(isTrustedSender(FILE, ids, 9, FILE)).toBe(false);
    expect(isTrustedSender('https://evil.example/', ids, 3, FILE)).toBe(false);
    expect(isTrustedSender(undefined, ids, 3, FILE)).toBe(false);
    expect(isTrustedSender(`${DEV}/`, ids, 3, FILE)).toBe(false);
    expect(isTrustedSender(`${DEV}/`, ids, 3, FILE, DEV)).toBe(true);
  });
});

describe('permissions', () => {
  it('every permission request is denied (camera, microphone, geolocation, notifications, serial, usb, clipboard)', () => {
    for (const p of ['media', 'geolocation', 'notifications', 'serial', 'usb', 'hid', 'clipboard-read', 'openExternal', 'fullscreen']) expect(permissionAllowed(p), p).toBe(false);
  });
});

describe('web preferences of every window', () => {
  it('the shared preferences are hardened', () => {
    expect(webPreferenceProblems({ ...SECURE_WEB_PREFERENCES })).toEqual([]);
    expect(SECURE_WEB_PREFERENCES).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false, webSecurity: true });
  });

  it('names each weakened setting', () => {
    expect(webPreferenceProblems({ ...SECURE_WEB_PREFERENCES, nodeIntegration: true, sandbox: false })).toEqual(['sandbox is off', 'nodeIntegration is on']);
    expect(webPreferenceProblems({ ...SECURE_WEB_PREFERENCES, contextIsolation: false })).toEqual(['contextIsolation is off']);
    expect(webPreferenceProblems({ ...SECURE_WEB_PREFERENCES, webSecurity: false, webviewTag: true })).toEqual(['webviewTag is on', 'webSecurity is off']);
    expect(webPreferenceProblems({})).toEqual(['contextIsolation is off', 'sandbox is off']);
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(CONTENT_SECURITY_POLICY.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  it('scripts only from the app itself: no inline, no eval, no remote', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['default-src']).toEqual(["'self'"]);
  });
  it('no plugins, frames, workers, base tag or form posts; cannot be framed', () => {
    for (const k of ['object-src', 'frame-src', 'worker-src', 'base-uri', 'form-action', 'frame-ancestors']) expect(directives[k], k).toEqual(["'none'"]);
  });
  it('replaces a CSP the response brought, whatever its letter case, and keeps the other headers', () => {
    const out = withCsp({ 'content-security-policy': ["default-src *"], 'Content-Type': ['text/html'] });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(withCsp(undefined)).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
