/**
 * The engineer's "head office" form, validated field by field (pure). The URL kept in settings
 * never holds the password (secrets.json does): one typed into the URL moves to the password
 * unless the password field has one too. Store ids follow main/shared/store-id.ts (the rule head office's provisioning uses).
 * sslmode values as libpq's: https://www.postgresql.org/docs/15/libpq-ssl.html
 */
import { STORE_ID_RE } from '../shared/store-id';
import { msg, type Msg } from '../../preload/messages';
import type { HqForm } from '../../preload/contract-setup';
import { redactUrl } from './pg-connect';

export interface HqValue {
  enabled: boolean;
  /** Without password. */
  url: string;
  /** Typed now (form or URL); absent = keep the stored one. */
  password?: string;
  storeId: string;
  storeName: string;
}

export type HqChecked = { ok: true; value: HqValue } | { ok: false; errors: Record<string, Msg> };

const SSLMODES = ['disable', 'prefer', 'require', 'verify-full'];

export function parseHqForm(f: HqForm, passwordStored: boolean): HqChecked {
  const e: Record<string, Msg> = {};
  const raw = f.url.trim();
  let url = '';
  let urlPassword: string | undefined;
  if (raw) {
    let u: URL | null = null;
    try { u = new URL(raw); } catch { /* below */ }
    if (!u || !/^postgres(ql)?:$/.test(u.protocol) || !u.hostname) e.url = msg('hq.urlInvalid');
    else if (!u.username) e.url = msg('hq.urlNoUser');
    else if (u.searchParams.has('sslmode') && !SSLMODES.includes(u.searchParams.get('sslmode')!)) e.url = msg('hq.sslmodeInvalid', { mode: u.searchParams.get('sslmode')! });
    else {
      if (u.password) urlPassword = decodeURIComponent(u.password);
      url = redactUrl(raw);
    }
  }
  const typed = f.password;
  if (urlPassword && typed) e.password = msg('hq.passwordTwice');
  const password = typed || urlPassword;
  const storeId = f.storeId.trim();
  const storeName = f.storeName.trim();
  if (storeId && !STORE_ID_RE.test(storeId)) e.storeId = msg('hq.storeIdInvalid');
  if ([...storeName].length > 40) e.storeName = msg('setup.tooLong', { max: 40 });
  if (f.enabled) {
    if (!raw && !e.url) e.url = msg('setup.required');
    if (!storeId) e.storeId = msg('setup.required');
    if (!password && !passwordStored && !e.password) e.password = msg('hq.passwordRequired');
  }
  if (Object.keys(e).length) return { ok: false, errors: e };
  return { ok: true, value: { enabled: f.enabled, url, storeId, storeName, ...(password ? { password } : {}) } };
}
