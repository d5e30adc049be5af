/**
 * "Export logs" for the field engineer: one zip with the log files (already masked when written)
 * and any extra entries (the settings without secrets, device status), saved under
 * `<dataDir>/exports/`. Nothing secret goes in: extra text is masked once more on the way.
 */
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { ZipFile } from 'yazl';
import { maskSecrets } from './mask';

export interface LogExportRequest {
  logFiles: readonly string[];
  /** More files to include as text (name in the zip → content). */
  extra?: Record<string, string>;
  outDir: string;
  now: number;
}

export interface LogExportResult { path: string; fileName: string; bytes: number; entries: string[] }

export function logExportName(now: number): string {
  const d = new Date(now);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `yima-logs-${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}.zip`;
}

export function exportLogsZip(req: LogExportRequest): Promise<LogExportResult> {
  mkdirSync(req.outDir, { recursive: true, mode: 0o700 });
  const fileName = logExportName(req.now);
  const path = join(req.outDir, fileName);
  const zip = new ZipFile();
  const entries: string[] = [];
  const mtime = new Date(req.now);
  for (const file of req.logFiles) {
    if (!existsSync(file)) continue;
    const name = `logs/${basename(file)}`;
    zip.addBuffer(Buffer.from(maskSecrets(readFileSync(file, 'utf8'))), name, { mtime, mode: 0o100644 });
    entries.push(name);
  }
  for (const [name, text] of Object.entries(req.extra ?? {})) {
    zip.addBuffer(Buffer.from(maskSecrets(text)), name, { mtime, mode: 0o100644 });
    entries.push(name);
  }
  return new Promise((resolve, reject) => {
    const out = createWriteStream(path, { mode: 0o600 });
    out.on('error', reject);
    out.on('close', () => resolve({ path, fileName, bytes: statSync(path).size, entries }));
    zip.outputStream.on('error', reject).pipe(out);
    zip.end();
  });
}
