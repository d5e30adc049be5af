#!/usr/bin/env node
// `npm start`: the Electron app where an Electron binary exists, otherwise the same app in a
// browser through the loopback harness. Says which mode it chose; passes every flag through.
// When the binary is missing (npm's allowScripts keeps Electron's postinstall from running),
// it runs Electron's own installer once, with a timeout; the installer honours ELECTRON_MIRROR
// (e.g. https://npmmirror.com/mirrors/electron/ in mainland China). If that cannot download,
// it says why and starts browser mode.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const INSTALL_TIMEOUT_MS = Number(process.env.YIMA_ELECTRON_INSTALL_TIMEOUT_MS) || 180_000;

function electronDir() {
  try {
    return { ok: true, dir: dirname(createRequire(import.meta.url).resolve('electron/package.json')) };
  } catch (err) {
    return { ok: false, why: `electron is not installed (${err.message})` };
  }
}

function electronBinary(dir) {
  const pathFile = join(dir, 'path.txt');
  if (!existsSync(pathFile)) return { ok: false, why: 'the electron package has no downloaded binary (path.txt missing)' };
  const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(bin) ? { ok: true, bin } : { ok: false, why: `binary not found at ${bin}` };
}

/** Electron's own installer (node_modules/electron/install.js), once, bounded in time. */
function installElectron(dir) {
  const mirror = process.env.ELECTRON_MIRROR ? ` from ${process.env.ELECTRON_MIRROR}` : '';
  console.log(`Yima: the Electron binary is missing; downloading it once${mirror} (up to ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s; ELECTRON_MIRROR picks a mirror)…`);
  const r = spawnSync(process.execPath, [join(dir, 'install.js')], { cwd: dir, encoding: 'utf8', timeout: INSTALL_TIMEOUT_MS, stdio: ['ignore', 'inherit', 'pipe'] });
  if (r.error?.code === 'ETIMEDOUT') return { ok: false, why: `the Electron download did not finish within ${Math.round(INSTALL_TIMEOUT_MS / 1000)} s` };
  if (r.status !== 0) {
    const first = (r.stderr || '').split('\n').find((l) => l.trim()) ?? `exit code ${r.status}`;
    return { ok: false, why: `the Electron download failed (${first.trim()}); set ELECTRON_MIRROR or check the network` };
  }
  return electronBinary(dir);
}

function chooseElectron() {
  if (args.includes('--harness')) return { ok: false, why: '--harness given' };
  const found = electronDir();
  if (!found.ok) return found;
  const bin = electronBinary(found.dir);
  if (bin.ok || process.env.YIMA_NO_ELECTRON_DOWNLOAD) return bin;
  return installElectron(found.dir);
}

const electron = chooseElectron();
let child;
if (electron.ok && (process.env.DISPLAY || process.platform !== 'linux')) {
  console.log('Yima: starting the Electron app');
  child = spawn(electron.bin, [root, ...args], { stdio: 'inherit' });
} else {
  const why = electron.ok ? 'no display ($DISPLAY is not set)' : electron.why;
  console.log(`Yima: browser mode (${why}); open the URL below in Chromium/Chrome/Edge`);
  child = spawn(process.execPath, [join(root, 'out/main/harness.js'), ...args], { stdio: 'inherit' });
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
