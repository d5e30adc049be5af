/** No printer configured: jobs are accepted and discarded; status says so. */
import { printerStatus } from '../printer-status';
import type { PrinterTransport } from './transport-types';

export function createNullTransport(): PrinterTransport {
  return {
    name: 'none',
    write: async () => 'sent',
    status: async () => printerStatus('ok', 'no printer configured: receipts are discarded'),
    close: async () => undefined,
  };
}
