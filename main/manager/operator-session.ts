/**
 * Who is at the counter, and checking PINs for protected actions. PINs (scrypt, lockout) live in
 * settings/pins.ts; this adds the signed-in operator and journals every sign-in, sign-out and
 * refused PIN with the role (an OPERATOR_ACTION record), so the journal tells who did what.
 */
import type { JournalRecordBody } from '../journal/records';
import type { Operator, PinBook, Role, VerifyResult } from '../settings/pins';

export interface SessionDeps {
  pins: PinBook;
  append: (body: JournalRecordBody) => Promise<unknown>;
  /** Told whenever the signed-in operator changes (the status bar of every window follows). */
  onChange?: (operator: Operator | null) => void;
}

export type PinFailure = Exclude<VerifyResult, { ok: true }>;

export class OperatorSession {
  private operator: Operator | null = null;

  constructor(private readonly deps: SessionDeps) {}

  current(): Operator | null {
    return this.operator;
  }

  /** Name for journal records: the signed-in operator, else the given fallback. */
  nameOr(fallback: string): string {
    return this.operator?.name ?? fallback;
  }

  async login(role: Role, pin: string): Promise<VerifyResult> {
    const res = await this.verify(role, pin, 'login');
    if (res.ok) {
      this.operator = res.operator;
      this.deps.onChange?.(res.operator);
      await this.journal(res.operator.name, 'login', role);
    }
    return res;
  }

  async logout(): Promise<void> {
    if (!this.operator) return;
    const name = this.operator.name;
    this.operator = null;
    this.deps.onChange?.(null);
    await this.journal(name, 'logout');
  }

  /** The signed-in operator's profile was renamed (a PIN change under a new name). */
  renamed(from: Operator, to: Operator): void {
    if (this.operator?.role !== from.role || this.operator.name !== from.name) return;
    this.operator = to;
    this.deps.onChange?.(to);
  }

  /**
   * Checks a PIN for `action` (e.g. 'refund'). Refusals are journaled with the role tried and
   * the signed-in operator, never with the PIN.
   */
  async verify(role: Role, pin: string, action: string): Promise<VerifyResult> {
    const res = await this.deps.pins.verify(role, pin);
    if (!res.ok) {
      const who = this.operator?.name ?? '未登录';
      await this.journal(who, res.reason === 'locked' ? 'pin_locked' : 'pin_wrong', `${role} PIN for ${action}`);
    }
    return res;
  }

  /** The manager PIN for a protected action; on success the manager's name is returned. */
  async authorize(pin: string, action: string): Promise<{ ok: true; manager: Operator } | PinFailure> {
    const res = await this.verify('manager', pin, action);
    if (!res.ok) return res;
    return { ok: true, manager: res.operator };
  }

  journal(operator: string, action: string, detail?: string): Promise<unknown> {
    const body: JournalRecordBody = { type: 'OPERATOR_ACTION', operator, action };
    if (detail !== undefined) body.detail = detail;
    return this.deps.append(body);
  }
}
