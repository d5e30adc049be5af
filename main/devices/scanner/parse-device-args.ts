/**
 * Parses `--scanner PATH --baud N` from argv (`npm start -- --scanner /dev/ttyUSB0 --baud 9600`).
 * Unrelated arguments are left alone: other parts of the app read their own flags.
 */
export const STANDARD_BAUD_RATES = [1200, 2400, 4800, 9600, 14400, 19200, 38400, 57600, 115200, 230400] as const;

export interface DeviceArgs {
  scanner?: { path: string; baudRate: number };
}

export type DeviceArgsResult = { ok: true; args: DeviceArgs } | { ok: false; errors: string[] };

export function parseDeviceArgs(argv: readonly string[], defaultBaud = 9600): DeviceArgsResult {
  const errors: string[] = [];
  let path: string | undefined;
  let baudText: string | undefined;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const m = /^--(scanner|baud)(?:=(.*))?$/.exec(arg);
    if (!m) continue;
    const flag = m[1] as 'scanner' | 'baud';
    let value = m[2];
    if (value === undefined) {
      const next = argv[i + 1];
      if (next !== undefined && !next.startsWith('--')) { value = next; i++; }
    }
    if (value === undefined || value.trim() === '') {
      errors.push(flag === 'scanner'
        ? '--scanner needs a serial port path, e.g. --scanner /dev/ttyUSB0 (Windows: --scanner COM3)'
        : `--baud needs a number, e.g. --baud 9600 (one of ${STANDARD_BAUD_RATES.join(', ')})`);
      continue;
    }
    if (flag === 'scanner') {
      if (path !== undefined) errors.push(`--scanner given twice (${path} and ${value}); give one port`);
      path = value.trim();
    } else {
      if (baudText !== undefined) errors.push(`--baud given twice (${baudText} and ${value}); give one rate`);
      baudText = value.trim();
    }
  }

  let baudRate = defaultBaud;
  if (baudText !== undefined) {
    const n = Number(baudText);
    if (!/^\d+$/.test(baudText) || !Number.isSafeInteger(n)) {
      errors.push(`--baud must be a whole number, got "${baudText}"`);
    } else if (!(STANDARD_BAUD_RATES as readonly number[]).includes(n)) {
      errors.push(`--baud ${n} is not a standard rate; use one of ${STANDARD_BAUD_RATES.join(', ')} (scanners usually 9600)`);
    } else {
      baudRate = n;
    }
    if (path === undefined) errors.push('--baud was given without --scanner; add --scanner PATH');
  }
  if (path !== undefined && !/^(\/|\\\\\.\\|COM\d+$)/i.test(path)) {
    errors.push(`--scanner "${path}" does not look like a serial port; use /dev/ttyUSB0, /dev/ttyACM0 or COM3`);
  }

  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, args: path === undefined ? {} : { scanner: { path, baudRate } } };
}
