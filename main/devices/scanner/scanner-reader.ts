/**
 * Serial scanner reader: opens the port, frames its bytes, and survives unplug/replug.
 * node-serialport has no hot-plug event and close events are unreliable on some OSes
 * (reliability.md §5, peer-lessons.md), so disconnects are detected three ways — close/error
 * events, read errors tagged `disconnect`, and a watchdog that checks the path still exists —
 * and the port is reopened with backoff until it comes back.
 */
import { existsSync } from 'node:fs';
import { createFrameParser, type Frame, type FrameParser, type FrameStatus, type Suffix } from './frame-parser';
import { openSerialPort, type OpenPort, type PortOpener, type PortSettings } from './serial-port';
import { createBackoff, type Backoff } from '../../shared/retry';
import { systemClockTimers, type ClockTimers, type TimerHandle } from '../../shared/time';
import { TypedEmitter } from './typed-emitter';

export type { PortOpener, OpenPort, PortSettings } from './serial-port';

export interface ScannerReaderOptions {
  path: string;
  baudRate?: number;
  dataBits?: PortSettings['dataBits'];
  parity?: PortSettings['parity'];
  stopBits?: PortSettings['stopBits'];
  suffix?: Suffix;
  interCharTimeoutMs?: number;
  dedupeMs?: number;
  openPort?: PortOpener;
  exists?: (path: string) => boolean;
  timers?: ClockTimers;
  backoffMinMs?: number;
  backoffMaxMs?: number;
  watchdogMs?: number;
}

export interface ScannerEvents {
  code: { text: string; raw: Buffer; at: number };
  /** Every frame, refused ones included, for the engineer's live monitor. */
  frame: { status: FrameStatus; text: string; hex: string; raw: Buffer; at: number };
  connected: { path: string; at: number };
  disconnected: { reason: string; at: number };
  error: { message: string };
}

export type ScannerState = 'stopped' | 'connecting' | 'connected' | 'waiting';

export interface ScannerStatus {
  state: ScannerState;
  path: string;
  baudRate: number;
  suffix: Suffix;
  connectedAt?: number;
  lastCodeAt?: number;
  lastError?: string;
  codes: number;
  frames: number;
}

type Config = Required<Omit<ScannerReaderOptions, 'openPort' | 'exists' | 'timers'>>;

export class ScannerReader extends TypedEmitter<ScannerEvents> {
  private cfg: Config;
  private readonly openPort: PortOpener;
  private readonly exists: (path: string) => boolean;
  private readonly timers: ClockTimers;
  private state: ScannerState = 'stopped';
  private port: OpenPort | undefined;
  private parser: FrameParser;
  private generation = 0; // bumps on stop/reconfigure/disconnect so stale callbacks are ignored
  private retryTimer: TimerHandle | undefined;
  private watchdogTimer: TimerHandle | undefined;
  private readonly backoff: Backoff;
  private connectedAt: number | undefined;
  private lastCodeAt: number | undefined;
  private lastError: string | undefined;
  private codes = 0;
  private frames = 0;

  constructor(opts: ScannerReaderOptions) {
    super((err, event) => {
      if (event !== 'error') this.reportError(`scanner listener for "${String(event)}" threw: ${messageOf(err)}`);
    });
    this.openPort = opts.openPort ?? openSerialPort;
    this.exists = opts.exists ?? existsSync;
    this.timers = opts.timers ?? systemClockTimers;
    this.cfg = toConfig(opts);
    // Reconnect after 200 ms, doubling up to 1 s (read per step: reconfigure may change them).
    this.backoff = createBackoff(() => ({ baseMs: this.cfg.backoffMinMs, maxMs: this.cfg.backoffMaxMs }));
    this.parser = this.makeParser();
  }

  start(): void {
    if (this.state !== 'stopped') return;
    this.state = 'connecting';
    void this.attempt();
  }

  stop(): void {
    if (this.state === 'stopped') return;
    const wasConnected = this.state === 'connected';
    this.teardown();
    this.state = 'stopped';
    if (wasConnected) this.emit('disconnected', { reason: 'stopped', at: this.timers.now() });
  }

  /** Applies new settings; reopens the port if the reader is running. */
  reconfigure(opts: Partial<ScannerReaderOptions>): void {
    const running = this.state !== 'stopped';
    if (running) this.stop();
    const defined = Object.fromEntries(Object.entries(opts).filter(([, v]) => v !== undefined));
    this.cfg = toConfig({ ...this.cfg, ...defined });
    this.parser.dispose();
    this.parser = this.makeParser();
    this.backoff.reset();
    if (running) this.start();
  }

  status(): ScannerStatus {
    return {
      state: this.state, path: this.cfg.path, baudRate: this.cfg.baudRate, suffix: this.cfg.suffix,
      connectedAt: this.connectedAt, lastCodeAt: this.lastCodeAt, lastError: this.lastError,
      codes: this.codes, frames: this.frames,
    };
  }

  private makeParser(): FrameParser {
    return createFrameParser({
      suffix: this.cfg.suffix, interCharTimeoutMs: this.cfg.interCharTimeoutMs, dedupeMs: this.cfg.dedupeMs,
      timers: this.timers, onTimeoutFrames: (frames) => this.deliver(frames),
    });
  }

