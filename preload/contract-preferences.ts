/**
 * The counter's own preferences the cashier changes on screen: language, voice announcement
 * (语音播报) and the high-contrast theme. Saved in settings, pushed to every window.
 */
import { z } from 'zod';
import { empty } from './contract-shared';

export const preferencesSchema = z.object({
  locale: z.enum(['zh-CN', 'en']),
  voice: z.object({ enabled: z.boolean(), volume: z.number().min(0).max(1) }),
  highContrast: z.boolean(),
});
export type Preferences = z.infer<typeof preferencesSchema>;

export const preferencesActions = {
  getPreferences: { args: empty, result: preferencesSchema },
  /** Any subset; the rest stays as it is. */
  setPreferences: { args: preferencesSchema.partial().strict(), result: preferencesSchema },
} as const;

export const preferencesEvents = {
  preferences: preferencesSchema,
} as const;
