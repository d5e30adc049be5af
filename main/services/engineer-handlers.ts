/**
 * Handlers for the field engineer's contract actions. Every action but the PIN needs an open
 * engineer session (PIN checked in main through the operators' PIN port, with its lockout; idle
 * sessions close after 15 minutes). Forms are validated field by field before anything is saved;
 * saved scanner and printer settings are applied to the running devices; secrets are write-only.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createAggregator } from '../aggregator/create-aggregator';
import type { Clock } from '../shared/time';
import { exportLogsZip } from '../logs/log-export';
import { sharedLog } from '../logs/rotating-log';
import type { SecretsHandle } from '../settings/secrets';
import type { SettingsHandle } from '../settings/settings-store';
import type { Settings } from '../settings/schema';
import { exportSettings, parseSettingsImport, settingsExportName } from '../settings/settings-transfer';
import type { EngineerView, SaveResult } from '../../preload/contract';
import type { engineerActions } from '../../preload/contract-engineer';
import type { AggregatorSetup } from './aggregator-setup';
import type { Devices } from './device-setup';
import type { EventBus } from './event-bus';
import type { PinCheck } from './ports';
import type { Core } from './core';
import type { Operators } from '../manager/operators';
import { ServiceError, type Handlers } from './dispatch';
import { extraPortDirsFromEnv, monitorLine, portViews } from './engineer-devices';
import { checkSettings } from '../settings/settings-rules';
import { parseAggregatorForm, parsePrinterForm, parseScannerForm, parseShopForm, printerFormOf, type FormResult } from './engineer-forms';
import { msg, type Msg } from '../../preload/messages';
import { zhText } from '../i18n/zh-text';
import { activationFailureMsg } from '../checkout/platform-msg';
import { platformSwitchRefusal } from './platform-switch';

export interface EngineerHandlerDeps {
  dataDir: string;
  settings: SettingsHandle;
  secrets: SecretsHandle;
  aggregator: AggregatorSetup;
  devices: Devices;
  bus: EventBus;
  clock: Clock;
  warnings: Msg[];
  /** Checks the engineer's or the manager's PIN (the operators' PIN port, lockout included). */
  checkPin: PinCheck;
  /** Journals who opened the settings (an OPERATOR_ACTION record). */
  journal?: (operator: string, action: string, detail: string) => Promise<unknown>;
  /** Start flags that win over the settings until restart. */
  overrides?: { scanner?: { path: string }; printer?: string };
  extraPortDirs?: string[];
  idleMs?: number;
  /** Subscribes to unmasked scanner frames (issue 14 item 4); without it the monitor sees the masked bus frames. */
  rawFrames?: (fn: (f: Parameters<typeof monitorLine>[0]) => void) => void;
  /** The platform-switch rule (platform-switch.ts): why the settings may not move to `target` now, or null. */
  platformSwitch?: (target: string) => Msg | null;
}

