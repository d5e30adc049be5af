/**
 * Two engineer forms (issues 18 and 16): the payment platform of this terminal (收钱吧 or
 * 招商银行 聚合收款 with its merchant number, cashier id, APP ID/secret and SM2 keys) and the
 * head-office connection (sync on/off, PostgreSQL URL, store id and name). Each has a save and a
 * "test connection". Secrets (APP secret, private key, database password) are write-only: the
 * screen learns only whether one is set. Every message is a code (preload/messages.ts).
 */
import { z } from 'zod';
import { empty, msgSchema } from './contract-shared';
import { syncStatusSchema } from './contract-sync';

const text = (max: number) => z.string().max(max);

export const platformFormSchema = z.object({
  platform: text(8),
  baseUrl: text(300), merId: text(64), userId: text(64), appId: text(100),
  /** Empty keeps the stored secret / key. */
  appSecret: text(200), privateKey: text(200),
  /** Our public key as registered at the bank: optional, checked to pair with the private key. */
  publicKey: text(300),
  bankPublic: text(300), notifyUrl: text(300), termId: text(16), deviceType: text(4), deviceId: text(16),
  serialNum: text(100), location: text(100),
}).strict();
export type PlatformForm = z.infer<typeof platformFormSchema>;

export const platformViewSchema = z.object({
  platform: z.enum(['upay', 'cmb']),
  /** What this running app uses (a switch applies at the next start). */
  runningPlatform: z.enum(['upay', 'cmb']),
  cmb: z.object({
    baseUrl: z.string(), merId: z.string(), userId: z.string(), appId: z.string(), bankPublic: z.string(), notifyUrl: z.string(),
    termId: z.string(), deviceType: z.string(), deviceId: z.string(), serialNum: z.string(), location: z.string(),
  }),
  appSecretSet: z.boolean(),
  privateKeySet: z.boolean(),
  /** Derived from the stored private key (public: the engineer registers it at the bank). */
  ourPublicKey: z.string(),
  restartNeeded: z.boolean(),
});
export type PlatformView = z.infer<typeof platformViewSchema>;

export const hqFormSchema = z.object({
  enabled: z.boolean(),
  url: text(400),
  /** Empty keeps the stored password. */
  password: text(200),
  storeId: text(64),
  storeName: text(100),
}).strict();
export type HqForm = z.infer<typeof hqFormSchema>;

export const hqViewSchema = z.object({
  enabled: z.boolean(), url: z.string(), passwordSet: z.boolean(), storeId: z.string(), storeName: z.string(),
  /** This counter's id at head office (the device id). */
  terminalId: z.string(),
  status: syncStatusSchema,
});
export type HqView = z.infer<typeof hqViewSchema>;

const saved = <V extends z.ZodTypeAny>(view: V) => z.union([
  z.object({ ok: z.literal(true), message: msgSchema, view }),
  z.object({ ok: z.literal(false), message: msgSchema, errors: z.record(z.string(), msgSchema) }),
]);

export const probeResultSchema = z.object({
  ok: z.boolean(),
  message: msgSchema,
  /** Round trip of the test, when it got an answer. */
  ms: z.number().optional(),
  errors: z.record(z.string(), msgSchema).optional(),
});
export type ProbeResultView = z.infer<typeof probeResultSchema>;

export const setupActions = {
  /** Each needs the engineer (or manager) session opened with the PIN, as every engineer form. */
  platformView: { args: empty, result: platformViewSchema },
  /** Refused while payments or refunds are unfinished when it switches platform (they would be lost to recovery). */
  savePlatform: { args: platformFormSchema, result: saved(platformViewSchema) },
  /** A signed query to the endpoint in the form (stored secrets where the form leaves them empty). */
  testPlatform: { args: platformFormSchema, result: probeResultSchema },
  hqView: { args: empty, result: hqViewSchema },
  /** Saves and restarts the sync worker with the new settings. */
  saveHq: { args: hqFormSchema, result: saved(hqViewSchema) },
  /** Connects to PostgreSQL as the store role in the form. */
  testHq: { args: hqFormSchema, result: probeResultSchema },
} as const;
