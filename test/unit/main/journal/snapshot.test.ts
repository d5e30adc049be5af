import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openJournal } from '../../../../main/journal/index';
import { SNAPSHOT_FILE, SNAPSHOT_VERSION } from '../../../../main/journal/snapshot-file';
import { tempDir } from './helpers';
import { DAY_MS, randomJournal, utcDay, type RandomJournal } from './random-journal';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir, cleanup } = await tempDir()));
afterEach(() => cleanup());

const SNAP = (): string => join(dir, SNAPSHOT_FILE);
const isSnapshotNote = (w: string): boolean => w.startsWith('journal: index snapshot');

/** Put exactly these journal files in the directory (the snapshot, if any, stays). */
async function restore(files: Map<string, Buffer>): Promise<void> {
  for (const name of await readdir(dir)) if (name.endsWith('.jsonl') && !files.has(name)) await rm(join(dir, name));
  for (const [name, buf] of files) await writeFile(join(dir, name), buf);
}

/** Everything a start produces: the index, the report, the warnings, and where appends then go. */
async function start(j: RandomJournal, opts: { snapshots: boolean; businessDay?: (ts: number) => string }) {
  await restore(j.files);
  const warnings: string[] = [];
  let now = j.lastTs;
  const businessDay = opts.businessDay ?? utcDay;
  const journal = await openJournal({ dir, clock: () => now, businessDay, warn: (m) => warnings.push(m), snapshots: opts.snapshots });
  const o = journal.orders;
  const days = [...j.days, utcDay(j.lastTs + DAY_MS)];
  const { snapshotFiles, ...report } = journal.report;
  const state = {
    orders: o.list(),
    unfinished: o.unfinished().map((x) => x.clientSn),
    totals: days.map((d) => o.totals(d)),
    perDay: days.map((d) => o.list({ day: d }).map((x) => x.clientSn)),
    bySn: o.list().filter((x) => x.sn).map((x) => o.bySn(x.sn!)?.clientSn),
    report,
    warnings: warnings.filter((w) => !isSnapshotNote(w)),
    appends: [] as unknown[],
  };
  // One append per day (clock moved back to each): same seq, same file (segment after a corrupt one).
  for (const d of days) {
    now = Date.parse(`${d}T12:00:00Z`);
    try {
      const rec = await journal.append({ type: 'ATTEMPT_CREATED', clientSn: `NEW-${d}`, method: 'scan', amountFen: 1, operator: 'x', subject: 'x', windowMs: 1 });
      state.appends.push([rec.seq, (journal as unknown as { currentFile?: string }).currentFile]);
    } catch (err) {
      state.appends.push(String(err));
    }
  }
  state.warnings = warnings.filter((w) => !isSnapshotNote(w));
  await journal.close();
  return { state, snapshotFiles, notes: warnings.filter(isSnapshotNote) };
}

async function snapshotExists(): Promise<boolean> {
  return stat(SNAP()).then(() => true, () => false);
}

async function flipByte(path: string, at: (size: number) => number): Promise<void> {
  const buf = await readFile(path);
  const i = at(buf.length);
  buf[i] = buf[i]! ^ 0x01;
  await writeFile(path, buf);
}

const SEEDS = Array.from({ length: 30 }, (_, i) => i + 1);
const journalOf = (seed: number) => randomJournal(seed, { malformed: seed % 5 === 0 });
/** Seeds whose journal has closed day files (only those get a snapshot) and those that have one file. */
const CLOSED = SEEDS.filter((s) => journalOf(s).files.size > 1);
const ONE_FILE = SEEDS.filter((s) => journalOf(s).files.size === 1);

