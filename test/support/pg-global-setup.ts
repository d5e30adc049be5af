/**
 * Vitest globalSetup: the integration tests run against a real PostgreSQL server. CI (.ci/run)
 * starts one and exports YIMA_TEST_PG_URL; locally, when it is not set and Debian's postgresql
 * binaries are installed, this starts the same kind of throwaway cluster
 * (scripts/pg-cluster.sh) and stops it afterwards. Without either, the tests that need a server
 * say how to get one and the embedded PGlite runs the rest.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SCRIPT = join(process.cwd(), 'scripts/pg-cluster.sh');

function hasBinaries(): boolean {
  return ['17', '16', '15'].some((v) => existsSync(`/usr/lib/postgresql/${v}/bin/initdb`));
}

export default function setup(): (() => void) | undefined {
  if (process.env.YIMA_TEST_PG_URL) return undefined;
  if (process.platform === 'win32' || !hasBinaries()) {
    console.log('note: no PostgreSQL server for the tests (set YIMA_TEST_PG_URL, or apt-get install -y postgresql); head-office tests that need one report it, the rest run on the embedded PGlite');
    return undefined;
  }
  const dir = mkdtempSync(join(tmpdir(), 'yima-pg-'));
  const url = execFileSync('bash', [SCRIPT, 'start', dir], { encoding: 'utf8', env: { ...process.env, PG_FSYNC: 'off' } }).trim();
  process.env.YIMA_TEST_PG_URL = url;
  return () => {
    execFileSync('bash', [SCRIPT, 'stop', dir], { stdio: 'ignore' });
    rmSync(dir, { recursive: true, force: true });
  };
}
