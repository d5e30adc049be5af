import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { createScannerReader, type OpenPort, type PortSettings, type ScannerReaderOptions } from '../../../../../main/devices/scanner/scanner-reader';
import { FakeTimers } from './fake-timers';

class FakePort extends EventEmitter implements OpenPort {
  closed = false;
  close(cb?: (err?: Error | null) => void): void { this.closed = true; cb?.(null); }
}

const flush = () => new Promise((r) => setImmediate(r));

function setup(extra: Partial<ScannerReaderOptions> = {}) {
  const clock = new FakeTimers();
  const state = { present: true, failOpen: undefined as Error | undefined };
  const ports: FakePort[] = [];
  const opened: PortSettings[] = [];
  const log: string[] = [];
  const reader = createScannerReader({
    path: '/dev/ttyUSB0', timers: clock, exists: () => state.present,
    openPort: async (s) => {
      opened.push(s);
      if (state.failOpen) throw state.failOpen;
      const p = new FakePort();
      ports.push(p);
      return p;
    },
    ...extra,
  });
  reader.on('code', (c) => log.push(`code:${c.text}`));
  reader.on('connected', () => log.push('connected'));
  reader.on('disconnected', (d) => log.push(`disconnected:${d.reason}`));
  reader.on('error', (e) => log.push(`error:${e.message}`));
  const last = () => ports[ports.length - 1] as FakePort;
  return { clock, state, ports, opened, log, reader, last };
}

describe('scanner reader', () => {
  it('opens with defaults and emits codes and frames', async () => {
    const t = setup();
    const frames: string[] = [];
    t.reader.on('frame', (f) => frames.push(`${f.status}:${f.hex}`));
    t.reader.start();
    await flush();
    expect(t.opened).toEqual([{ path: '/dev/ttyUSB0', baudRate: 9600, dataBits: 8, parity: 'none', stopBits: 1 }]);
    t.last().emit('data', Buffer.from('1345678901'));
    t.last().emit('data', Buffer.from([...Buffer.from('23456789\r'), 0xff, 0xfe, 0x0d]));
    expect(t.log).toEqual(['connected', 'code:134567890123456789']);
    expect(frames).toEqual(['ok:313334353637383930313233343536373839', 'noise:fffe']);
    expect(t.reader.status()).toMatchObject({ state: 'connected', codes: 1, frames: 2 });
    t.reader.stop();
  });

  it.each([
    ['close event', (p: FakePort) => p.emit('close', Object.assign(new Error('Disconnected'), { disconnected: true }))],
    ['read error tagged disconnect', (p: FakePort) => p.emit('error', Object.assign(new Error('EBADF'), { disconnect: true }))],
  ])('reconnects after a %s with backoff', async (_name, kill) => {
    const t = setup();
    t.reader.start();
    await flush();
    kill(t.last());
    expect(t.last().closed).toBe(true);
    expect(t.reader.status().state).toBe('waiting');
    t.clock.advance(199);
    await flush();
    expect(t.ports).toHaveLength(1);
    t.clock.advance(1);
    await flush();
    expect(t.ports).toHaveLength(2);
    expect(t.log.filter((l) => !l.startsWith('error'))).toEqual(['connected', expect.stringMatching(/^disconnected:/), 'connected']);
    t.reader.stop();
  });

  it('watchdog notices the path is gone (no close event) and reconnects when it returns', async () => {
    const t = setup();
    t.reader.start();
    await flush();
    t.state.present = false;
    t.clock.advance(500);
    expect(t.log).toEqual(['connected', 'disconnected:watchdog: port path disappeared']);
    for (let i = 0; i < 10; i++) { t.clock.advance(1000); await flush(); }
    expect(t.ports).toHaveLength(1); // no open attempts while the path is missing
    expect(t.log.filter((l) => l.startsWith('error'))).toHaveLength(1); // reported once, not per retry
    t.state.present = true;
    t.clock.advance(1000); // backoff is capped at 1 s
    await flush();
    expect(t.log.at(-1)).toBe('connected');
    expect(t.reader.status().lastError).toBeUndefined();
    t.reader.stop();
  });

  it('backoff doubles from 200 ms up to 1 s while open fails', async () => {
    const t = setup();
    t.state.failOpen = new Error('EBUSY');
    t.reader.start();
    await flush();
    const times: number[] = [];
    for (let i = 0; i < 60; i++) {
      const before = t.opened.length;
      t.clock.advance(100);
      await flush();
      if (t.opened.length > before) times.push(t.clock.now());
    }
    expect(times.slice(0, 5)).toEqual([200, 600, 1400, 2400, 3400]);
    expect(t.log).toEqual(['error:cannot open /dev/ttyUSB0: EBUSY']);
    t.reader.stop();
  });

  it('drops a partial frame across a disconnect', async () => {
    const t = setup();
    t.reader.start();
    await flush();
    t.last().emit('data', Buffer.from('999'));
    t.last().emit('close', null);
    t.clock.advance(200);
    await flush();
    t.last().emit('data', Buffer.from('134567890123456789\r'));
    expect(t.log.filter((l) => l.startsWith('code'))).toEqual(['code:134567890123456789']);
    t.reader.stop();
  });

  it('stop closes the port and ignores an open that finishes late', async () => {
    const t = setup();
    t.reader.start();
    t.reader.stop(); // before the open resolves
    await flush();
    expect(t.last().closed).toBe(true);
    expect(t.log).toEqual([]);
    expect(t.clock.size).toBe(0);
  });

  it('reconfigure reopens with the new settings and suffix', async () => {
    const t = setup();
    t.reader.start();
    await flush();
    t.reader.reconfigure({ baudRate: 115200, suffix: 'LF' });
    await flush();
    expect(t.ports[0]?.closed).toBe(true);
    expect(t.opened[1]).toMatchObject({ baudRate: 115200 });
    t.last().emit('data', Buffer.from('ABC\n'));
    expect(t.log).toEqual(['connected', 'disconnected:stopped', 'connected', 'code:ABC']);
    expect(t.reader.status()).toMatchObject({ baudRate: 115200, suffix: 'LF' });
    t.reader.stop();
  });

  it('a throwing listener or a late port error never escapes', async () => {
    const t = setup();
    t.reader.on('code', () => { throw new Error('boom'); });
    t.reader.start();
    await flush();
    const old = t.last();
    expect(() => old.emit('data', Buffer.from('X1\r'))).not.toThrow();
    expect(t.log).toContain('error:scanner listener for "code" threw: boom');
    old.emit('close', null);
    expect(() => old.emit('error', new Error('late'))).not.toThrow();
    t.reader.stop();
  });

  it('exists() throwing counts as missing', async () => {
    const t = setup({ exists: () => { throw new Error('EACCES'); } });
    t.reader.start();
    await flush();
    expect(t.reader.status().state).toBe('waiting');
    t.reader.stop();
  });
});
