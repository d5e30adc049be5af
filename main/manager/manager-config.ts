/**
 * Manager settings that are not the cashier's: fee rates per wallet and the settlement delay
 * (T+N), from `<dataDir>/manager.json` when present; defaults: 0.38 % for every wallet, T+1.
 */
import { z } from 'zod';
import type { SettlementConfig } from '../reports/settlement';

const schema = z.object({
  defaultFeeBp: z.number().int().min(0).max(1000).default(38),
  feeBp: z.partialRecord(z.enum(['wechat', 'alipay', 'unionpay', 'ecny', 'bestpay', 'cash', 'other']), z.number().int().min(0).max(1000)).optional(),
  settleDays: z.number().int().min(0).max(30).default(1),
});

export const DEFAULT_SETTLEMENT: SettlementConfig = { defaultFeeBp: 38, settleDays: 1 };

export function parseManagerConfig(raw: unknown, warn: (msg: string) => void): SettlementConfig {
  if (raw === null || raw === undefined) return DEFAULT_SETTLEMENT;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    warn(`manager.json 无效（${parsed.error.issues[0]?.message ?? ''}），使用默认费率 0.38%、T+1`);
    return DEFAULT_SETTLEMENT;
  }
  const cfg: SettlementConfig = { defaultFeeBp: parsed.data.defaultFeeBp, settleDays: parsed.data.settleDays };
  if (parsed.data.feeBp) cfg.feeBp = parsed.data.feeBp;
  return cfg;
}
