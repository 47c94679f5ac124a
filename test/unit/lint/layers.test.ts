// The floors of src/ and what each may import are biome rules (biome.json, overrides with
// noRestrictedImports). This runs the real biome with the project's own biome.json over a
// small tree of one-line modules: every uphill import must be reported, every allowed
// one must not. The tree lives in a temporary folder so src/ itself never holds a
// deliberately wrong file.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');
const BIOME = join(ROOT, 'node_modules/.bin/biome');

/** [importing file, specifier] → whether biome must refuse it. */
const CASES: Array<{ from: string; to: string; refused: boolean }> = [
  { from: 'src/kube/uphill.ts', to: '../pipelines/install.js', refused: true },
  { from: 'src/kube/helm/uphill.ts', to: '../../pipelines/install.js', refused: true },
  { from: 'src/kube/to-ui.ts', to: '../ui/mode.js', refused: true },
  { from: 'src/kube/to-rollout.ts', to: '../rollout/events.js', refused: true },
  { from: 'src/rollout/to-pipelines.ts', to: '../pipelines/install.js', refused: true },
  { from: 'src/rollout/to-cli.ts', to: '../cli/main.js', refused: true },
  { from: 'src/domain/to-kube.ts', to: '../kube/runner.js', refused: true },
  { from: 'src/domain/to-values.ts', to: '../values/io.js', refused: true },
  { from: 'src/values/to-kube.ts', to: '../kube/runner.js', refused: true },
  { from: 'src/pipelines/to-ui.ts', to: '../ui/run/open-run.js', refused: true },
  { from: 'src/pipelines/to-cli.ts', to: '../cli/context.js', refused: true },
  { from: 'src/ui/run/to-cli.ts', to: '../../cli/context.js', refused: true },
  { from: 'src/ui/screens/to-pipelines.ts', to: '../../pipelines/install.js', refused: true },
  { from: 'src/ui/components/to-wizard.ts', to: '../wizard/steps.js', refused: true },
  { from: 'src/ui/components/select/to-screens.ts', to: '../../screens/review.js', refused: true },
  { from: 'src/ui/wizard/to-screens.ts', to: '../screens/review.js', refused: true },
  // Downhill and sideways imports stay allowed.
  { from: 'src/kube/ok.ts', to: '../domain/answers.js', refused: false },
  { from: 'src/kube/helm/ok.ts', to: '../runner.js', refused: false },
  { from: 'src/rollout/ok.ts', to: '../kube/k8s-types.js', refused: false },
  { from: 'src/pipelines/ok.ts', to: '../rollout/events.js', refused: false },
  { from: 'src/pipelines/ok-values.ts', to: '../values/backup.js', refused: false },
  { from: 'src/ui/run/ok.ts', to: '../../rollout/events.js', refused: false },
  { from: 'src/ui/screens/ok.ts', to: '../wizard/steps.js', refused: false },
  { from: 'src/ui/screens/ok-components.ts', to: '../components/theme.js', refused: false },
  { from: 'src/cli/ok.ts', to: '../pipelines/install.js', refused: false },
  { from: 'src/cli/ok-ui.ts', to: '../ui/run/open-run.js', refused: false },
];

let tree: string;
let flagged: Set<string>;

beforeAll(() => {
  tree = mkdtempSync(join(tmpdir(), 'fhw-layers-'));
  copyFileSync(join(ROOT, 'biome.json'), join(tree, 'biome.json'));
  for (const c of CASES) {
    mkdirSync(dirname(join(tree, c.from)), { recursive: true });
    writeFileSync(join(tree, c.from), `import type { T } from '${c.to}';\n\nexport type U = T;\n`);
  }
  let out: string;
  try {
    out = execFileSync(BIOME, ['lint', '--reporter=github', '--max-diagnostics=none', 'src'], {
      cwd: tree,
      encoding: 'utf8',
      // Its summary on stderr is for people; the diagnostics come on stdout.
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? '');
  }
  // ::error title=lint/style/noRestrictedImports,file=<tree>/src/kube/uphill.ts,line=1,…
  flagged = new Set(
    [...out.matchAll(/title=lint\/style\/noRestrictedImports,file=([^,]+),/g)].map((m) =>
      relative(realpathSync(tree), realpathSync(m[1] ?? '')),
    ),
  );
});

afterAll(() => rmSync(tree, { recursive: true, force: true }));

describe('layering rules in biome.json', () => {
  it.each(CASES)('$from importing $to: refused=$refused', ({ from, refused }) => {
    expect(flagged.has(from)).toBe(refused);
  });
});
