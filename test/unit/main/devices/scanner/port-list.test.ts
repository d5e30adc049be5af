import { describe, expect, it } from 'vitest';
import { listSerialPorts, type PortListFs } from '../../../../../main/devices/scanner/port-list';

/** An in-memory /dev and /sys: files map to contents, links map to targets. */
function fakeFs(files: Record<string, string>, links: Record<string, string>): PortListFs {
  const all = [...Object.keys(files), ...Object.keys(links)];
  const resolve = (p: string): string => {
    for (let i = 0; i < 10 && links[p]; i++) p = links[p] as string;
    return p;
  };
  return {
    readdir: async (dir) => {
      const names = all.filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0] as string);
      if (names.length === 0) throw Object.assign(new Error(`ENOENT ${dir}`), { code: 'ENOENT' });
      return [...new Set(names)];
    },
    realpath: async (p) => {
      const r = resolve(p);
      if (!(r in files) && !all.some((f) => f.startsWith(`${r}/`))) throw new Error(`ENOENT ${p}`);
      return r;
    },
    readFile: async (p) => {
      const r = resolve(p);
      if (!(r in files)) throw new Error(`ENOENT ${p}`);
      return files[r] as string;
    },
  };
}

const udevMissing = () => Promise.reject(Object.assign(new Error('spawn udevadm ENOENT'), { code: 'ENOENT' }));

describe('listSerialPorts (fake fs)', () => {
  const fs = fakeFs({
    '/dev/ttyUSB0': '', '/dev/ttyACM1': '', '/dev/ttyS0': '', '/dev/ttyS1': '', '/dev/pts/3': '', '/dev/tty': '',
    '/sys/class/tty/ttyS0/type': '4\n', '/sys/class/tty/ttyS1/type': '0\n',
    '/sys/devices/usb1/1-1/idVendor': '1a86\n', '/sys/devices/usb1/1-1/idProduct': '7523\n',
    '/sys/devices/usb1/1-1/manufacturer': 'QinHeng\n', '/sys/devices/usb1/1-1/1-1:1.0/ttyUSB0/x': '',
  }, {
    '/dev/serial/by-id/usb-QinHeng_CH340-if00-port0': '/dev/ttyUSB0',
    '/sys/class/tty/ttyUSB0/device': '/sys/devices/usb1/1-1/1-1:1.0/ttyUSB0',
    '/dev/ttyUSB9': '/dev/pts/3',
    '/dev/ttyACM7': '/dev/pts/99', // dangling
  });

  it('falls back to /dev when list() rejects with spawn udevadm ENOENT, and reports the error', async () => {
    const errors: unknown[] = [];
    const ports = await listSerialPorts({ list: udevMissing, fs, onListError: (e) => errors.push(e) });
    expect(ports).toEqual([
      { path: '/dev/ttyUSB0', pnpId: 'usb-QinHeng_CH340-if00-port0', vendorId: '1a86', productId: '7523', manufacturer: 'QinHeng', source: 'fallback' },
      { path: '/dev/ttyACM1', source: 'fallback' },
      { path: '/dev/ttyS0', source: 'fallback' },
      { path: '/dev/ttyUSB9', source: 'fallback' },
    ]);
    expect(String(errors[0])).toMatch(/udevadm ENOENT/);
  });

  it('merges list() results with /dev links it does not know, without duplicates', async () => {
    const ports = await listSerialPorts({ list: async () => [{ path: '/dev/ttyUSB0', vendorId: '1a86', manufacturer: '' }], fs });
    expect(ports.map((p) => `${p.source}:${p.path}`)).toEqual([
      'serialport:/dev/ttyUSB0', 'fallback:/dev/ttyACM1', 'fallback:/dev/ttyS0', 'fallback:/dev/ttyUSB9',
    ]);
    expect(ports[0]).toEqual({ path: '/dev/ttyUSB0', vendorId: '1a86', source: 'serialport' });
  });

  it('never rejects: a hanging list() times out, a broken fs yields []', async () => {
    const ports = await listSerialPorts({ list: () => new Promise(() => {}), listTimeoutMs: 20, fs });
    expect(ports).toHaveLength(4);
    const broken: PortListFs = { readdir: () => Promise.reject(new Error('EIO')), realpath: () => Promise.reject(new Error('EIO')), readFile: () => Promise.reject(new Error('EIO')) };
    await expect(listSerialPorts({ list: udevMissing, fs: broken })).resolves.toEqual([]);
    await expect(listSerialPorts({ list: () => { throw new Error('sync throw'); }, fs: broken })).resolves.toEqual([]);
  });
});
