/**
 * A counter's sync as its own process, for the kill -9 test: pushes the journal in DIR to head
 * office as the store role and prints every acknowledged sequence ("acked N"), then "synced".
 *   tsx sync-child.ts DIR STORE_ID TERMINAL_ID URL
 */
import { join } from 'node:path';
import { systemTimers } from '../../../main/shared/time';
import { nodeJournalFs } from '../../../main/journal';
import { JournalTail } from '../../../main/sync/journal-tail';
import { makeConnector, parseHqUrl } from '../../../main/sync/pg-connect';
import { SyncWorker } from '../../../main/sync/sync-worker';

const [dir, storeId, terminalId, url] = process.argv.slice(2) as [string, string, string, string];
const parsed = parseHqUrl(url);
if (!parsed.ok) throw new Error(parsed.message.code);
const worker = new SyncWorker({
  id: { storeId, terminalId, terminalName: terminalId },
  tail: new JournalTail(nodeJournalFs, join(dir, 'journal'), (m) => console.error(m)),
  connector: makeConnector(parsed.target, () => parsed.password ?? null),
  clock: () => Date.now(), timers: systemTimers, log: (m) => console.error(m),
  batchSize: 50, heartbeatMs: 60_000,
  onAck: (seq) => console.log(`acked ${seq}`),
  onStatus: (s) => { if (s.state === 'synced') console.log('synced'); },
});
await worker.start();
