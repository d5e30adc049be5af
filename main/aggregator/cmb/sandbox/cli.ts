/** `npx tsx main/aggregator/cmb/sandbox/cli.ts --port N --data-dir D`: the polypay sandbox on its own. */
import { startCmbSandbox } from './server';

const args = process.argv.slice(2);
const opt = (name: string): string | undefined => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const port = Number(opt('--port') ?? 0);
if (!Number.isInteger(port) || port < 0 || port > 65535) { console.error('--port must be 0–65535'); process.exit(2); }
const sb = await startCmbSandbox({ port, dataDir: opt('--data-dir') });
console.log(`CMB polypay sandbox listening on ${sb.url}`);
const stop = (): void => { void sb.close().then(() => process.exit(0)); };
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
