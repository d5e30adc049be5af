/**
 * The injectable HTTP transport for the Upay driver. The default uses Node's fetch; it turns
 * fetch's generic "fetch failed" into typed errors because the caller must tell a timeout
 * (request may have been processed) from a refused connection (request never arrived) and a
 * reset (request may have arrived).
 */

export type HttpPost = (
  url: string,
  body: string,
  headers: Record<string, string>,
  timeoutMs: number,
) => Promise<{ status: number; body: string }>;

/** timeout: no full answer in time; refused: nothing was sent; reset: connection dropped after connect; network: anything else (DNS, TLS…). */
export type TransportErrorKind = 'timeout' | 'refused' | 'reset' | 'network';

export class HttpTransportError extends Error {
  override readonly name = 'HttpTransportError';
  constructor(
    readonly kind: TransportErrorKind,
    message: string,
    readonly code?: string,
  ) {
    super(message);
  }
}

const RESET_CODES = new Set(['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE', 'UND_ERR_CLOSED', 'ECONNABORTED']);

/** Map whatever fetch threw to an HttpTransportError (exported for tests of custom transports). */
export function classifyFetchError(err: unknown): HttpTransportError {
  if (err instanceof HttpTransportError) return err;
  const e = err as { name?: string; message?: string; cause?: { code?: string; message?: string } } | null;
  // AbortSignal.timeout aborts with a DOMException named TimeoutError, both before the
  // headers and while the body is still streaming.
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') {
    return new HttpTransportError('timeout', 'request timed out', 'ETIMEDOUT');
  }
  const code = e?.cause?.code;
  const detail = e?.cause?.message ?? e?.message ?? String(err);
  if (code === 'ECONNREFUSED') return new HttpTransportError('refused', `connection refused: ${detail}`, code);
  if (code !== undefined && RESET_CODES.has(code)) return new HttpTransportError('reset', `connection reset: ${detail}`, code);
  return new HttpTransportError('network', `network error: ${detail}`, code);
}

export const nodeHttpPost: HttpPost = async (url, body, headers, timeoutMs) => {
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const res = await fetch(url, { method: 'POST', body, headers, signal, redirect: 'error' });
    // The same signal keeps running while the body streams, so a stalled body also times out.
    const text = await res.text();
    return { status: res.status, body: text };
  } catch (err) {
    throw classifyFetchError(err);
  }
};
