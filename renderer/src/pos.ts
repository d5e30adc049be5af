/** The `window.pos` bridge (Electron preload or harness script); the renderer's only way to main. */
import type { PosApi } from '../../preload/pos-api';

declare global {
  interface Window { pos: PosApi }
}

export function pos(): PosApi {
  return window.pos;
}

export function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
