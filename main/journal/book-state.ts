/**
 * The order book's replay state as lines of JSON and back (index snapshots): the orders a few
 * thousand per line, in columns (low-cardinality values through a shared table), the records still
 * waiting for their ATTEMPT_CREATED, and the day totals. One line at a time each way, so neither
 * side ever holds the whole text. Decoding gives back exactly what was encoded: values JSON cannot carry
 * faithfully (undefined inside an object, NaN, ±Infinity, -0) make the encoder refuse.
 * Business days were computed by the fold; the decoder recomputes each one with the current
 * businessDay() and refuses when any differs (time zone or business-day rule changed).
 */
import type { TotalsDump } from './day-totals';
import { intern, internMsg, OrderRec } from './order-record';
import type { RefundView } from './order-view';
import type { JournalRecord } from './records';

/** Table columns: values repeated across orders (index into the table, -1 = undefined). */
const T_COLS = new Set<string>(['day', 'method', 'operator', 'subject', 'wallet', 'codeMasked', 'status', 'message', 'cancelReason']);
/** The constructor's fields first (the decoder builds the orders from them), then the mutable ones. */
const CTOR = ['clientSn', 'day', 'method', 'amountFen', 'operator', 'subject', 'createdAt', 'windowMs', 'wallet', 'codeMasked'] as const;
const REST = ['status', 'message', 'note', 'cancelReason', 'sn', 'tradeNo', 'qrCode', 'expiresAt', 'finishedAt', 'recovered', 'reconstructed', 'refunds', 'refundedFen', 'cash', 'sale'] as const;
type Col = (typeof CTOR)[number] | (typeof REST)[number];
const COLS: readonly Col[] = [...CTOR, ...REST];
/** Every field of OrderRec the snapshot carries (a test checks none is missing). */
export const SNAPSHOT_COLUMNS: readonly string[] = COLS;
const COL_INDEX = Object.fromEntries(COLS.map((c, k) => [c, k])) as Record<Col, number>;

export interface BookState {
  orders: OrderRec[];
  orphans: [string, JournalRecord[]][];
  totals: TotalsDump;
}

export class Unsnapshotable extends Error {
  override readonly name = 'Unsnapshotable';
}

/** Throws unless JSON.parse(JSON.stringify(v)) is deep-equal to v (own keys, values, types). */
function check(v: unknown, depth = 0): void {
  if (v === null || typeof v === 'string' || typeof v === 'boolean') return;
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || Object.is(v, -0)) throw new Unsnapshotable(`number ${String(v)} does not survive JSON`);
    return;
  }
  if (typeof v !== 'object' || depth > 64) throw new Unsnapshotable(`value of type ${typeof v} does not survive JSON`);
  if (Array.isArray(v)) {
    for (const x of v) check(x, depth + 1);
    return;
  }
  if (Object.getPrototypeOf(v) !== Object.prototype) throw new Unsnapshotable('non-plain object');
  for (const k of Object.keys(v)) check((v as Record<string, unknown>)[k], depth + 1);
}

/** Orders per line: lines of ~80 KB stay young-generation garbage (not large objects), neither side holds whole columns. */
const CHUNK = 512;

/**
 * The lines, in order: count, table, refund days, then the orders CHUNK at a time as
 * [columns, real nulls] (a column per field for those orders; table fields as indexes, -1 =
 * undefined; plain fields with undefined written as null, the positions of real nulls listed
 * apart), then orphans, totals. Throws Unsnapshotable (possibly after some lines) when a value
 * would not survive JSON.
 */
export function* encodeBook(
  state: { orders: OrderRec[]; orphans: [string, JournalRecord[]][]; totals: TotalsDump },
  businessDay: (ts: number) => string,
): Generator<string> {
  const { orders } = state;
  const table: unknown[] = [];
  const ids = new Map<unknown, number>();
  const id = (v: unknown): number => {
    if (v === undefined) return -1;
    let i = ids.get(v);
    if (i === undefined) {
      check(v);
      i = table.length;
      table.push(v);
      ids.set(v, i);
    }
    return i;
  };
  const tcols = COLS.filter((c) => T_COLS.has(c));
  const refundDays: number[] = [];
  for (const o of orders) {
    for (const c of tcols) id(o[c]);
    for (const x of o.refunds ?? []) if (x.status === 'refunded') refundDays.push(id(businessDay(x.finishedAt as number)));
  }
  check(state.orphans);
  check(state.totals);
  yield JSON.stringify(orders.length);
  yield JSON.stringify(table);
  yield JSON.stringify(refundDays);
  for (let start = 0; start < orders.length; start += CHUNK) {
    const part = orders.slice(start, start + CHUNK);
    const nulls: number[][] = [];
    const cols = COLS.map((c, k) => {
      if (T_COLS.has(c)) return part.map((o) => id(o[c]));
      return part.map((o, i) => {
        const v = o[c];
        if (v === undefined) return null;
        if (v === null) nulls.push([k, i]);
        else if (typeof v === 'object' || typeof v === 'number') check(v);
        return v;
      });
    });
    yield JSON.stringify([cols, nulls]);
  }
  yield JSON.stringify(state.orphans);
  yield JSON.stringify(state.totals);
}

