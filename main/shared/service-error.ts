/** Thrown by services for refusals the cashier should read (BUSY, REFUSED…); dispatch turns it into an error envelope. */
import type { PosErrorBody } from '../../preload/contract';

export class ServiceError extends Error {
  constructor(readonly code: PosErrorBody['code'], message: string) {
    super(message);
    this.name = 'ServiceError';
  }
}
