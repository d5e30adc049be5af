/**
 * The one place that touches `serialport`. Loaded lazily so that a missing or ABI-mismatched
 * native binding (Electron, reliability.md §5) becomes a reported error, not a crash at import.
 */
export interface PortSettings {
  path: string;
  baudRate: number;
  dataBits: 5 | 6 | 7 | 8;
  parity: 'none' | 'even' | 'odd' | 'mark' | 'space';
  stopBits: 1 | 1.5 | 2;
}

/** What the reader needs from an open port (the subset of SerialPort it uses). */
export interface OpenPort {
  on(event: 'data', fn: (chunk: Buffer) => void): unknown;
  on(event: 'close', fn: (err?: Error | null) => void): unknown;
  on(event: 'error', fn: (err: Error) => void): unknown;
  removeAllListeners(): unknown;
  close(cb?: (err?: Error | null) => void): void;
}

/** Opens a port and resolves once it is open; rejects with the OS error otherwise. */
export type PortOpener = (settings: PortSettings) => Promise<OpenPort>;

export const openSerialPort: PortOpener = async (settings) => {
  const { SerialPort } = await import('serialport');
  const port = new SerialPort({ ...settings, autoOpen: false });
  await new Promise<void>((resolve, reject) => port.open((err) => (err ? reject(err) : resolve())));
  return port as unknown as OpenPort;
};
