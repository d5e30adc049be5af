/**
 * The strict mode's record: every documentation rule a request broke (field, rule, source page).
 * The refusal itself always happens (the real platform refuses too); the record lets a test
 * fail on any violation, even one a client recovered from. Exposed at GET /__control/violations.
 */

export interface Violation {
  /** API operation or 'gateway'. */
  op: string;
  /** The field (or header) at fault; '' when the whole request is. */
  field: string;
  /** What the documentation says, in a few words. */
  rule: string;
  /** The doc page in WoSai/shouqianba-doc (or the shared reference section) it comes from. */
  source: string;
  /** The offending value, cut short; never a key or a signature. */
  value?: string;
  at: number;
  /** Whether the request was refused (always, today; kept so a record-only rule can be told apart). */
  refused: boolean;
}

const MAX = 1000;

export class Violations {
  private readonly list: Violation[] = [];

  record(v: Violation): void {
    this.list.push(v);
    if (this.list.length > MAX) this.list.shift();
  }

  all(): readonly Violation[] {
    return this.list;
  }

  clear(): void {
    this.list.length = 0;
  }
}

export function shortValue(v: unknown): string {
  const s = typeof v === 'string' ? v : JSON.stringify(v) ?? String(v);
  return s.length > 80 ? `${s.slice(0, 80)}…` : s;
}