export type EngineerHandlers = Pick<Handlers, keyof typeof engineerActions>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function engineerHandlers(d: EngineerHandlerDeps): EngineerHandlers {
  const idleMs = d.idleMs ?? 15 * 60_000;
  const logDir = join(d.dataDir, 'logs');
  const log = sharedLog(logDir);
  const exportsDir = join(d.dataDir, 'exports');
  const atStart: Settings = structuredClone(d.settings.get());
  let openUntil = 0;
  let terminalMessage: Msg | undefined;

  // Raw frames (when the composition root offers them) feed the monitor only while the engineer session is open.
  const onFrame = (f: Parameters<typeof monitorLine>[0]) => { if (d.clock.now() < openUntil) d.bus.emit('scannerMonitor', monitorLine(f)); };
  if (d.rawFrames) d.rawFrames(onFrame);
  else d.bus.subscribe((event, payload) => { if (event === 'scannerFrame') onFrame(payload as Parameters<typeof monitorLine>[0]); });

  const serialDirs = () => d.extraPortDirs ?? extraPortDirsFromEnv();
  const guard = () => {
    const now = d.clock.now();
    if (now >= openUntil) throw new ServiceError('REFUSED', msg('eng.pinFirst'));
    openUntil = now + idleMs;
  };

  function restartNeeded(s: Settings): Msg[] {
    const out: Msg[] = [];
    if (!same(s.aggregator, atStart.aggregator)) out.push(msg('eng.restartAggregator'));
    if (s.printer.width !== atStart.printer.width || (!d.devices.printer && s.printer.spec !== atStart.printer.spec)) out.push(msg('eng.restartPrinter'));
    if (d.overrides?.scanner) out.push(msg('eng.scannerArgWins', { path: d.overrides.scanner.path }));
    if (d.overrides?.printer) out.push(msg('eng.printerArgWins', { spec: d.overrides.printer }));
    return out;
  }

  function view(): EngineerView {
    const s = d.settings.get();
    const status = d.aggregator.status();
    const activated = d.secrets.isSet();
    return {
      shop: { name: s.shop.name, terminalName: s.shop.terminalName },
      scanner: { ...s.scanner },
      ...(d.overrides?.scanner ? { scannerOverride: d.overrides.scanner.path } : {}),
      printer: { ...printerFormOf(s.printer.spec), width: s.printer.width },
      ...(d.overrides?.printer ? { printerOverride: d.overrides.printer } : {}),
      aggregator: { ...s.aggregator, vendorKeySet: d.secrets.vendorKey() !== null, qrMode: s.checkout.qrMode },
      terminal: { activated, ...(d.secrets.get()?.terminalSn ? { terminalSn: d.secrets.get()!.terminalSn } : {}), ...(terminalMessage ?? (activated ? undefined : status.message) ? { message: terminalMessage ?? status.message } : {}) },
      running: { mode: d.aggregator.mode, baseUrl: d.aggregator.baseUrl },
      restartNeeded: restartNeeded(s),
      secretsInClear: d.secrets.storedInClear,
      settingsPath: d.settings.path,
      logDir,
      warnings: [...d.warnings],
    };
  }

  /** Saves when the form validated and the whole settings object does; otherwise nothing changes. */
  function save<T>(form: FormResult<T>, patch: (cur: Settings, v: T) => Settings, after: (v: T) => Msg): SaveResult {
    if (!form.ok) return { ok: false, message: msg('eng.fieldsInvalid'), errors: form.errors };
    // One validation for forms and import (issue 14 item 6): the whole result must pass the rules.
    const problems = checkSettings(patch(structuredClone(d.settings.get()), form.value), { serialDirs: serialDirs() });
    if (problems.length) {
      // The problems one after another, as "a；b" (list.semicolon nests them).
      const list = problems.map((p) => p.msg).reduceRight((rest, m) => msg('list.semicolon', { firstMsg: m, restMsg: rest }));
      return { ok: false, message: msg('eng.fieldsInvalidWith', { problemsMsg: list }), errors: Object.fromEntries(problems.map((p) => [p.path === 'printer.spec' ? 'address' : p.path.split('.').pop()!, p.msg])) };
    }
    const saved = d.settings.update((cur) => patch(cur, form.value));
    if (!saved.ok) return { ok: false, message: saved.message, errors: {} };
    const message = after(form.value);
    log.write('info', `engineer: ${zhText(message)}`);
    return { ok: true, message, view: view() };
  }

  async function activationDriver() {
    const s = d.settings.get().aggregator;
    const sandbox = s.mode === 'sandbox';
    if (sandbox && d.aggregator.mode !== 'sandbox' && !s.baseUrl) throw new ServiceError('REFUSED', msg('eng.restartSandbox'));
    const baseUrl = s.baseUrl || (s.mode === d.aggregator.mode ? d.aggregator.baseUrl : '');
    if (!baseUrl) throw new ServiceError('REFUSED', msg('eng.baseUrlFirst'));
    const vendorKey = d.secrets.vendorKey();
    if (!sandbox && (!s.vendorSn || !vendorKey)) throw new ServiceError('REFUSED', msg('eng.vendorFirst'));
    return createAggregator(s, { baseUrl, gatewayUrl: d.aggregator.gatewayUrl, credentials: d.secrets, vendorKey: () => vendorKey, deviceId: deviceId(d.dataDir) });
  }

  return {
    engineerUnlock: async ({ pin, role = 'engineer' }) => {
      const res = await d.checkPin(role, pin, 'settings_unlock').catch((err: unknown) => {
        if (err instanceof ServiceError) return { ok: false as const, message: err.msg }; // e.g. PIN_FILE_DAMAGED
        throw err;
      });
      if (!res.ok) return { ok: false, message: res.message };
      openUntil = d.clock.now() + idleMs;
      const who = res.operator.name;
      log.write('info', `engineer: session opened by ${role} ${who}`);
      await d.journal?.(who, 'settings_unlock', role);
      return { ok: true, message: role === 'manager' ? msg('eng.unlockedManager', { name: who }) : msg('eng.unlocked') };
    },
    engineerLock: () => {
      openUntil = 0;
      return { ok: true };
    },
    engineerView: () => { guard(); return view(); },
    listSerialPorts: async () => {
      guard();
      const ports = await portViews({ extraDirs: d.extraPortDirs ?? extraPortDirsFromEnv(), configured: d.settings.get().scanner.path, log: log.log });
      return { ports };
    },
    saveScanner: (form) => {
      guard();
      return save(parseScannerForm(form), (cur, scanner) => ({ ...cur, scanner }), () => d.devices.applyScanner());
    },
    savePrinter: (form) => {
      guard();
      return save(parsePrinterForm(form), (cur, printer) => ({ ...cur, printer }), (p) => {
        if (!d.devices.applyPrinter()) return msg('eng.printerSavedArgWins');
        return p.spec ? msg('eng.printerSwitched', { spec: p.spec }) : msg('eng.printerNone');
      });
    },
    saveAggregator: (form) => {
      guard();
      const parsed = parseAggregatorForm(form, d.secrets.vendorKey() !== null);
      // The QR mode applies to the next 收款 at once (no restart).
      return save(parsed, (cur, v) => ({ ...cur, aggregator: { ...cur.aggregator, ...v.aggregator }, checkout: { ...cur.checkout, qrMode: v.qrMode ?? cur.checkout.qrMode } }), (v) => {
        if (v.vendorKey) d.secrets.setVendorKey(v.vendorKey);
        return msg(same({ ...atStart.aggregator, ...v.aggregator }, atStart.aggregator) ? 'eng.aggregatorSaved' : 'eng.aggregatorSavedRestart');
      });
    },
    saveShop: (form) => {
      guard();
      return save(parseShopForm(form), (cur, shop) => ({ ...cur, shop: { ...cur.shop, ...shop } }), () => msg('eng.shopSaved'));
    },
    activateTerminal: async ({ code }) => {
      guard();
      const c = code.trim();
      if (!/^[0-9A-Za-z]{4,32}$/.test(c)) return { ok: false, message: msg('eng.activationCodeFormat') };
      const res = await (await activationDriver()).activate({ code: c, deviceId: deviceId(d.dataDir), name: d.settings.get().shop.terminalName });
      terminalMessage = res.ok ? undefined : msg(res.definite ? 'eng.activationFailed' : 'eng.activationUnknown', { reasonMsg: activationFailureMsg(res) });
      log.write(res.ok ? 'info' : 'warn', res.ok ? `engineer: terminal activated ${res.terminalSn}` : `engineer: activation refused ${res.errorCode} ${res.message}`);
      return res.ok ? { ok: true, message: msg('eng.activated', { terminalSn: res.terminalSn }), terminalSn: res.terminalSn } : { ok: false, message: terminalMessage! };
    },
    checkinNow: async () => {
      guard();
      if (!d.secrets.isSet()) return { ok: false, message: msg('eng.notActivated') };
      const res = await d.aggregator.aggregator.checkin();
      terminalMessage = res.ok ? undefined : msg('aggregator.checkinFailed', { reasonMsg: activationFailureMsg(res) });
      log.write(res.ok ? 'info' : 'warn', res.ok ? 'engineer: check-in done' : `engineer: check-in failed ${res.message}`);
      return res.ok ? { ok: true, message: msg('eng.checkinOk', { terminalSn: res.terminalSn }), terminalSn: res.terminalSn } : { ok: false, message: terminalMessage! };
    },
    exportSettings: () => {
      guard();
      const now = d.clock.now();
      const json = exportSettings(d.settings.get(), now);
      const fileName = settingsExportName(now);
      mkdirSync(exportsDir, { recursive: true, mode: 0o700 });
      const path = join(exportsDir, fileName);
      writeFileSync(path, json, { mode: 0o600 });
      return { fileName, path, json };
    },
    importSettings: ({ json }) => {
      guard();
      const parsed = parseSettingsImport(json, { serialDirs: serialDirs() });
      if (!parsed.ok) return { ok: false, message: parsed.message, errors: {} };
      // The same rule as the platform form: no platform switch while payments or refunds are unfinished.
      const refusal = d.platformSwitch?.(parsed.settings.aggregator.platform ?? 'upay') ?? null;
      if (refusal) return { ok: false, message: refusal, errors: { platform: refusal } };
      return save({ ok: true, value: parsed.settings }, (_cur, next) => next, () => {
        const scanner = d.devices.applyScanner();
        return msg('eng.imported', { scannerMsg: scanner });
      });
    },
    exportLogs: async () => {
      guard();
      const now = d.clock.now();
      const status = { at: new Date(now).toISOString(), devices: d.devices.status(), aggregator: { mode: d.aggregator.mode, baseUrl: d.aggregator.baseUrl, ...d.aggregator.status() }, warnings: d.warnings };
      const out = await exportLogsZip({ logFiles: log.files(), extra: { 'settings.json': exportSettings(d.settings.get(), now), 'status.json': JSON.stringify(status, null, 2) }, outDir: exportsDir, now });
      log.write('info', `engineer: logs exported to ${out.path}`);
      return { fileName: out.fileName, path: out.path, bytes: out.bytes, base64: readFileSync(out.path).toString('base64') };
    },
  };
}

function deviceId(dir: string): string {
  const file = join(dir, 'device-id');
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'yima-unknown-device';
}

/** The engineer feature: devices, aggregator activation and mode, shop names, settings transfer, logs. */
export function setupEngineer(core: Core, p: { aggregator: AggregatorSetup; devices: Devices; checkPin: PinCheck; operators: Pick<Operators, 'session'>; overrides?: EngineerHandlerDeps['overrides'] }): { handlers: EngineerHandlers } {
  return {
    handlers: engineerHandlers({
      dataDir: core.dataDir, settings: core.settings, secrets: core.secrets, aggregator: p.aggregator, devices: p.devices, bus: core.bus, clock: core.clock, warnings: core.warnings,
      checkPin: p.checkPin, journal: (who, action, detail) => p.operators.session.journal(who, action, detail), overrides: p.overrides, rawFrames: p.devices.onRawFrame,
      platformSwitch: (target) => platformSwitchRefusal(core.journal.orders, core.clock.now(), p.aggregator.platform ?? 'upay', target),
    }),
  };
}
