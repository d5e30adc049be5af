import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, parseStartArgs } from '../../../../main/harness/cli-args';

const env = { YIMA_DATA_DIR: '/srv/yima-data' } as NodeJS.ProcessEnv;
const parse = (...argv: string[]) => parseStartArgs(argv, env);
const args = (...argv: string[]) => {
  const r = parse(...argv);
  if (!r.ok) throw new Error(`expected ok, got: ${r.message}`);
  return r.args;
};
const message = (...argv: string[]) => {
  const r = parse(...argv);
  if (r.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
  return r.message;
};

describe('parseStartArgs', () => {
  it('defaults: Electron mode, data dir from the environment, nothing else', () => {
    expect(args()).toEqual({ harness: false, dataDir: '/srv/yima-data', scanner: undefined });
  });

  it('reads every flag, separated or inline with =', () => {
    const a = args('--harness', '--port', '5173', '--data-dir', 'tmp/yima', '--aggregator', 'https://api.example.com/', '--printer', 'tcp://10.0.0.9:9100');
    expect(a).toEqual({ harness: true, port: 5173, dataDir: resolve('tmp/yima'), aggregatorUrl: 'https://api.example.com', printer: 'tcp://10.0.0.9:9100', scanner: undefined });
    const b = args('--port=0', '--data-dir=/d', '--aggregator=http://127.0.0.1:9000//', '--printer=file:/tmp/out.bin');
    expect(b).toMatchObject({ port: 0, dataDir: '/d', aggregatorUrl: 'http://127.0.0.1:9000', printer: 'file:/tmp/out.bin' });
  });

  it('ignores positional arguments (Electron passes the app path)', () => {
    expect(args('.', '--harness')).toMatchObject({ harness: true });
  });

  it.each([[['--port', '70000']], [['--port', '-1']], [['--port', '80.5']], [['--port', 'abc']], [['--port=']], [['--port', ' ']]])('refuses a bad port %j', (argv) => {
    const m = message(...argv);
    expect(m).toMatch(/--port/);
  });

  it('a flag that needs a value says so when it is missing or followed by another flag', () => {
    expect(message('--port')).toBe('--port 需要一个值');
    expect(message('--data-dir', '--harness')).toBe('--data-dir 需要一个值');
    expect(message('--aggregator')).toBe('--aggregator 需要一个值');
    expect(message('--data-dir=')).toBe('--data-dir 需要一个值');
  });

  it('refuses an aggregator address that is not http(s), quoting it', () => {
    expect(message('--aggregator', 'ftp://x.example')).toBe('--aggregator 需要 http(s) 地址或 cmb-sandbox，收到：ftp://x.example');
    expect(message('--aggregator=api.example.com')).toContain('api.example.com');
    expect(message('--aggregator', 'http://a b')).toContain('http(s)');
  });

  it('--gateway sets the unified QR gateway (http(s) only)', () => {
    expect(args('--gateway', 'https://qr.shouqianba.com/gateway').gatewayUrl).toBe('https://qr.shouqianba.com/gateway');
    expect(args('--aggregator=http://127.0.0.1:9000', '--gateway=http://127.0.0.1:9001/gateway')).toMatchObject({ aggregatorUrl: 'http://127.0.0.1:9000', gatewayUrl: 'http://127.0.0.1:9001/gateway' });
    expect(message('--gateway', 'qr.shouqianba.com/gateway')).toBe('--gateway 需要 http(s) 地址，收到：qr.shouqianba.com/gateway');
    expect(message('--gateway')).toBe('--gateway 需要一个值');
  });

  it('refuses an unknown flag by name', () => {
    expect(message('--harnes')).toBe('未知参数：--harnes');
    expect(message('--colour=red')).toBe('未知参数：--colour');
  });

  it('takes the scanner port and baud rate through the scanner parser', () => {
    expect(args('--scanner', '/dev/ttyUSB0', '--baud', '115200').scanner).toEqual({ path: '/dev/ttyUSB0', baudRate: 115200 });
    expect(args('--scanner=COM3').scanner).toEqual({ path: 'COM3', baudRate: 9600 });
    expect(message('--scanner', '/dev/ttyUSB0', '--baud', '12345')).toContain('not a standard rate');
    expect(message('--baud', '9600')).toContain('--baud was given without --scanner');
    expect(message('--scanner', 'printer')).toContain('does not look like a serial port');
  });

  it('a missing scanner path is reported, not swallowed', () => {
    expect(message('--scanner')).toMatch(/--scanner/);
  });
});

describe('defaultDataDir', () => {
  it('YIMA_DATA_DIR wins, then XDG_DATA_HOME/yima', () => {
    expect(defaultDataDir({ YIMA_DATA_DIR: 'rel/dir' } as NodeJS.ProcessEnv)).toBe(resolve('rel/dir'));
    if (process.platform !== 'win32') {
      expect(defaultDataDir({ XDG_DATA_HOME: '/xdg' } as NodeJS.ProcessEnv)).toBe(join('/xdg', 'yima'));
      expect(defaultDataDir({} as NodeJS.ProcessEnv)).toMatch(/[/\\]\.local[/\\]share[/\\]yima$/);
    }
  });
});
