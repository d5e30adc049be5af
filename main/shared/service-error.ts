/**
 * Thrown by services for refusals the cashier should read (BUSY, REFUSED…): a message code with
 * its parameters, worded on the screen in the cashier's language; `message` is the Chinese text
 * for logs. dispatch turns it into an error envelope.
 */
import type { PosErrorBody } from '../../preload/contract';
import type { Msg } from '../../preload/messages';
import { zhText } from './zh-text';

export class ServiceError extends Error {
  constructor(readonly code: PosErrorBody['code'], readonly msg: Msg) {
    super(zhText(msg));
    this.name = 'ServiceError';
  }
}
