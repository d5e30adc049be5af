#!/usr/bin/env node
// `npm run dist[:linux|:win]`: builds the installable packages with electron-builder
// (electron-builder.yml: nsis for Windows, AppImage + deb for Linux, fuses set). Packaging needs
// an Electron binary for the target platform: the one in node_modules/electron/dist when it was
// downloaded at install, otherwise electron-builder downloads one. Where neither is possible this
// script says so plainly and exits 2 instead of failing somewhere deep inside the packager.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { request } from 'node:https';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUILDER = 'electron-builder@26.17.0';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const target = process.argv[2] ?? (process.platform === 'win32' ? '--win' : '--linux');
const electronPkg = JSON.parse(readFileSync(join(root, 'node_modules/electron/package.json'), 'utf8'));
const localDist = join(root, 'node_modules/electron/dist');
const hostTarget = (target === '--linux' && process.platform === 'linux') || (target === '--win' && process.platform === 'win32');

function reachable(url, ms = 6000) {
  return new Promise((resolve) => {
    const req = request(url, { method: 'HEAD', timeout: ms }, (res) => { res.resume(); resolve({ ok: (res.statusCode ?? 500) < 400, why: `HTTP ${res.statusCode}` }); });
    req.on('timeout', () => { req.destroy(); resolve({ ok: false, why: `no answer within ${ms / 1000} s` }); });
    req.on('error', (err) => resolve({ ok: false, why: err.code ?? err.message }));
    req.end();
  });
}

function run(cmd, args) {
  console.log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const useLocal = hostTarget && existsSync(join(localDist, 'version'));
if (!useLocal) {
  const mirror = process.env.ELECTRON_MIRROR ?? 'https://github.com/electron/electron/releases/download/';
  const zip = `${mirror}v${electronPkg.version}/SHASUMS256.txt`;
  const probe = await reachable(zip);
  if (!probe.ok) {
    console.error([
      `Yima dist: cannot build ${target.slice(2)} packages on this machine.`,
      `  Packaging needs an Electron ${electronPkg.version} binary for the target platform.`,
      hostTarget ? `  - node_modules/electron/dist is empty: the electron package's install step could not download it.` : `  - ${target.slice(2)} packages need that platform's binary; the local one (if any) cannot be used.`,
      `  - and the download location is not reachable (${zip}: ${probe.why}).`,
      `  Run this on a machine with internet access (or set ELECTRON_MIRROR to a reachable mirror).`,
      `  Meanwhile \`npm start\` runs the same app in a browser through the loopback harness.`,
    ].join('\n'));
    process.exit(2);
  }
}
run('npm', ['run', 'build']);
run('npx', ['--yes', BUILDER, target, '--publish', 'never', ...(useLocal ? [`-c.electronDist=${localDist}`, `-c.electronVersion=${electronPkg.version}`] : [])]);
