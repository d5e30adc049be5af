/** Main → renderer events, typed by the contract; each transport (ipc, WebSocket) subscribes once. */
import type { EventName, EventPayload } from '../../preload/contract';
import { ContractDrift, eventProblem, type ContractCheck } from './contract-check';

/**
 * Events about one moment (a serial scan to pay): never replayed to a window that connects later,
 * or a reload could act on the same scan twice.
 */
const ONE_SHOT: ReadonlySet<EventName> = new Set<EventName>(['serialScan']);

/** Events for the cashier window only, never the customer display (the engineer's monitor, scans to pay). */
const CASHIER_ONLY: ReadonlySet<EventName> = new Set<EventName>(['scannerMonitor', 'serialScan']);
export const isCashierOnly = (event: EventName): boolean => CASHIER_ONLY.has(event);

export type AnyEventListener = (event: EventName, payload: unknown) => void;

export class EventBus {
  private readonly listeners = new Set<AnyEventListener>();
  private readonly last = new Map<EventName, unknown>();

  /** `check`: payloads against the contract (strict: a drift throws at the emitter, nothing is sent). */
  constructor(private readonly check: ContractCheck = 'strict', private readonly log: (msg: string) => void = () => {}) {}

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const drift = this.check === 'off' ? null : eventProblem(event, payload);
    if (drift) {
      this.log(`event ${event}: payload does not match the contract (${drift})`);
      if (this.check === 'strict') throw new ContractDrift(`event ${event} does not match the contract: ${drift}`);
    }
    if (!ONE_SHOT.has(event)) this.last.set(event, payload);
    for (const l of this.listeners) {
      try { l(event, payload); } catch { /* one broken window must not stop the others */ }
    }
  }

  subscribe(listener: AnyEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The latest payload of each event, replayed to a window that connects late. */
  latest(): [EventName, unknown][] { return [...this.last.entries()]; }
}
