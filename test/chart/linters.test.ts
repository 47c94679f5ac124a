// kube-score and checkov on the production render, with the documented
// exceptions from flask-app/ci/lint-exceptions.yaml and nothing else.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHART, MAJORS, ROOT, run, templateArgs, templateRaw } from './helm.js';

interface Exception {
  id: string;
  checks: string[];
  kinds: string[];
  reason: string;
}

interface ExceptionsFile {
  kubeScore: { enableOptionalTests: string[]; exceptions: Exception[] };
  checkov: { exceptions: Exception[] };
}

const exceptions = parse(readFileSync(path.join(CHART, 'ci', 'lint-exceptions.yaml'), 'utf8')) as ExceptionsFile;
const BIN = path.join(ROOT, '.cache', 'bin');
const PROD = { env: 'prod', namespace: 'flask-app-prod', release: 'flask-app' } as const;
// A cold machine builds kube-score with `go install` and pip-installs checkov.
const INSTALL_TIMEOUT_MS = 20 * 60 * 1000;

function excepted(list: Exception[], check: string, kind: string): boolean {
  return list.some((e) => e.checks.includes(check) && e.kinds.includes(kind));
}

interface KubeScoreObject {
  object_name: string;
  type_meta: { kind: string };
  checks: { check: { id: string }; grade: number; skipped: boolean; comments: { summary: string }[] | null }[];
}

interface CheckovReport {
  results?: { failed_checks?: { check_id: string; resource: string }[] };
}

beforeAll(async () => {
  const result = await run('bash', [path.join(ROOT, 'scripts', 'tools', 'lint-tools.sh'), '--quiet']);
  if (result.code !== 0) throw new Error(`scripts/tools/lint-tools.sh failed:\n${result.stderr}`);
}, INSTALL_TIMEOUT_MS);

describe('lint-exceptions.yaml', () => {
  it('lists at most three exceptions, each with a reason and a scope', () => {
    const all = [...exceptions.kubeScore.exceptions, ...exceptions.checkov.exceptions];
    expect(all.length).toBeLessThanOrEqual(3);
    for (const e of all) {
      expect(e.reason.length, e.id).toBeGreaterThan(40);
      expect(e.checks.length, e.id).toBeGreaterThan(0);
      expect(e.kinds.length, e.id).toBeGreaterThan(0);
    }
  });
});

async function lintFile(manifest: string): Promise<string> {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'fhw-lint-')), 'manifest.yaml');
  writeFileSync(file, manifest);
  return file;
}

describe('the linters are live', () => {
  it('both flag a production render with a writable root filesystem', async () => {
    const result = await templateRaw('helm4', { ...PROD, set: { 'securityContext.readOnlyRootFilesystem': 'false' } });
    const file = await lintFile(result.stdout);
    const score = await run(path.join(BIN, 'kube-score'), ['score', '-o', 'ci', file]);
    expect(score.stdout).toContain(
      '[CRITICAL] flask-app/flask-app-prod apps/v1/Deployment: (flask-app) The pod has a container with a writable root filesystem',
    );
    const checkov = await run(path.join(BIN, 'checkov'), [
      '-f',
      file,
      '--framework',
      'kubernetes',
      '--quiet',
      '--compact',
      '--skip-download',
    ]);
    expect(checkov.stdout).toContain('CKV_K8S_22');
  });
});

describe.each(MAJORS)('%s prod render', (major) => {
  let file = '';

  beforeAll(async () => {
    const result = await templateRaw(major, PROD);
    if (result.code !== 0) throw new Error(`helm ${templateArgs(PROD).join(' ')} failed: ${result.stderr}`);
    file = await lintFile(result.stdout);
  });

  it('passes kube-score with zero findings', async () => {
    const optional = exceptions.kubeScore.enableOptionalTests.flatMap((t) => ['--enable-optional-test', t]);
    const result = await run(path.join(BIN, 'kube-score'), ['score', '-o', 'json', ...optional, file]);
    const objects = JSON.parse(result.stdout) as KubeScoreObject[];
    expect(objects.length).toBeGreaterThan(5);
    const findings = objects.flatMap((o) =>
      o.checks
        .filter((c) => !c.skipped && c.grade < 10)
        .filter((c) => !excepted(exceptions.kubeScore.exceptions, c.check.id, o.type_meta.kind))
        .map(
          (c) => `${o.type_meta.kind}/${o.object_name} ${c.check.id}: ${c.comments?.map((m) => m.summary).join('; ')}`,
        ),
    );
    expect(findings).toEqual([]);
  });

  it('passes checkov with only the documented exceptions', async () => {
    const result = await run(path.join(BIN, 'checkov'), [
      '-f',
      file,
      '--framework',
      'kubernetes',
      '-o',
      'json',
      '--quiet',
      '--skip-download',
    ]);
    const report = JSON.parse(result.stdout) as CheckovReport | CheckovReport[];
    const reports = Array.isArray(report) ? report : [report];
    const failed = reports.flatMap((r) => r.results?.failed_checks ?? []);
    const findings = failed
      .filter((f) => !excepted(exceptions.checkov.exceptions, f.check_id, f.resource.split('.')[0] ?? ''))
      .map((f) => `${f.resource} ${f.check_id}`);
    expect(findings).toEqual([]);
    // Every exception still matches something: a stale one would hide nothing and mislead.
    for (const e of exceptions.checkov.exceptions) {
      expect(
        failed.some((f) => e.checks.includes(f.check_id)),
        e.id,
      ).toBe(true);
    }
  });
});
