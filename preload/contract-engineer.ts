/**
 * Field engineer's actions and events: engineer PIN, serial ports and scanner framing with a live
 * monitor, printer transport and width, aggregator mode / URL / vendor and terminal activation,
 * shop and terminal names, settings export/import (never secrets) and log export. Every form
 * arrives as typed text; main validates each field and answers field → message; nothing is saved
 * unless the whole form validates. Secrets are write-only: the screen only learns set / not set.
 */
import { z } from 'zod';
import { empty, msgSchema, walletSchema } from './contract-shared';

const text = (max: number) => z.string().max(max);

/** Who may open the settings screen. */
export const unlockRoleSchema = z.enum(['engineer', 'manager']);
export type UnlockRole = z.infer<typeof unlockRoleSchema>;

export const engineerViewSchema = z.object({
  shop: z.object({ name: z.string(), terminalName: z.string() }),
  scanner: z.object({
    path: z.string(), baudRate: z.number().int(), dataBits: z.number().int(), parity: z.enum(['none', 'even', 'odd']),
    stopBits: z.number().int(), suffix: z.enum(['CR', 'LF', 'CRLF', 'none']), interCharTimeoutMs: z.number().int(),
    dedupeMs: z.number().int(), wedgeMaxGapMs: z.number().int(),
  }),
  /** The port given with --scanner at start, which wins over the settings until restart. */
  scannerOverride: z.string().optional(),
  printer: z.object({ transport: z.enum(['none', 'file', 'tcp', 'serial', 'os']), address: z.string(), width: z.number().int() }),
  printerOverride: z.string().optional(),
  aggregator: z.object({ mode: z.enum(['sandbox', 'production']), baseUrl: z.string(), vendorSn: z.string(), appId: z.string(), vendorKeySet: z.boolean(), qrMode: z.enum(['unified', 'per-wallet']).optional() }),
  terminal: z.object({ activated: z.boolean(), terminalSn: z.string().optional(), message: msgSchema.optional() }),
  /** What the running app talks to now (a changed mode or URL needs a restart). */
  running: z.object({ mode: z.enum(['sandbox', 'production']), baseUrl: z.string() }),
  /** Saved changes that take effect only after a restart, in words. */
  restartNeeded: z.array(msgSchema),
  /** Keys are kept in the clear (no OS keychain): said plainly on the screen. */
  secretsInClear: z.boolean(),
  settingsPath: z.string(),
  logDir: z.string(),
  warnings: z.array(msgSchema),
});
export type EngineerView = z.infer<typeof engineerViewSchema>;

/** A save: either applied (with the new view and what happened) or refused field by field. */
export const saveResultSchema = z.union([
  z.object({ ok: z.literal(true), message: msgSchema, view: engineerViewSchema }),
  z.object({ ok: z.literal(false), message: msgSchema, errors: z.record(z.string(), msgSchema) }),
]);
export type SaveResult = z.infer<typeof saveResultSchema>;

export const serialPortSchema = z.object({ path: z.string(), label: z.string(), note: msgSchema.optional(), source: z.enum(['serialport', 'fallback', 'configured']) });
export type SerialPortView = z.infer<typeof serialPortSchema>;

export const scannerFormSchema = z.object({
  path: text(200), baudRate: text(10), dataBits: text(4), parity: text(8), stopBits: text(4), suffix: text(8),
  interCharTimeoutMs: text(10), dedupeMs: text(10), wedgeMaxGapMs: text(10),
}).strict();
export type ScannerForm = z.infer<typeof scannerFormSchema>;

export const printerFormSchema = z.object({ transport: text(10), address: text(200), width: text(4) }).strict();
export type PrinterForm = z.infer<typeof printerFormSchema>;

/** vendorKey: empty keeps the stored key; it is never sent back. */
/** qrMode: 'unified' | 'per-wallet' (settings checkout.qrMode); absent = unchanged. */
export const aggregatorFormSchema = z.object({ mode: text(12), baseUrl: text(300), vendorSn: text(64), appId: text(64), vendorKey: text(128), qrMode: text(12).optional() }).strict();
export type AggregatorForm = z.infer<typeof aggregatorFormSchema>;

export const shopFormSchema = z.object({ name: text(100), terminalName: text(100) }).strict();
export type ShopForm = z.infer<typeof shopFormSchema>;

const terminalResult = z.object({ ok: z.boolean(), message: msgSchema, terminalSn: z.string().optional() });

export const engineerActions = {
  /**
   * Engineer PIN, or the manager PIN with `role: 'manager'` (settings need the manager PIN too);
   * checked in main with that role's lockout; opens the settings session, journaled with who.
   */
  engineerUnlock: { args: z.object({ pin: z.string().min(1).max(16), role: unlockRoleSchema.optional() }).strict(), result: z.object({ ok: z.boolean(), message: msgSchema }) },
  engineerLock: { args: empty, result: z.object({ ok: z.literal(true) }) },
  engineerView: { args: empty, result: engineerViewSchema },
  /** Serial ports now present (never fails; /dev is scanned where udev is missing). */
  listSerialPorts: { args: empty, result: z.object({ ports: z.array(serialPortSchema) }) },
  saveScanner: { args: scannerFormSchema, result: saveResultSchema },
  savePrinter: { args: printerFormSchema, result: saveResultSchema },
  saveAggregator: { args: aggregatorFormSchema, result: saveResultSchema },
  saveShop: { args: shopFormSchema, result: saveResultSchema },
  /** Activation code → terminal sn/key (stored in main); a refused code gives the aggregator's message. */
  activateTerminal: { args: z.object({ code: z.string().max(64) }).strict(), result: terminalResult },
  checkinNow: { args: empty, result: terminalResult },
  /** The settings as a JSON file (never a key), also saved under exports/. */
  exportSettings: { args: empty, result: z.object({ fileName: z.string(), path: z.string(), json: z.string() }) },
  importSettings: { args: z.object({ json: z.string().max(60_000) }).strict(), result: saveResultSchema },
  /** The log files (masked) as a zip under exports/; base64 so the browser can save it too. */
  exportLogs: { args: empty, result: z.object({ fileName: z.string(), path: z.string(), bytes: z.number().int(), base64: z.string() }) },
} as const;

export const engineerEvents = {
  /** Each scanner frame while the engineer screen is open: hex, text and the wallet it looks like. */
  scannerMonitor: z.object({
    status: z.enum(['ok', 'duplicate', 'noise', 'overflow']), text: z.string(), hex: z.string(), at: z.number(),
    wallet: walletSchema.optional(), verdict: msgSchema,
  }),
} as const;
