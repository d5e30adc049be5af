/**
 * Serial port enumeration that never rejects. On Linux `SerialPort.list()` spawns `udevadm` and
 * rejects with `spawn udevadm ENOENT` where it is missing (containers, PATH without /sbin —
 * reliability.md §5 SP1). It also misses links such as a socat pty at /dev/ttyUSB9. So the
 * udev listing (when it works) is merged with a scan of /dev.
 */
import { promises as fsp } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export interface SerialPortInfo {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  pnpId?: string;
  source: 'serialport' | 'fallback';
}

/** The shape `SerialPort.list()` resolves to (fields we use). */
export interface RawPortInfo {
  path: string;
  manufacturer?: string;
  vendorId?: string;
  productId?: string;
  serialNumber?: string;
  pnpId?: string;
}

export interface PortListFs {
  readdir(dir: string): Promise<string[]>;
  realpath(path: string): Promise<string>;
  readFile(path: string): Promise<string>;
}

export interface PortListDeps {
  list?: () => Promise<RawPortInfo[]>;
  fs?: PortListFs;
  devDir?: string;
  sysTtyDir?: string;
  /** `SerialPort.list()` can hang on odd systems; give up after this long. */
  listTimeoutMs?: number;
  onListError?: (err: unknown) => void;
}

const DEVICE_PATTERNS = [/^ttyUSB\d+$/, /^ttyACM\d+$/, /^ttyS\d+$/];

const nodeFs: PortListFs = {
  readdir: (dir) => fsp.readdir(dir),
  realpath: (p) => fsp.realpath(p),
  readFile: (p) => fsp.readFile(p, 'utf8'),
};

const defaultList = async (): Promise<RawPortInfo[]> => {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
};

export async function listSerialPorts(deps: PortListDeps = {}): Promise<SerialPortInfo[]> {
  const fs = deps.fs ?? nodeFs;
  const out: SerialPortInfo[] = [];
  const seen = new Set<string>(); // real device paths already listed
  const add = async (info: SerialPortInfo): Promise<void> => {
    const real = await safe(fs.realpath(info.path), undefined);
    if (real === undefined) return; // dangling link or vanished device
    if (seen.has(real) || seen.has(info.path)) return;
    seen.add(real).add(info.path);
    out.push(info);
  };

  try {
    for (const p of await withTimeout((deps.list ?? defaultList)(), deps.listTimeoutMs ?? 3000)) {
      await add({ ...clean(p), source: 'serialport' });
    }
  } catch (err) {
    deps.onListError?.(err); // e.g. spawn udevadm ENOENT: the /dev scan below still works
  }
  try {
    for (const info of await scanDev(fs, deps.devDir ?? '/dev', deps.sysTtyDir ?? '/sys/class/tty')) await add(info);
  } catch (err) {
    deps.onListError?.(err);
  }
  return out;
}

async function scanDev(fs: PortListFs, devDir: string, sysDir: string): Promise<SerialPortInfo[]> {
  const found: SerialPortInfo[] = [];
  // By-id links are stable names for USB devices; list the device they point to (as udev does).
  const byIdDir = join(devDir, 'serial', 'by-id');
  for (const name of (await safe(fs.readdir(byIdDir), [])).sort()) {
    const real = await safe(fs.realpath(join(byIdDir, name)), undefined);
    if (real) found.push({ path: real, pnpId: name, ...(await sysInfo(fs, sysDir, basename(real))), source: 'fallback' });
  }
  const names = (await safe(fs.readdir(devDir), [])).filter((n) => DEVICE_PATTERNS.some((re) => re.test(n)));
  for (const name of names.sort(naturalOrder)) {
    const path = join(devDir, name);
    const real = await safe(fs.realpath(path), undefined);
    if (real === undefined) continue;
    const realName = basename(real);
    // Most machines have /dev/ttyS0..31 with no UART behind them; the kernel reports type 0.
    if (/^ttyS\d+$/.test(realName) && dirname(real) === devDir) {
      const type = await safe(fs.readFile(join(sysDir, realName, 'type')), undefined);
      if (type !== undefined && type.trim() === '0') continue;
    }
    found.push({ path, ...(await sysInfo(fs, sysDir, realName)), source: 'fallback' });
  }
  return found;
}

/** USB ids from sysfs: the tty's device dir (or one of its parents) holds idVendor/idProduct. */
async function sysInfo(fs: PortListFs, sysDir: string, name: string): Promise<Partial<SerialPortInfo>> {
  let dir = await safe(fs.realpath(join(sysDir, name, 'device')), undefined);
  for (let i = 0; dir && i < 4; i++, dir = dirname(dir)) {
    const vendorId = await readTrim(fs, join(dir, 'idVendor'));
    if (vendorId === undefined) continue;
    const info: Partial<SerialPortInfo> = { vendorId };
    const productId = await readTrim(fs, join(dir, 'idProduct'));
    const manufacturer = await readTrim(fs, join(dir, 'manufacturer'));
    const serialNumber = await readTrim(fs, join(dir, 'serial'));
    if (productId) info.productId = productId;
    if (manufacturer) info.manufacturer = manufacturer;
    if (serialNumber) info.serialNumber = serialNumber;
    return info;
  }
  return {};
}

async function readTrim(fs: PortListFs, path: string): Promise<string | undefined> {
  const v = await safe(fs.readFile(path), undefined);
  return v === undefined ? undefined : v.trim();
}

function clean(p: RawPortInfo): RawPortInfo {
  const out: RawPortInfo = { path: p.path };
  for (const k of ['manufacturer', 'vendorId', 'productId', 'serialNumber', 'pnpId'] as const) {
    if (typeof p[k] === 'string' && p[k] !== '') out[k] = p[k];
  }
  return out;
}

async function safe<T, D>(p: Promise<T>, fallback: D): Promise<T | D> {
  try { return await p; } catch { return fallback; }
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`port listing timed out after ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function naturalOrder(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
