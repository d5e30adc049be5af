/** Scripted transport faults, armed through the control API and taken per request. */

export const FAULT_OPS = ['activate', 'checkin', 'precreate', 'pay', 'query', 'cancel', 'refund', 'revoke', 'statement', '*'] as const;
export type FaultOp = (typeof FAULT_OPS)[number];
export type ApiOp = Exclude<FaultOp, '*'>;

export const FAULT_KINDS = [
  'latency', 'hold', 'timeout', 'http500', 'reset', 'malformed', 'html', 'bad_signature', 'lost_response',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface Fault {
  op: FaultOp;
  fault: FaultKind;
  /** Delay for latency / hold. */
  ms: number;
  /** Remaining uses; -1 = until cleared. */
  times: number;
}

/** Faults that stop the request before it is processed. */
export const BEFORE_PROCESSING: ReadonlySet<FaultKind> = new Set(['timeout', 'http500', 'reset', 'html', 'bad_signature']);

export function parseFault(body: Record<string, unknown>): Fault | string {
  const { op, fault } = body;
  const ms = body.ms ?? 0;
  const times = body.times ?? 1;
  if (!(FAULT_OPS as readonly unknown[]).includes(op)) return `op must be one of ${FAULT_OPS.join(', ')}`;
  if (!(FAULT_KINDS as readonly unknown[]).includes(fault)) return `fault must be one of ${FAULT_KINDS.join(', ')}`;
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return 'ms must be a non-negative number';
  if (typeof times !== 'number' || !Number.isInteger(times) || (times < 1 && times !== -1)) return 'times must be a positive integer or -1';
  return { op: op as FaultOp, fault: fault as FaultKind, ms, times };
}

export class Faults {
  private armed: Fault[] = [];

  add(f: Fault): void {
    this.armed.push(f);
  }

  clear(): void {
    this.armed = [];
  }

  list(): Fault[] {
    return this.armed.map((f) => ({ ...f }));
  }

  /** The first armed fault for this op (or '*'), using up one of its times. */
  take(op: ApiOp): Fault | undefined {
    const i = this.armed.findIndex((f) => f.op === op || f.op === '*');
    if (i < 0) return undefined;
    const f = this.armed[i] as Fault;
    if (f.times > 0) {
      f.times -= 1;
      if (f.times === 0) this.armed.splice(i, 1);
    }
    return { ...f };
  }
}

export const NGINX_502 = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n'
  + '<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';

/** setTimeout that close() can cancel. */
export class Timers {
  private readonly pending = new Set<ReturnType<typeof setTimeout>>();

  sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.pending.delete(t);
        resolve();
      }, ms);
      this.pending.add(t);
    });
  }

  clearAll(): void {
    for (const t of this.pending) clearTimeout(t);
    this.pending.clear();
  }
}
