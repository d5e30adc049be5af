/** Schemas shared by every feature's contract table. */
import { z } from 'zod';
import { messageCodes, type MessageCode, type Msg } from './messages';

export const walletSchema = z.enum(['wechat', 'alipay', 'unionpay', 'ecny', 'bestpay', 'cash', 'other']);
export const outcomeSchema = z.enum(['PAID', 'FAILED', 'CANCELED', 'EXPIRED', 'NEEDS_ATTENTION']);
export const fen = z.number().int().safe();
export const requestId = z.string().min(8).max(64);
export const amountText = z.string().max(24);
export const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
export const clientSnSchema = z.string().min(1).max(64);
export const empty = z.object({}).strict();

export * from './messages';
/** A message as it crosses the contract: a code from messages.ts plus its parameters (see there). */
const msgParamSchema: z.ZodType<unknown> = z.lazy(() => z.union([z.string(), z.number(), msgObjectSchema, z.array(msgObjectSchema)]));
const msgObjectSchema = z.object({ code: z.enum(messageCodes as [MessageCode, ...MessageCode[]]), params: z.record(z.string(), msgParamSchema).optional() });
export const msgSchema = msgObjectSchema as unknown as z.ZodType<Msg>;
