/**
 * Thrown by services for refusals the cashier should read (BUSY, REFUSED…): a message code with
 * its parameters, worded on the screen in the cashier's language; dispatch turns it into an error
 * envelope (with the Chinese text for logs). `message` is the code, for stack traces.
 */
import type { PosErrorBody } from '../../preload/contract';
import type { Msg } from '../../preload/messages';

export class ServiceError extends Error {
  constructor(readonly code: PosErrorBody['code'], readonly msg: Msg) {
    super(msg.code);
    this.name = 'ServiceError';
  }
}
