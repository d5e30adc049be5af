/**
 * The counter's core ports, opened once and handed to every feature's setup: the data directory,
 * clock and timers, the log, settings, secrets, the journal (with the shift book folded from it),
 * the event bus and the start warnings. Every side effect comes in through the options.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { openJournal, type Journal } from '../journal';
import { sharedLog } from '../logs/rotating-log';
import { loadShiftBook } from '../manager/shift-loader';
import type { ShiftBook } from '../reports/shift';
import { openSecrets, type SecretsHandle } from '../settings/secrets';
import { openSettings, type SettingsHandle } from '../settings/settings-store';
import { systemClock, systemTimers, type Clock, type Timers } from '../shared/time';
import type { Notice } from '../../preload/contract';
import { defaultContractCheck, type ContractCheck } from './contract-check';
import { EventBus } from './event-bus';
import type { ServicesOptions } from './services-options';
import { msg, type Msg } from '../../preload/messages';

export type Log = (msg: string, err?: unknown) => void;

export interface Core {
  dataDir: string;
  clock: Clock;
  timers: Timers;
  log: Log;
  settings: SettingsHandle;
  secrets: SecretsHandle;
  journal: Journal;
  /** The one shift book (float, payouts, Z numbers) for the cash and the manager: the journal is read once. */
  shifts: Promise<ShiftBook>;
  bus: EventBus;
  contractCheck: ContractCheck;
  /** Shown on the start screen (damaged files, a read-only data directory…); features may add theirs. */
  warnings: Msg[];
  /** A toast on every window. */
  notice(level: Notice['level'], message: Msg): void;
}

export async function openCore(opts: ServicesOptions): Promise<Core> {
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? sharedLog(join(opts.dataDir, 'logs')).log;
  mkdirSync(opts.dataDir, { recursive: true });
  const settings = openSettings(opts.dataDir, opts.confFactory, () => clock.now());
  const secrets = openSecrets(opts.dataDir, opts.cipher, () => clock.now());
  const warnings: Msg[] = [...settings.warnings, ...(secrets.warning ? [secrets.warning] : []), ...(secrets.damaged() ? [secrets.damaged()!] : [])];
  const journal = await openJournal({ dir: join(opts.dataDir, 'journal'), clock: () => clock.now(), warn: (m) => { warnings.push(msg('warn.technical', { detail: m })); log(m); } });
  for (const c of journal.report.corrupt) warnings.push(msg('warn.journalCorrupt', { line: String(c.line), file: c.file, detail: c.reason }));
  if (journal.report.notWritable) warnings.push(msg('warn.dataNotWritable', { detail: journal.report.notWritable }));
  const shifts = loadShiftBook(join(opts.dataDir, 'journal'), (l) => journal.onRecord(l), (m) => log(m));
  const contractCheck = opts.contractCheck ?? defaultContractCheck();
  const bus = new EventBus(contractCheck, log);
  return {
    dataDir: opts.dataDir, clock, timers: opts.timers ?? systemTimers, log, settings, secrets, journal, shifts, bus, contractCheck, warnings,
    notice: (level, message) => bus.emit('notice', { level, message, at: clock.now() }),
  };
}
