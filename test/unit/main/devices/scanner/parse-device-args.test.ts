import { describe, expect, it } from 'vitest';
import { parseDeviceArgs } from '../../../../../main/devices/scanner/parse-device-args';

describe('parseDeviceArgs', () => {
  it('reads --scanner and --baud (space or =), ignoring other flags', () => {
    expect(parseDeviceArgs(['--foo', '--scanner', '/dev/ttyUSB0', '--baud', '115200'])).toEqual({
      ok: true, args: { scanner: { path: '/dev/ttyUSB0', baudRate: 115200 } },
    });
    expect(parseDeviceArgs(['--scanner=COM3', '--baud=9600'])).toEqual({ ok: true, args: { scanner: { path: 'COM3', baudRate: 9600 } } });
  });

  it('defaults the baud rate to 9600 and returns nothing without flags', () => {
    expect(parseDeviceArgs(['--scanner', '/dev/ttyACM0'])).toEqual({ ok: true, args: { scanner: { path: '/dev/ttyACM0', baudRate: 9600 } } });
    expect(parseDeviceArgs([])).toEqual({ ok: true, args: {} });
  });

  it.each([
    [['--scanner'], /--scanner needs a serial port path/],
    [['--scanner', '--baud', '9600'], /--scanner needs a serial port path/],
    [['--scanner', '/dev/ttyUSB0', '--baud', 'fast'], /--baud must be a whole number, got "fast"/],
    [['--scanner', '/dev/ttyUSB0', '--baud', '9601'], /not a standard rate/],
    [['--scanner', '/dev/ttyUSB0', '--baud'], /--baud needs a number/],
    [['--baud', '9600'], /without --scanner/],
    [['--scanner', 'ttyUSB0'], /does not look like a serial port/],
    [['--scanner', '/dev/a', '--scanner', '/dev/b'], /given twice/],
  ])('%j → error', (argv, message) => {
    const r = parseDeviceArgs(argv);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.join('\n')).toMatch(message);
  });
});
