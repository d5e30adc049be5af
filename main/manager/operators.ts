/**
 * The counter's operators: the PIN book (pins.json in the data directory) and the one signed-in
 * operator, shared by the checkout (payments and receipts carry the signed-in name) and the
 * manager's actions. Built once by the composition root.
 */
import { join } from 'node:path';
import type { JournalRecordBody } from '../journal/records';
import { createPinBook, type Operator, type PinBook, type PinState } from '../settings/pins';
import { readJson, writeJsonAtomic } from './json-file';
import { OperatorSession } from './operator-session';

export interface Operators {
  pins: PinBook;
  session: OperatorSession;
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
  const file = join(o.dataDir, 'pins.json');
  const pins = createPinBook({ load: () => readJson<PinState>(file, o.log), save: (s) => writeJsonAtomic(file, s), clock: o.clock, cost: o.pinCost });
  const session = new OperatorSession({ pins, append: o.append, onChange: o.onChange });
  return { pins, session };
}
