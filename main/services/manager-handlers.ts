/**
 * Handlers for the store manager's contract actions (preload/contract-manager.ts): PINs and the
 * signed-in operator, order search, refunds and voids behind the manager PIN, totals, X / Z
 * reports, reconciliation and CSV export. Thin: the logic lives in main/refunds, main/manager
 * and main/reports.
 */
import type { ShiftBook } from '../reports/shift';
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { systemTimers, type Clock, type Timers } from '../shared/time';
import type { RetryPolicy } from '../shared/retry';
import { localBusinessDay, type Journal } from '../journal';
import type { PrintQueue } from '../devices/printer';
import { openOperators, type Operators } from '../manager/operators';
import { readJson } from '../manager/json-file';
import { parseManagerConfig } from '../manager/manager-config';
import { searchOrders, toManagerOrder } from '../manager/order-search';
import { reconcileDay, reconcileView, type DayReconciliation } from '../manager/reconcile-day';
import { refundDoc, shiftCloseDoc } from '../manager/receipts';
import { loadShiftBook } from '../manager/shift-loader';
import { makeRefundNoFactory, RefundService } from '../refunds';
import { closeShift, dayTotals, expectedSettlement, ordersCsv, reconciliationCsv, settlementCsv, totalsCsv, xReport } from '../reports';
import { ROLES } from '../settings/pins';
import type { SettingsHandle } from '../settings/settings-store';
import type { Aggregator } from '../aggregator/types';
import type { managerActions } from '../../preload/contract-manager';
import type { EventBus } from './event-bus';
import { ServiceError, type Handlers } from './dispatch';
import { fenOf as fenOfAmount } from './amount-args';
import { cashCountOf } from './cash-count-input';
import type { OperatorActionName } from './operator-handlers';
import type { Core } from './core';
import type { Devices } from './device-setup';
import { msg } from '../../preload/messages';

export interface ManagerHandlerDeps {
  dataDir: string;
  journal: Journal;
  settings: SettingsHandle;
  aggregator: Aggregator;
  /** The receipt printer queue, or null when none is set up. */
  printer: PrintQueue | null;
  clock: Clock;
  bus: EventBus;
  log: (msg: string, err?: unknown) => void;
  /** Scrypt cost for PIN hashes (tests lower it); default 16384. */
  pinCost?: number;
  /** Timers for the waits between refund re-sends (default: the system's). */
  timers?: Timers;
  /** Refund re-sends after unknown answers (tests shorten them). */
  refundRetry?: RetryPolicy;
  /** The PIN book and signed-in operator shared with the checkout (made here when absent). */
  operators?: Operators;
  /** The counter's shift book, shared with the cash actions (loaded here when absent). */
  shifts?: Promise<ShiftBook>;
  /** Payment recovery at start; refunds left pending by a crash are resumed after it. */
  recovered?: Promise<unknown>;
  /** Aborted when the services stop: background refund follow-ups end (the refunds stay pending in the journal). */
  signal?: AbortSignal;
}

export type ManagerHandlers = Pick<Handlers, Exclude<keyof typeof managerActions, OperatorActionName>>;

