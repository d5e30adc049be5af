/**
 * The built Electron entry (out/main/index.js) names a preload that the build wrote: a wrong
 * file name would give windows without window.pos, and no test with a fake electron sees that.
 * Runs after `npm run build` (as `npm test` does); skipped with its reason before a build.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const entry = 'out/main/index.js';

describe('the built Electron app', () => {
  it.skipIf(!existsSync(entry))('loads a preload file that exists in out/preload (run npm run build first)', () => {
    const code = readFileSync(entry, 'utf8');
    const named = [...code.matchAll(/\.\.\/preload\/([\w.-]+)/g)].map((m) => m[1]!);
    expect(named.length).toBeGreaterThan(0);
    for (const file of named) expect(existsSync(join('out/preload', file)), file).toBe(true);
  });
});
