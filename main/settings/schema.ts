/**
 * Settings schema (versioned). Settings are preferences and device set-up, never payments
 * (those live in the journal) and never keys (those live in secrets.ts).
 */
import { z } from 'zod';
import { cmbSettingsSchema, DEFAULT_CMB_SETTINGS } from './cmb-settings';
import { msg } from '../../preload/messages';

const BAUD_RATES = [1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200];
/**
 * A refinement's issue: technical English for the log, and the message code the screen words in
 * the engineer's language (settings-rules.ts ruleMsgOf reads it back), so no Chinese reaches an
 * English screen through a zod issue.
 */
const BAUD_ISSUE = { message: 'unsupported baud rate', params: { msg: msg('form.baudRate', { allowed: BAUD_RATES.join(' / ') }) } };
const HQ_URL_ISSUE = { message: 'expected postgres://store-role@host:port/database (no password)', params: { msg: msg('hq.urlInvalid') } };

export const SETTINGS_VERSION = 2;

export const settingsSchema = z.object({
  version: z.literal(SETTINGS_VERSION),
  shop: z.object({
    name: z.string().min(1).max(40),
    terminalName: z.string().min(1).max(40),
    receiptHeader: z.string().max(200),
    receiptFooter: z.string().max(200),
  }),
  operator: z.object({ name: z.string().min(1).max(32) }),
  aggregator: z.object({
    mode: z.enum(['sandbox', 'production']),
    /** Empty in sandbox mode: the embedded sandbox's own URL is used. */
    baseUrl: z.union([z.literal(''), z.url({ protocol: /^https?$/ })]),
    vendorSn: z.string().max(32),
    appId: z.string().max(32),
    /** WAP gateway of the unified QR in production (zh-cn/api/wap2.md); sandbox: its own /gateway. */
    gatewayUrl: z.url({ protocol: /^https?$/ }).default('https://qr.shouqianba.com/gateway'),
    /** Which platform: 收钱吧 Upay, or 招商银行 聚合收款 (polypay, main/aggregator/cmb/). */
    platform: z.enum(['upay', 'cmb']).default('upay'),
  }),
  /** 招商银行 polypay terminal set-up (issue 18). The app secret and the merchant private key live in secrets.ts. */
  cmb: cmbSettingsSchema.default(DEFAULT_CMB_SETTINGS),
  checkout: z.object({
    maxAmountFen: z.number().int().min(1).max(100_000_000),
    qrExpirySeconds: z.number().int().min(30).max(7_200),
    scanWindowSeconds: z.number().int().min(10).max(120),
    /** Mixed tender (part wallet, rest cash) where the shop allows it. */
    mixedTender: z.boolean().default(false),
    /** 'unified': one WAP-gateway QR every wallet pays; 'per-wallet': precreate per wallet, for contracts without WAP. */
    qrMode: z.enum(['unified', 'per-wallet']).default('unified'),
    /** How long a withdrawn QR is watched for a late payment (0 = not watched). */
    lateWatchSeconds: z.number().int().min(0).max(3_600).default(600),
    /** Multiplies the platform's documented poll intervals (1 = as documented); tests and demos shorten 招商银行's 15 s first wait. */
    pollTimeScale: z.number().min(0.01).max(1).default(1),
  }),
  scanner: z.object({
    path: z.string().max(200),
    baudRate: z.number().int().refine((b) => BAUD_RATES.includes(b), BAUD_ISSUE),
    dataBits: z.union([z.literal(7), z.literal(8)]),
    parity: z.enum(['none', 'even', 'odd']),
    stopBits: z.union([z.literal(1), z.literal(2)]),
    suffix: z.enum(['CR', 'LF', 'CRLF', 'none']),
    /** With suffix 'none' a frame ends after this silence. */
    interCharTimeoutMs: z.number().int().min(10).max(1_000),
    /** The same code again within this window is a double read, not a second scan. */
    dedupeMs: z.number().int().min(0).max(10_000),
    /** Keyboard-wedge (USB HID) scanners: keys closer than this are a scan, not typing. */
    wedgeMaxGapMs: z.number().int().min(5).max(200),
  }),
  printer: z.object({ spec: z.string().max(200), width: z.union([z.literal(58), z.literal(80)]) }),
  locale: z.enum(['zh-CN', 'en']),
  /** 语音播报 on each final payment and refund. */
  voice: z.object({ enabled: z.boolean(), volume: z.number().min(0).max(1) }),
  display: z.object({ highContrast: z.boolean() }),
  /** Head-office sync (main/sync/): off by default; the URL never holds the password (secrets.ts does). */
  hq: z.object({
    enabled: z.boolean(),
    url: z.string().max(300).refine((u) => u === '' || /^postgres(ql)?:\/\/[^:@/\s]+@[^\s]+$/.test(u), HQ_URL_ISSUE),
    storeId: z.string().regex(/^[A-Za-z0-9_-]{0,40}$/),
    storeName: z.string().max(40),
  }).default({ enabled: false, url: '', storeId: '', storeName: '' }),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  version: SETTINGS_VERSION,
  shop: { name: '一码小店', terminalName: '1号收银台', receiptHeader: '', receiptFooter: '谢谢惠顾，欢迎再次光临' },
  operator: { name: '收银员' },
  aggregator: { mode: 'sandbox', baseUrl: '', vendorSn: '', appId: '', gatewayUrl: 'https://qr.shouqianba.com/gateway', platform: 'upay' },
  cmb: DEFAULT_CMB_SETTINGS,
  checkout: { maxAmountFen: 5_000_000, qrExpirySeconds: 240, scanWindowSeconds: 45, mixedTender: false, qrMode: 'unified', lateWatchSeconds: 600, pollTimeScale: 1 },
  scanner: { path: '', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1, suffix: 'CR', interCharTimeoutMs: 50, dedupeMs: 1_500, wedgeMaxGapMs: 30 },
  printer: { spec: '', width: 58 },
  locale: 'zh-CN',
  voice: { enabled: true, volume: 0.8 },
  display: { highContrast: false },
  hq: { enabled: false, url: '', storeId: '', storeName: '' },
};

/** Migrations from older versions; each takes the raw object of version N and returns N+1. */
export const MIGRATIONS: Record<number, (raw: Record<string, unknown>) => Record<string, unknown>> = {
  // v2: serial framing (data bits, parity, stop bits, timeouts), the wedge key gap, voice and display, mixed tender (off).
  1: (raw) => {
    const { path = '', baudRate = 9600, suffix = 'CR' } = (raw.scanner ?? {}) as Record<string, unknown>;
    const checkout = { ...DEFAULT_SETTINGS.checkout, ...((raw.checkout ?? {}) as Record<string, unknown>) };
    return { ...raw, version: 2, checkout, scanner: { ...DEFAULT_SETTINGS.scanner, path, baudRate, suffix }, voice: DEFAULT_SETTINGS.voice, display: DEFAULT_SETTINGS.display };
  },
};

export function migrate(raw: Record<string, unknown>): Record<string, unknown> {
  let cur = raw;
  let v = typeof cur.version === 'number' ? cur.version : 0;
  if (v === 0) return { ...DEFAULT_SETTINGS, ...cur, version: SETTINGS_VERSION }; // an empty or pre-versioned file
  while (v < SETTINGS_VERSION) {
    const step = MIGRATIONS[v];
    if (!step) break;
    cur = step(cur);
    v = typeof cur.version === 'number' ? cur.version : v + 1;
  }
  return cur;
}