  private async attempt(): Promise<void> {
    const gen = ++this.generation;
    const { path } = this.cfg;
    // Do not hammer open() while the device is unplugged; wait for the path to come back.
    if (!this.safeExists(path)) { this.scheduleRetry(`${path} not present`); return; }
    let port: OpenPort;
    try {
      port = await this.openPort(settingsOf(this.cfg));
    } catch (err) {
      if (gen !== this.generation) return;
      this.scheduleRetry(`cannot open ${path}: ${messageOf(err)}`);
      return;
    }
    if (gen !== this.generation || this.state === 'stopped') { closeQuietly(port); return; }
    this.port = port;
    port.on('data', (chunk) => { if (gen === this.generation) this.deliver(this.parser.push(chunk)); });
    port.on('close', (err) => { if (gen === this.generation) this.drop(err ? `closed: ${err.message}` : 'closed'); });
    port.on('error', (err) => {
      if (gen !== this.generation) return;
      const tagged = (err as Error & { disconnect?: boolean }).disconnect ? 'disconnect' : 'error';
      this.drop(`port ${tagged}: ${err.message}`);
    });
    this.state = 'connected';
    this.connectedAt = this.timers.now();
    this.backoff.reset();
    this.lastError = undefined;
    this.armWatchdog(gen);
    this.emit('connected', { path, at: this.connectedAt });
  }

  private deliver(frames: Frame[]): void {
    for (const f of frames) {
      this.frames++;
      this.emit('frame', { status: f.status, text: f.text, hex: f.raw.toString('hex'), raw: f.raw, at: f.at });
      if (f.status !== 'ok') continue;
      this.codes++;
      this.lastCodeAt = f.at;
      this.emit('code', { text: f.text, raw: f.raw, at: f.at });
    }
  }

  private armWatchdog(gen: number): void {
    this.watchdogTimer = this.timers.setTimeout(() => {
      if (gen !== this.generation) return;
      if (!this.safeExists(this.cfg.path)) { this.drop('watchdog: port path disappeared'); return; }
      this.armWatchdog(gen);
    }, this.cfg.watchdogMs);
  }

  /** The connection is gone: report once, release the port, reconnect with backoff. */
  private drop(reason: string): void {
    if (this.state !== 'connected') return;
    this.teardown();
    this.state = 'waiting';
    this.emit('disconnected', { reason, at: this.timers.now() });
    this.scheduleRetry(undefined);
  }

  private scheduleRetry(error: string | undefined): void {
    if (this.state === 'stopped') return;
    this.state = 'waiting';
    // Report each distinct failure once, not on every retry of the same outage.
    if (error !== undefined && error !== this.lastError) this.reportError(error);
    if (error !== undefined) this.lastError = error;
    const delay = this.backoff.next();
    const gen = this.generation;
    this.retryTimer = this.timers.setTimeout(() => {
      this.retryTimer = undefined;
      if (gen === this.generation && this.state === 'waiting') { this.state = 'connecting'; void this.attempt(); }
    }, delay);
  }

  private teardown(): void {
    this.generation++;
    if (this.retryTimer !== undefined) this.timers.clearTimeout(this.retryTimer);
    if (this.watchdogTimer !== undefined) this.timers.clearTimeout(this.watchdogTimer);
    this.retryTimer = this.watchdogTimer = undefined;
    this.parser.reset(); // half a code from before the disconnect is never a code
    this.connectedAt = undefined;
    if (this.port) closeQuietly(this.port);
    this.port = undefined;
  }

  private safeExists(path: string): boolean {
    try { return this.exists(path); } catch { return false; }
  }

  private reportError(message: string): void {
    this.lastError = message;
    this.emit('error', { message });
  }
}

export function createScannerReader(opts: ScannerReaderOptions): ScannerReader {
  return new ScannerReader(opts);
}

function toConfig(o: Partial<ScannerReaderOptions> & { path: string }): Config {
  return {
    path: o.path, baudRate: o.baudRate ?? 9600, dataBits: o.dataBits ?? 8, parity: o.parity ?? 'none',
    stopBits: o.stopBits ?? 1, suffix: o.suffix ?? 'CR', interCharTimeoutMs: o.interCharTimeoutMs ?? 50,
    dedupeMs: o.dedupeMs ?? 1500, backoffMinMs: o.backoffMinMs ?? 200, backoffMaxMs: o.backoffMaxMs ?? 1000,
    watchdogMs: o.watchdogMs ?? 500,
  };
}

function settingsOf(c: Config): PortSettings {
  return { path: c.path, baudRate: c.baudRate, dataBits: c.dataBits, parity: c.parity, stopBits: c.stopBits };
}

/** Closes without letting a late 'error' from the old port become an uncaught exception. */
function closeQuietly(port: OpenPort): void {
  try {
    port.removeAllListeners();
    port.on('error', () => {});
    port.close(() => {});
  } catch {
    // already closed or the device is gone: nothing left to release
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
