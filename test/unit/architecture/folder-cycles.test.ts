/**
 * No folder cycles in main/ (and preload/): if checkout/ imports services/ while services/
 * imports checkout/, neither can be understood, tested or moved alone. Every import counts,
 * `import type` too. main/shared/ sits below everything and imports no other folder of main/.
 * A found cycle is printed with one import that closes it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../../..');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return files(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

/** main/checkout/x.ts → main/checkout; main/devices/printer/y.ts → main/devices; preload/z.ts → preload. */
function folderOf(file: string): string {
  const parts = relative(ROOT, file).split(/[\\/]/);
  return parts[0] === 'main' ? `main/${parts[1]}` : parts[0]!;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of [...files(join(ROOT, 'main')), ...files(join(ROOT, 'preload'))]) {
    if (file.endsWith('.md')) continue;
    const from = folderOf(file);
    if (!graph.has(from)) graph.set(from, new Map());
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      const target = resolve(dirname(file), spec);
      const to = folderOf(target);
      if (to !== from && !graph.get(from)!.has(to)) graph.get(from)!.set(to, `${relative(ROOT, file)} → ${spec}`);
    }
  }
  return graph;
}

/** Strongly connected components with more than one folder (Tarjan). */
function cycles(graph: Map<string, Map<string, string>>): string[][] {
  let index = 0;
  const idx = new Map<string, number>(); const low = new Map<string, number>();
  const stack: string[] = []; const on = new Set<string>(); const out: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index); low.set(v, index); index++; stack.push(v); on.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!idx.has(w)) { visit(w); low.set(v, Math.min(low.get(v)!, low.get(w)!)); }
      else if (on.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do { w = stack.pop()!; on.delete(w); scc.push(w); } while (w !== v);
      if (scc.length > 1) out.push(scc.sort());
    }
  };
  for (const v of graph.keys()) if (!idx.has(v)) visit(v);
  return out;
}

describe('folder dependencies', () => {
  const graph = folderGraph();

  it('sees the folders and their imports (the parser works)', () => {
    expect(graph.get('main/services')?.has('main/checkout')).toBe(true);
    expect(graph.get('main/harness')?.has('main/services')).toBe(true);
  });

  it('have no cycles', () => {
    const found = cycles(graph).map((scc) => {
      const edges = scc.flatMap((a) => scc.filter((b) => graph.get(a)?.has(b)).map((b) => `    ${a} → ${b}: ${graph.get(a)!.get(b)}`));
      return `${scc.join(' ⇄ ')}\n${edges.join('\n')}`;
    });
    expect(found, found.join('\n')).toEqual([]);
  });

  it('main/shared imports no other folder of main/ (it is the bottom layer)', () => {
    const up = [...(graph.get('main/shared')?.entries() ?? [])].filter(([to]) => to.startsWith('main/'));
    expect(up.map(([to, why]) => `${to}: ${why}`)).toEqual([]);
  });
});
