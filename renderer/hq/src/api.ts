/** The dashboard's calls to main/hq/server.ts (same origin, session cookie). */
export class ApiError extends Error {
  /** `code`: a refusal the page words itself (in its own language), e.g. 'store-unknown'. */
  constructor(readonly status: number, message: string, readonly code?: string) { super(message); }
}

async function call<T>(method: 'GET' | 'POST', path: string, body?: BodyInit, type = 'application/json'): Promise<T> {
  const res = await fetch(path, { method, credentials: 'same-origin', ...(body !== undefined ? { body, headers: { 'content-type': type } } : {}) });
  const data = (await res.json().catch(() => ({}))) as { error?: string; code?: string };
  if (!res.ok) throw new ApiError(res.status, data.error ?? `HTTP ${res.status}`, data.code);
  return data as T;
}

export const api = {
  get: <T>(path: string) => call<T>('GET', path),
  post: <T>(path: string, json: unknown) => call<T>('POST', path, JSON.stringify(json)),
  postText: <T>(path: string, text: string) => call<T>('POST', path, text, 'text/csv; charset=utf-8'),
};
