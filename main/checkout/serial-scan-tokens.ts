/**
 * The serial scanner's hand-off to the cashier's screen. Main cannot know the amount the cashier
 * sees (each key reaches main by an async message that a fast scan can overtake), so a serial
 * scan is announced to the cashier window with a one-time token, and the window pays it like a
 * keyboard-wedge scan with its own amount. The code itself stays here (the bus only ever carries
 * masked codes, issue 14 item 4): the window sends the token back and main pays the code it
 * holds for it, once. A duplicated or replayed event can never charge twice, and a token nobody
 * takes in time ends with `onUnclaimed` (a notice, never a charge).
 */
import type { Clock, TimerHandle, Timers } from '../shared/time';

export interface SerialScanTokenDeps {
  clock: Clock;
  timers: Timers;
  /** An unguessable token (random UUID in production). */
  newToken: () => string;
  /** How long the cashier window has to take a scan (ms). */
  claimWithinMs: number;
  /** No window took the scan in time: tell the cashier, charge nothing. */
  onUnclaimed: (code: string) => void;
}

export type ClaimResult = { ok: true; code: string } | { ok: false; why: 'unknown' | 'used' | 'expired' };

export interface SerialScanTokens {
  /** A new token for one scanned code. */
  issue(code: string): string;
  /** Takes the token (once): its code the first time, within the time limit; else why not. */
  claim(token: string): ClaimResult;
  /** Stops every pending timer (shutdown). */
  stop(): void;
}

interface Issued { code: string; issuedAt: number; timer: TimerHandle | null }

/** Used tokens are remembered this long, so a late replay is named 'used', not 'unknown'. */
const REMEMBER_USED_MS = 10 * 60_000;

export function createSerialScanTokens(d: SerialScanTokenDeps): SerialScanTokens {
  const open = new Map<string, Issued>();
  const closed = new Map<string, { at: number; why: 'used' | 'expired' }>();

  const forgetOld = () => {
    const cutoff = d.clock.now() - REMEMBER_USED_MS;
    for (const [token, c] of closed) if (c.at < cutoff) closed.delete(token);
  };
  const close = (token: string, entry: Issued, why: 'used' | 'expired') => {
    open.delete(token);
    if (entry.timer !== null) d.timers.clearTimeout(entry.timer);
    closed.set(token, { at: d.clock.now(), why });
  };

  return {
    issue(code) {
      forgetOld();
      const token = d.newToken();
      const entry: Issued = { code, issuedAt: d.clock.now(), timer: null };
      entry.timer = d.timers.setTimeout(() => {
        if (open.get(token) !== entry) return;
        entry.timer = null;
        close(token, entry, 'expired');
        d.onUnclaimed(code);
      }, d.claimWithinMs);
      open.set(token, entry);
      return token;
    },
    claim(token) {
      const entry = open.get(token);
      if (!entry) return { ok: false, why: closed.get(token)?.why ?? 'unknown' };
      if (d.clock.now() - entry.issuedAt > d.claimWithinMs) { close(token, entry, 'expired'); return { ok: false, why: 'expired' }; }
      close(token, entry, 'used');
      return { ok: true, code: entry.code };
    },
    stop() {
      for (const entry of open.values()) if (entry.timer !== null) d.timers.clearTimeout(entry.timer);
      open.clear();
    },
  };
}
