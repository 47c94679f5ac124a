// The chart README's parameter tables are generated from the `## @param`
// comments in values.yaml; this fails when someone changed one without the other.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { CHART, ROOT, run } from './helm.js';

const GENERATOR = path.join(ROOT, 'node_modules', '@bitnami', 'readme-generator-for-helm', 'bin', 'index.js');

it('README.md is what readme-generator makes of values.yaml (run it to update)', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'fhw-readme-'));
  const readme = path.join(dir, 'README.md');
  copyFileSync(path.join(CHART, 'README.md'), readme);
  const result = await run(process.execPath, [
    GENERATOR,
    '--values',
    path.join(CHART, 'values.yaml'),
    '--readme',
    readme,
  ]);
  expect(result.code, result.stdout + result.stderr).toBe(0);
  const committed = readFileSync(path.join(CHART, 'README.md'), 'utf8');
  expect(
    readFileSync(readme, 'utf8'),
    'run: npx readme-generator --values flask-app/values.yaml --readme flask-app/README.md',
  ).toBe(committed);
  expect(committed).toContain('| `podAnnotations`');
});
