/**
 * tsx main/aggregator/sandbox/cli.ts [--port N] [--data-dir D] [--qr-expiry S] [--password-seconds S]
 * Prints exactly one line, `Sandbox aggregator listening on http://127.0.0.1:N`, and runs until killed.
 */
import { startSandbox } from './server';

function arg(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  const eq = argv.find((a) => a.startsWith(`${name}=`));
  return eq?.slice(name.length + 1);
}

function num(name: string): number | undefined {
  const v = arg(name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) {
    process.stderr.write(`${name} must be a non-negative number\n`);
    process.exit(2);
  }
  return n;
}

const sandbox = await startSandbox({
  port: num('--port') ?? 0,
  dataDir: arg('--data-dir'),
  qrExpirySeconds: num('--qr-expiry'),
  passwordSeconds: num('--password-seconds'),
});
process.stdout.write(`Sandbox aggregator listening on ${sandbox.url}\n`);

const stop = (): void => {
  sandbox.close().then(() => process.exit(0), () => process.exit(1));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
