import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

// scripts/gitops-export.mjs, the runnable entry until the CLI wiring lands.
const SCRIPT = join(process.cwd(), 'scripts', 'gitops-export.mjs');
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'fhw-gitops-script-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function runScript(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [SCRIPT, ...args], (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('scripts/gitops-export.mjs', () => {
  it('writes the prod Flux folder from the chart and an override file, then re-exports unchanged', async () => {
    const override = join(dir, 'web.prod-flask-app.values.yaml');
    await writeFile(override, 'replicaCount: 4\n');
    const out = join(dir, 'deploy', 'prod');
    const args = [
      '--gitops',
      'flux',
      '-e',
      'prod',
      '-n',
      'prod-flask-app',
      '--release',
      'web',
      '--override',
      override,
      '--output-dir',
      out,
      '--git-url',
      'https://git.example.com/team/app.git',
      '--git-path',
      'deploy/prod',
      '--chart-ref',
      'oci://registry.example.com/charts/flask-app',
      '--chart-version',
      '0.1.0',
      '--existing-secret',
      'web-db',
    ];
    const first = await runScript(args);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`wrote ${join(out, 'helmrelease.yaml')}`);
    expect(await readFile(join(out, 'values-prod.yaml'), 'utf8')).toBe(
      await readFile(join(process.cwd(), 'flask-app', 'values-prod.yaml'), 'utf8'),
    );
    const hr = parseDocument(await readFile(join(out, 'helmrelease.yaml'), 'utf8')).toJS();
    expect(hr.spec.targetNamespace).toBe('prod-flask-app');
    const again = await runScript(args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).not.toContain('wrote');
  }, 60_000);

  it('exits 2 with a message and a hint on bad input', async () => {
    const override = join(dir, 'o.yaml');
    await writeFile(override, '{}\n');
    const res = await runScript([
      ...['--gitops', 'flux', '-e', 'dev', '-n', 'Bad_NS', '--override', override],
      ...['--output-dir', join(dir, 'out'), '--git-url', 'https://x/y.git', '--chart-path', 'flask-app'],
    ]);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('"Bad_NS" is not a namespace name');
    expect(res.stderr).toMatch(/^hint: namespace: /m);
  }, 60_000);
});
