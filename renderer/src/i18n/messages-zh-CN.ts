/** Main's messages (codes in preload/messages.ts) in Chinese; main/i18n/zh-text.ts words the journal's text with it too. */
import type { MessageCode } from '../../../preload/contract';
import { messagesZhCNCommon } from './messages-zh-CN-common';
import { messagesZhCNCheckout } from './messages-zh-CN-checkout';
import { messagesZhCNDevices } from './messages-zh-CN-devices';
import { messagesZhCNManager } from './messages-zh-CN-manager';
import { messagesZhCNEngineer } from './messages-zh-CN-engineer';

/** Every code, one file per feature (messages-zh-CN-<feature>.ts); the unit test fails when a code is missing. */
export const messagesZhCN: Record<MessageCode, string> = {
  ...messagesZhCNCommon,
  ...messagesZhCNCheckout,
  ...messagesZhCNDevices,
  ...messagesZhCNManager,
  ...messagesZhCNEngineer,
};
