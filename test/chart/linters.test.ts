// kube-score and checkov on every render a user starts from (the default
// values, dev with its subcharts, staging, prod), with the documented
// exceptions from flask-app/ci/lint-exceptions.yaml and nothing else: the same
// exceptions for every render.
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
const RENDERS = [
  { name: 'default', opts: { namespace: 'flask-app', release: 'flask-app' } },
  { name: 'dev', opts: { env: 'dev', namespace: 'flask-app-dev', release: 'flask-app' } },
  { name: 'staging', opts: { env: 'staging', namespace: 'flask-app-staging', release: 'flask-app' } },
  { name: 'prod', opts: PROD },
] as const;
// Checks each exception matched, over every render and both majors: an
// exception that matches nothing anywhere is stale and must go.
const matched = new Set<string>();
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

const CASES = MAJORS.flatMap((major) => RENDERS.map((r) => ({ major, ...r })));

describe.each(CASES)('$major $name render', ({ major, opts }) => {
  let file = '';

  beforeAll(async () => {
    const result = await templateRaw(major, opts);
    if (result.code !== 0) throw new Error(`helm ${templateArgs(opts).join(' ')} failed: ${result.stderr}`);
    file = await lintFile(result.stdout);
  });

  it('passes kube-score with zero findings (critical or warning) beyond the exceptions', async () => {
    const optional = exceptions.kubeScore.enableOptionalTests.flatMap((t) => ['--enable-optional-test', t]);
    const result = await run(path.join(BIN, 'kube-score'), ['score', '-o', 'json', ...optional, file]);
    const objects = JSON.parse(result.stdout) as KubeScoreObject[];
    expect(objects.length).toBeGreaterThanOrEqual(5);
    const failing = objects.flatMap((o) => o.checks.filter((c) => !c.skipped && c.grade < 10).map((c) => ({ o, c })));
    for (const { o, c } of failing) {
      for (const e of exceptions.kubeScore.exceptions) {
        if (excepted([e], c.check.id, o.type_meta.kind)) matched.add(e.id);
      }
    }
    const findings = failing
      .filter(({ o, c }) => !excepted(exceptions.kubeScore.exceptions, c.check.id, o.type_meta.kind))
      .map(
        ({ o, c }) =>
          `${o.type_meta.kind}/${o.object_name} ${c.check.id}: ${c.comments?.map((m) => m.summary).join('; ')}`,
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
    for (const e of exceptions.checkov.exceptions) {
      if (failed.some((f) => excepted([e], f.check_id, f.resource.split('.')[0] ?? ''))) matched.add(e.id);
    }
    const findings = failed
      .filter((f) => !excepted(exceptions.checkov.exceptions, f.check_id, f.resource.split('.')[0] ?? ''))
      .map((f) => `${f.resource} ${f.check_id}`);
    expect(findings).toEqual([]);
  });
});

describe('every exception', () => {
  it('still matches a finding in some render (a stale one would hide nothing and mislead)', () => {
    const all = [...exceptions.kubeScore.exceptions, ...exceptions.checkov.exceptions].map((e) => e.id);
    // Runs after the render suites above (vitest runs describe blocks in order).
    expect(all.filter((id) => !matched.has(id))).toEqual([]);
  });
});
