/** Schemas shared by every feature's contract table. */
import { z } from 'zod';

export const walletSchema = z.enum(['wechat', 'alipay', 'unionpay', 'ecny', 'bestpay', 'cash', 'other']);
export const outcomeSchema = z.enum(['PAID', 'FAILED', 'CANCELED', 'EXPIRED', 'NEEDS_ATTENTION']);
export const fen = z.number().int().safe();
export const requestId = z.string().min(8).max(64);
export const amountText = z.string().max(24);
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const clientSnSchema = z.string().min(1).max(64);
export const empty = z.object({}).strict();