describe('index snapshots: a start with them equals a start without', () => {
  it('seeds cover both journals with closed day files and journals of one file', () => {
    expect(CLOSED.length).toBeGreaterThan(10);
    expect(CLOSED.length + ONE_FILE.length).toBe(SEEDS.length);
  });

  it.each(ONE_FILE)('random journal %i: one day file only → nothing closed, no snapshot, the same state', async (seed) => {
    const j = journalOf(seed);
    const full = await start(j, { snapshots: false });
    const first = await start(j, { snapshots: true });
    expect(await snapshotExists()).toBe(false);
    expect(first.state).toEqual(full.state);
  });

  it.each(CLOSED.filter((s) => s % 5 === 0))('random journal %i with malformed values: a snapshot, or a note why none was written; the same state either way', async (seed) => {
    const j = journalOf(seed);
    const full = await start(j, { snapshots: false });
    const first = await start(j, { snapshots: true });
    expect(first.state).toEqual(full.state);
    const written = await snapshotExists();
    expect(written || /not written/.test(first.notes.join('\n')), first.notes.join('\n')).toBe(true);
    const second = await start(j, { snapshots: true });
    expect(second.snapshotFiles).toBe(written ? j.files.size - 1 : undefined);
    expect(second.state).toEqual(full.state);
  });

  it.each(CLOSED.filter((s) => s % 5 !== 0))('random journal %i: first start, second start, deleted / truncated / tampered snapshot', async (seed) => {
    const j = journalOf(seed);
    const full = await start(j, { snapshots: false });
    expect(await snapshotExists()).toBe(false);

    const first = await start(j, { snapshots: true });
    expect(first.state).toEqual(full.state);
    expect(first.snapshotFiles).toBeUndefined();
    expect(await snapshotExists(), first.notes.join('\n')).toBe(true);

    const second = await start(j, { snapshots: true });
    expect(second.notes).toEqual([]);
    expect(second.snapshotFiles).toBe(j.files.size - 1);
    expect(second.state).toEqual(full.state);

    const good = await readFile(SNAP());
    const damaged: [string, () => Promise<void>][] = [
      ['truncated', () => writeFile(SNAP(), good.subarray(0, Math.floor(good.length / 2)))],
      ['one byte flipped', () => flipByte(SNAP(), (n) => Math.floor(n * 0.6))],
      ['wrong version', () => writeFile(SNAP(), Buffer.from(good.toString('latin1').replace(`yima-index-snapshot ${SNAPSHOT_VERSION} `, 'yima-index-snapshot 0 '), 'latin1'))],
      ['a journal file it covers missing from its header', () => writeFile(SNAP(), good.subarray(good.indexOf(10) + 1))],
      ['empty', () => writeFile(SNAP(), '')],
    ];
    for (const [what, damage] of damaged) {
      await damage();
      const again = await start(j, { snapshots: true });
      expect(again.notes.join('\n'), what).toMatch(/not used/);
      expect(again.snapshotFiles, what).toBeUndefined();
      expect(again.state, what).toEqual(full.state);
      // It was rewritten from the full replay: the next start uses it again.
      const next = await start(j, { snapshots: true });
      expect(next.snapshotFiles, what).toBe(j.files.size - 1);
      expect(next.state, what).toEqual(full.state);
    }
    await rm(SNAP());
    const deleted = await start(j, { snapshots: true });
    expect(deleted.notes).toEqual([]);
    expect(deleted.state).toEqual(full.state);
  });

  it.each(SEEDS.filter((s) => randomJournal(s).files.size > 1))('random journal %i: a closed day file changed by one byte in the middle → full replay of the new bytes', async (seed) => {
    const j = randomJournal(seed);
    await start(j, { snapshots: true });
    expect(await snapshotExists()).toBe(true);
    const names = [...j.files.keys()];
    const victim = names[seed % (names.length - 1)]!;
    const buf = Buffer.from(j.files.get(victim)!);
    const at = Math.floor(buf.length / 2);
    buf[at] = buf[at] === 0x30 ? 0x31 : 0x30; // a digit or a letter in the middle of a line
    const changed: RandomJournal = { ...j, files: new Map(j.files).set(victim, buf) };
    const full = await start(changed, { snapshots: false });
    const withSnap = await start(changed, { snapshots: true });
    expect(withSnap.notes.join('\n')).toMatch(/changed \(sha256 differs\)/);
    expect(withSnap.snapshotFiles).toBeUndefined();
    expect(withSnap.state).toEqual(full.state);
  });

  it.each(SEEDS.slice(0, 12).filter((s) => randomJournal(s).files.size >= 3))('random journal %i: new day files after the snapshot → the snapshot is used for the files it covers', async (seed) => {
    const j = randomJournal(seed);
    const names = [...j.files.keys()];
    // An earlier start saw only the first two files (the second was then the newest).
    const earlier = new Map(names.slice(0, 2).map((n) => [n, j.files.get(n)!]));
    await start({ ...j, files: earlier }, { snapshots: true });
    expect(await snapshotExists()).toBe(true);
    const full = await start(j, { snapshots: false });
    const later = await start(j, { snapshots: true });
    expect(later.notes).toEqual([]);
    expect(later.snapshotFiles).toBe(1);
    expect(later.state).toEqual(full.state);
    const next = await start(j, { snapshots: true });
    expect(next.snapshotFiles).toBe(names.length - 1);
    expect(next.state).toEqual(full.state);
  });

  it('a large journal (orders over several snapshot chunks, real nulls among them)', async () => {
    const j = randomJournal(99, { malformed: true, days: 4, perDay: 12_000 });
    const full = await start(j, { snapshots: false });
    await start(j, { snapshots: true });
    const second = await start(j, { snapshots: true });
    expect(second.snapshotFiles).toBe(j.files.size - 1);
    expect(full.state.orders.length).toBeGreaterThan(10_000);
    // Real nulls are in the files (QR_READY with "sn": null); since the unified QR an order may have
    // no platform number, so a null one is left unset — the same way by the snapshot and by replay.
    expect([...j.files.values()].some((b) => b.includes('"sn":null'))).toBe(true);
    expect(full.state.orders.some((o) => (o as { sn?: unknown }).sn === null)).toBe(false);
    expect(second.state).toEqual(full.state);
  });

  it('a changed business-day rule (time zone) is detected: full replay with the new rule', async () => {
    const j = randomJournal(7);
    await start(j, { snapshots: true });
    expect(await snapshotExists()).toBe(true);
    const shifted = (ts: number): string => utcDay(ts + 2 * 3_600_000); // UTC+2: the orders before midnight move a day
    const full = await start(j, { snapshots: false, businessDay: shifted });
    const withSnap = await start(j, { snapshots: true, businessDay: shifted });
    expect(withSnap.notes.join('\n')).toMatch(/business day/);
    expect(withSnap.snapshotFiles).toBeUndefined();
    expect(withSnap.state).toEqual(full.state);
  });

  it('a journal with one file writes no snapshot; onReplay turns snapshots off', async () => {
    const j = randomJournal(3);
    const one = new Map([[...j.files][0]!]);
    await start({ ...j, files: one }, { snapshots: true });
    expect(await snapshotExists()).toBe(false);
    await restore(j.files);
    const seen: number[] = [];
    const journal = await openJournal({ dir, clock: () => j.lastTs, businessDay: utcDay, warn: () => undefined, onReplay: (r) => seen.push(r.seq) });
    await journal.close();
    expect(await snapshotExists()).toBe(false);
    expect(seen.length).toBeGreaterThan(0);
  });
});
