/** The `window.pos` bridge (Electron preload or harness script); the renderer's only way to main. */
import type { PosApi } from '../../preload/pos-api';
import type { Msg } from '../../preload/contract';

declare global {
  interface Window { pos: PosApi }
}

export function pos(): PosApi {
  return window.pos;
}

/**
 * Why a call failed, as a message code (worded on screen in the cashier's language): main's code
 * from the error envelope, or the error's own text when it never reached main.
 */
export function errorMessage(err: unknown): Msg {
  const m = (err as { msg?: unknown } | null)?.msg;
  if (m && typeof m === 'object' && typeof (m as { code?: unknown }).code === 'string') return m as Msg;
  return { code: 'error.client', params: { detail: err instanceof Error ? err.message : String(err) } };
}
