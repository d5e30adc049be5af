/**
 * Browser mode: `node out/main/harness.js [--port N] [--data-dir D] [--aggregator URL] …`
 * Starts the services and the loopback harness and prints one line: `Yima is running at <url>`.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Conf from 'conf';
import { createServices } from '../services/create-services';
import { plaintextCipher } from '../settings/secrets';
import { startHarness } from './harness-server';
import { parseStartArgs } from './cli-args';
import { acquireDataDirLock } from '../services/data-dir-lock';

function rendererDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, '../renderer'), join(here, '../../out/renderer'), join(process.cwd(), 'out/renderer')];
  return candidates.find((d) => existsSync(join(d, 'index.html'))) ?? candidates[candidates.length - 1]!;
}

async function main(): Promise<void> {
  const parsed = parseStartArgs(process.argv.slice(2));
  if (!parsed.ok) {
    console.error(`Yima: ${parsed.message}`);
    process.exit(2);
  }
  const { args } = parsed;
  // One Yima per data directory: a second copy would cut the first one's journal (issue 14).
  const locked = acquireDataDirLock(args.dataDir, 'harness');
  if (!locked.ok) {
    console.error(`Yima: ${locked.message}`);
    process.exit(3);
  }
  const lock = locked.lock;
  process.once('exit', () => lock.release());
  if (locked.tookOver) console.log(`  note: took over a stale lock of pid ${locked.tookOver.pid} (not running)`);
  const staticDir = rendererDir();
  if (!existsSync(join(staticDir, 'index.html'))) console.error(`Yima: the renderer is not built (${staticDir}); run npm run build`);
  const services = await createServices({
    dataDir: args.dataDir,
    aggregatorUrl: args.aggregatorUrl,
    gatewayUrl: args.gatewayUrl,
    confFactory: (o) => new Conf({ cwd: o.cwd, configName: o.configName, projectName: 'yima' }) as unknown as { store: Record<string, unknown>; path: string },
    cipher: plaintextCipher,
    devices: { scanner: args.scanner, printer: args.printer },
    hq: args.hq,
  });
  const harness = await startHarness({ dispatch: services.dispatch, bus: services.bus, staticDir, port: args.port });
  lock.setUrl(harness.url);
  console.log(`Yima is running at ${harness.url}`);
  console.log(`  data directory: ${args.dataDir}; aggregator: ${services.aggregator.mode} ${services.aggregator.baseUrl}`);
  for (const w of services.warnings) console.log(`  warning: ${w}`);

  const stop = async () => {
    await harness.close();
    await services.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

process.on('unhandledRejection', (err) => console.error('Yima: unhandled rejection', err));
main().catch((err) => {
  console.error(`Yima failed to start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
