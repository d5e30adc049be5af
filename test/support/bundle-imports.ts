/** What a built entry (out/main/*.js) loads at start: its static imports, followed through its own chunks. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The bare packages (not `node:` built-ins) reached by static `import … from` lines; `import()` is not followed. */
export function staticPackages(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(/^import\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) visit(join(dirname(file), spec));
      else if (!spec.startsWith('node:')) bare.add(spec);
    }
  };
  visit(entry);
  return bare;
}
