/**
 * Upay v2 signature: md5 over the exact body bytes followed by the key. The body is serialized
 * once and that same string is both signed and sent — re-serializing could reorder or re-escape
 * and break the signature.
 */
import { createHash } from 'node:crypto';

export function upaySign(body: string, key: string): string {
  return createHash('md5').update(body + key, 'utf8').digest('hex');
}

export function upayHeaders(body: string, sn: string, key: string): Record<string, string> {
  return {
    'Content-Type': 'application/json',
    Authorization: `${sn} ${upaySign(body, key)}`,
  };
}

/** Serialize a request; every value must already be a string (Upay's rule), undefined fields are dropped. */
export function serializeBody(fields: Record<string, string | undefined>): string {
  const clean: Record<string, string> = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v !== undefined) clean[k] = v;
  }
  return JSON.stringify(clean);
}
