#!/usr/bin/env node
// `npm start`: the Electron app where an Electron binary exists, otherwise the same app in a
// browser through the loopback harness. Says which mode it chose; passes every flag through.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

function electronBinary() {
  try {
    const pkgDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
    const pathFile = join(pkgDir, 'path.txt');
    if (!existsSync(pathFile)) return { ok: false, why: 'the electron package has no downloaded binary (path.txt missing)' };
    const bin = join(pkgDir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? { ok: true, bin } : { ok: false, why: `binary not found at ${bin}` };
  } catch (err) {
    return { ok: false, why: `electron is not installed (${err.message})` };
  }
}

const forceHarness = args.includes('--harness');
const electron = forceHarness ? { ok: false, why: '--harness given' } : electronBinary();
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
