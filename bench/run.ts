/**
 * `npm run bench`: every figure the issues ask for, printed as one table with goals and ratios.
 * `npm run bench -- checkout journal` runs a subset. Needs `npm run build` first (cold start, bundle).
 */
import { runCheckoutBench } from './checkout.bench';
import { runCmbCheckoutBench } from './cmb-checkout.bench';
import { runDisplayBench } from './display.bench';
import { runJournalBench } from './journal.bench';
import { runPrinterBench } from './printer.bench';
import { runReportsBench } from './reports.bench';
import { runScannerBench } from './scanner.bench';
import { runStartupBench } from './startup.bench';
import { runHqSyncBench } from './hq-sync.bench';
import { runHqPayBench } from './hq-pay.bench';
import { runHqQueriesBench } from './hq-queries';
import type { Row } from './row';

const SUITES: Record<string, () => Promise<Row[]>> = {
  checkout: () => runCheckoutBench(),
  'checkout-cmb': () => runCmbCheckoutBench(),
  scanner: () => runScannerBench(),
  startup: () => runStartupBench(),
  journal: () => runJournalBench(),
  printer: () => runPrinterBench(),
  reports: () => runReportsBench(),
  display: () => runDisplayBench(),
  'hq-sync': () => runHqSyncBench(),
  'hq-pay': () => runHqPayBench(),
  // Only on request (an existing database in HQ_DB): not part of the full `npm run bench`.
  'hq-queries': () => runHqQueriesBench(),
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((a) => a in SUITES);
  for (const name of wanted.length ? wanted : Object.keys(SUITES).filter((n) => n !== 'hq-queries')) {
    const t0 = Date.now();
    console.log(`\n== ${name} ==`);
    const rows = await SUITES[name]!();
    console.table(rows.map((r) => ({ figure: r.name, value: r.value, unit: r.unit, goal: r.goal ?? '', met: r.ok === undefined ? '' : r.ok ? 'yes' : 'NO', note: r.note ?? '' })));
    console.log(`(${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  }
}

main().catch((err) => { console.error(err); process.exitCode = 1; });
