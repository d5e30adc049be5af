/** Main's messages (codes in preload/messages.ts) in English: every code, no Chinese character. */
import type { MessageCode } from '../../../preload/contract';
import { messagesEnCommon } from './messages-en-common';
import { messagesEnCheckout } from './messages-en-checkout';
import { messagesEnDevices } from './messages-en-devices';
import { messagesEnManager } from './messages-en-manager';
import { messagesEnEngineer } from './messages-en-engineer';

/** Every code, one file per feature (messages-en-<feature>.ts); the unit test fails when a code is missing. */
export const messagesEn: Record<MessageCode, string> = {
  ...messagesEnCommon,
  ...messagesEnCheckout,
  ...messagesEnDevices,
  ...messagesEnManager,
  ...messagesEnEngineer,
};