/** Feed encodeBook()'s lines in order; finish() returns the state. Throws on anything unexpected. */
export class BookDecoder {
  private stage = 0;
  private n = -1;
  private table: unknown[] = [];
  private refundDays: number[] = [];
  private readonly orders: OrderRec[] = [];
  private orphans: BookState['orphans'] | undefined;
  private totals: TotalsDump | undefined;

  constructor(private readonly businessDay: (ts: number) => string) {}

  line(text: string): void {
    const v: unknown = JSON.parse(text);
    const s = this.stage++;
    if (s === 0) {
      if (!Number.isSafeInteger(v) || (v as number) < 0) throw new Error('order count missing');
      this.n = v as number;
    } else if (s === 1) this.table = (v as unknown[]).map((x) => (typeof x === 'string' ? intern(x) : x));
    else if (s === 2) this.refundDays = v as number[];
    else if (this.orders.length < this.n) this.chunk(v as [unknown[][], [number, number][]]);
    else if (this.orphans === undefined) this.orphans = v as BookState['orphans'];
    else if (this.totals === undefined) this.totals = v as TotalsDump;
    else throw new Error('extra line');
  }

  private chunk([cols, nulls]: [unknown[][], [number, number][]]): void {
    if (!Array.isArray(cols) || cols.length !== COLS.length || !Array.isArray(nulls)) throw new Error('malformed orders');
    const len = cols[0]!.length;
    if (len === 0 || this.orders.length + len > this.n || cols.some((c) => !Array.isArray(c) || c.length !== len)) throw new Error('malformed orders');
    const table = this.table;
    // Resolve each column in place: table indexes to values, null to undefined unless listed as a real null.
    for (let k = 0; k < COLS.length; k++) {
      const col = cols[k]!;
      if (T_COLS.has(COLS[k]!)) for (let i = 0; i < len; i++) col[i] = col[i] === -1 ? undefined : table[col[i] as number];
      else for (let i = 0; i < len; i++) if (col[i] === null) col[i] = undefined;
    }
    for (const [k, i] of nulls) cols[k]![i] = null;
    const [clientSn, day, method, amountFen, operator, subject, createdAt, windowMs, wallet, codeMasked] = cols as [string[], string[], OrderRec['method'][], number[], string[], string[], number[], number[], OrderRec['wallet'][], (string | undefined)[]];
    const rest = REST.map((c) => [c, cols[COL_INDEX[c]]!] as const);
    for (let i = 0; i < len; i++) {
      if (this.businessDay(createdAt[i]!) !== day[i]) throw new Error(`the business day of ${String(clientSn[i])} is now ${this.businessDay(createdAt[i]!)}, was ${String(day[i])}`);
      const o = new OrderRec(clientSn[i]!, day[i]!, method[i]!, amountFen[i]!, operator[i]!, subject[i]!, createdAt[i]!, windowMs[i]!, wallet[i], codeMasked[i]);
      const rec = o as unknown as Record<string, unknown>;
      for (const [c, col] of rest) rec[c] = c === 'note' ? internMsg(col[i] as OrderRec['note']) : col[i];
      this.orders.push(o);
    }
  }

  finish(): BookState {
    if (this.orders.length !== this.n || this.orphans === undefined || this.totals === undefined) throw new Error('snapshot ends early');
    let rd = 0;
    for (const o of this.orders) {
      for (const x of (o.refunds as RefundView[] | undefined) ?? []) {
        if (x.status === 'refunded' && this.businessDay(x.finishedAt as number) !== this.table[this.refundDays[rd++]!]) {
          throw new Error(`the business day of refund ${x.refundRequestNo} changed`);
        }
      }
    }
    if (rd !== this.refundDays.length) throw new Error('refund days do not match');
    return { orders: this.orders, orphans: this.orphans, totals: this.totals };
  }
}