export function managerHandlers(d: ManagerHandlerDeps): ManagerHandlers {
  const now = () => d.clock.now();
  const today = () => localBusinessDay(now());
  const { pins, session } = d.operators ?? openOperators({ dataDir: d.dataDir, append: (b) => d.journal.append(b), clock: now, log: d.log, pinCost: d.pinCost });
  const shifts = d.shifts ?? loadShiftBook(join(d.dataDir, 'journal'), (l) => d.journal.onRecord(l), (m) => d.log(m));
  const settlementCfg = parseManagerConfig(readJson(join(d.dataDir, 'manager.json'), d.log), d.log);
  const reconciled = new Map<string, DayReconciliation>();

  const print = (req: Parameters<PrintQueue['enqueue']>[0]): boolean => {
    if (!d.printer) return false;
    void d.printer.enqueue(req).catch((err) => d.log('receipt not queued', err));
    return true;
  };
  const refunds = new RefundService({
    aggregator: d.aggregator, journal: d.journal, clock: now, businessDay: localBusinessDay,
    timers: d.timers ?? systemTimers, newRefundNo: makeRefundNoFactory(now), ...(d.refundRetry ? { retry: d.refundRetry } : {}),
    timeScale: () => d.settings.get().checkout.pollTimeScale ?? 1,
    ...(d.signal ? { signal: d.signal } : {}),
    onOutcome: (out, order) => {
      d.bus.emit('refundUpdate', out);
      if (out.status !== 'refunded') return;
      const who = order.refunds.find((r) => r.refundRequestNo === out.refundRequestNo)?.operator ?? '';
      print({ kind: out.kind === 'void' ? 'void' : 'refund', doc: refundDoc(out, order, d.settings.get(), who, now()), orderRef: order.clientSn });
    },
  });
  void d.recovered?.then(() => refunds.resumePending(d.journal.orders.list(), '恢复'))
    .then((done) => { for (const r of done ?? []) d.log(`refund ${r.refundRequestNo} resumed after restart: ${r.status}`); })
    .catch((err) => d.log('refund recovery failed', err));
  const fenOf = (amount: string): number => fenOfAmount(amount, d.settings.get().checkout.maxAmountFen);
  const reconcile = async (day: string): Promise<DayReconciliation> => {
    const result = await reconcileDay(d.aggregator, d.journal.orders.list(), day, settlementCfg);
    reconciled.set(day, result);
    return result;
  };

  return {
    login: ({ role, pin }) => session.login(role, pin),
    logout: async () => { await session.logout(); return { ok: true }; },
    verifyPin: ({ role, pin }) => session.verify(role, pin, 'verify'),
    managerSession: async () => {
      const lock = await pins.lockStatus('manager');
      const profiles = await pins.profiles();
      return {
        operator: session.current(), managerLockedForMs: lock.lockedForMs, managerTriesLeft: lock.remainingTries,
        defaultPins: ROLES.filter((r) => profiles.some((p) => p.role === r && p.mustChange)),
      };
    },
    changePin: async ({ role, name, oldPin, pin }) => {
      const auth = await session.verify(role, oldPin, 'change_pin');
      if (!auth.ok) return { ok: false, auth };
      // The old PIN names the profile: only that one changes (renamed when a new name is given).
      const set = await pins.changeOwnPin(role, auth.operator.name, name, pin);
      if (!set.ok) throw new ServiceError('REFUSED', set.message);
      await session.journal(auth.operator.name, 'change_pin', `${role}:${name}`);
      session.renamed(auth.operator, { role, name: name.trim() });
      return { ok: true, value: { message: msg('pin.changed') } };
    },
    searchOrders: (q) => {
      const { amount, ...rest } = q;
      const found = searchOrders(d.journal.orders, { ...rest, ...(amount?.trim() ? { amountFen: fenOf(amount) } : {}) });
      const day = today();
      return { orders: found.orders.map((o) => toManagerOrder(o, day)), total: found.total };
    },
    orderDetail: ({ clientSn }) => {
      const o = d.journal.orders.get(clientSn);
      return o ? toManagerOrder(o, today()) : null;
    },
    refund: async ({ clientSn, amount, pin }) => {
      const amountFen = fenOf(amount);
      const auth = await session.authorize(pin, 'refund');
      if (!auth.ok) return { ok: false, auth };
      await session.journal(auth.manager.name, 'refund', `${clientSn} ${amountFen} fen; signed in: ${session.nameOr('-')}`);
      return { ok: true, value: await refunds.refund({ clientSn, amountFen, operator: auth.manager.name }) };
    },
    retryRefund: ({ clientSn, refundRequestNo }) => refunds.retry({ clientSn, refundRequestNo, operator: session.nameOr('店长') }),
    voidOrder: async ({ clientSn, pin }) => {
      const auth = await session.authorize(pin, 'void');
      if (!auth.ok) return { ok: false, auth };
      await session.journal(auth.manager.name, 'void', `${clientSn}; signed in: ${session.nameOr('-')}`);
      return { ok: true, value: await refunds.void({ clientSn, operator: auth.manager.name }) };
    },
    totals: ({ day }) => dayTotals(d.journal.orders.list(), day ?? today()),
    xReport: async () => {
      const book = await shifts;
      const x = xReport(d.journal.orders.list(), book, now());
      return { ...x, nextZNo: book.nextZNo };
    },
    closeShift: async ({ pin, counted }) => {
      const auth = await session.authorize(pin, 'shift_close');
      if (!auth.ok) return { ok: false, auth };
      const res = await closeShift({ orders: d.journal.orders.list(), book: await shifts, operator: auth.manager.name, clock: now, append: (b) => d.journal.append(b), count: counted && cashCountOf(counted, fenOf) });
      if (!res.ok) throw new ServiceError('REFUSED', res.message);
      const printed = print({ kind: 'shift-close', doc: shiftCloseDoc(res.report, d.settings.get()) });
      return { ok: true, value: { report: res.report, printed } };
    },
    reconcile: async ({ day }) => reconcileView(await reconcile(day)),
    exportCsv: async ({ kind, day: asked }) => {
      const day = asked ?? today();
      const orders = d.journal.orders.list();
      const csv = kind === 'orders' ? ordersCsv(d.journal.orders.list({ day }))
        : kind === 'totals' ? totalsCsv(dayTotals(orders, day))
          : kind === 'settlement' ? settlementCsv(expectedSettlement(orders, day, settlementCfg))
            : reconciliationCsv(reconciled.get(day) ?? await reconcile(day));
      const dir = join(d.dataDir, 'exports');
      const fileName = `yima-${kind}-${day}.csv`;
      // Exports name orders and amounts: 0600 in a 0700 folder (issue 14 item 10).
      await mkdir(dir, { recursive: true, mode: 0o700 });
      await writeFile(join(dir, fileName), csv, { encoding: 'utf8', mode: 0o600 });
      await chmod(join(dir, fileName), 0o600); // an export of the same day already there keeps its old mode otherwise
      await session.journal(session.nameOr('未登录'), 'export_csv', fileName);
      return { csv, fileName, path: join(dir, fileName) };
    },
  };
}

/** The manager feature (PINs, refunds and voids, reports, shift close, reconciliation, CSV). */
export function setupManager(core: Core, p: { aggregator: Aggregator; devices: Pick<Devices, 'printer'>; operators: Operators; recovered: Promise<unknown>; signal?: AbortSignal }): { handlers: ManagerHandlers } {
  return {
    handlers: managerHandlers({
      dataDir: core.dataDir, journal: core.journal, settings: core.settings, aggregator: p.aggregator, get printer() { return p.devices.printer; },
      clock: core.clock, timers: core.timers, bus: core.bus, log: core.log, operators: p.operators, shifts: core.shifts, recovered: p.recovered,
      ...(p.signal ? { signal: p.signal } : {}),
    }),
  };
}
