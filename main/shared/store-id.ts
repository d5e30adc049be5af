/**
 * A store id as head office knows it: it becomes part of the store's PostgreSQL role name
 * (yima_store_<id>), so only letters, digits, '_' and '-' (main/hq/provision.ts) and the
 * engineer's head-office form (main/sync/hq-form.ts) both check it with this one rule.
 */
export const STORE_ID_RE = /^[A-Za-z0-9_-]{1,40}$/;
