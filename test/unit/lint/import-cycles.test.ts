// The import-cycle check (scripts/lint/import-cycles.mjs) on trees made for the purpose,
// then on src/ itself, which must have none.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../../../scripts/lint/import-cycles.mjs';

const ROOT = join(import.meta.dirname, '../../..');
const trees: string[] = [];

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'fhw-cycles-'));
  trees.push(dir);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function cyclesIn(dir: string): string[][] {
  return findCycles(importGraph([dir])).map((c) => c.map((f) => relative(dir, f)));
}

afterEach(() => {
  for (const d of trees.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('import-cycle check', () => {
  it('reports a cycle made only of type imports', () => {
    const dir = tree({
      'a.ts': "import type { B } from './b.js';\nexport type A = { b?: B };\n",
      'b.ts': "import type { A } from './a.js';\nexport type B = { a?: A };\n",
    });
    expect(cyclesIn(dir)).toEqual([['a.ts', 'b.ts']]);
  });

  it('reports a cycle closed by a lazy import() or a re-export, across folders and .tsx', () => {
    const dir = tree({
      'cli/output.ts': "export async function f() { return (await import('../ui/mount.js')).g; }\n",
      'ui/mount.tsx': "export { f as g } from '../cli/output.js';\n",
      'domain/leaf.ts': 'export const x = 1;\n',
    });
    expect(cyclesIn(dir)).toEqual([['cli/output.ts', 'ui/mount.tsx']]);
  });

  it('finds nothing in a tree that only imports downhill', () => {
    const dir = tree({
      'a.ts': "import { b } from './b.js';\nexport const a = b;\n",
      'b.ts': "import { c } from './c.js';\nexport const b = c;\n",
      'c.ts': "import { readFileSync } from 'node:fs';\nexport const c = readFileSync;\n",
    });
    expect(cyclesIn(dir)).toEqual([]);
  });

  it('src/ has no import cycle', () => {
    const graph = importGraph([join(ROOT, 'src')]);
    expect(graph.size).toBeGreaterThan(100);
    expect(findCycles(graph)).toEqual([]);
  });
});
