/**
 * The counter's operators: the PIN book (pins.json in the data directory) and the one signed-in
 * operator, shared by the checkout (payments and receipts carry the signed-in name) and the
 * manager's actions. Built once by the composition root.
 */
import type { JournalRecordBody } from '../journal/records';
import { createPinBook, type Operator, type PinBook, type PinState } from '../settings/pins';
import { pinFileDamagedMessage, readPinFile, writePinFile } from '../settings/pin-file';
import { ServiceError } from '../shared/service-error';
import { OperatorSession } from './operator-session';
import type { Msg } from '../../preload/messages';

export interface Operators {
  pins: PinBook;
  session: OperatorSession;
  /** The damaged-PIN-file message when pins.json is damaged or was deleted (fail closed), else null. */
  pinFileProblem(): Msg | null;
}

export interface OperatorsOptions {
  dataDir: string;
  append: (body: JournalRecordBody) => Promise<unknown>;
  clock: () => number;
  log: (msg: string, err?: unknown) => void;
  onChange?: (operator: Operator | null) => void;
  /** Scrypt cost for PIN hashes (tests lower it); default 16384. */
  pinCost?: number;
}

export function openOperators(o: OperatorsOptions): Operators {
  // A damaged or deleted PIN file refuses every PIN action (typed PIN_FILE_DAMAGED), never factory PINs.
  const load = (): PinState | null => {
    const r = readPinFile(o.dataDir);
    if (r.kind === 'damaged') throw new ServiceError('PIN_FILE_DAMAGED', pinFileDamagedMessage(o.dataDir, r.reason));
    return r.kind === 'ok' ? r.state : null;
  };
  const pins = createPinBook({ load, save: (s) => writePinFile(o.dataDir, s), clock: o.clock, cost: o.pinCost });
  const session = new OperatorSession({ pins, append: o.append, onChange: o.onChange });
  const pinFileProblem = () => {
    const r = readPinFile(o.dataDir);
    return r.kind === 'damaged' ? pinFileDamagedMessage(o.dataDir, r.reason) : null;
  };
  return { pins, session, pinFileProblem };
}
