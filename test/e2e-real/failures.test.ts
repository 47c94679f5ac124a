// Five real failures on a real node, Helm 3 and Helm 4: each upgrade is caught,
// rolled back (exit 3, the previous values deployed, the override file as it was)
// and explained with its real cause and the failing container's last log lines.
// Nothing is simulated: the kubelet really fails to pull, really backs off a crashing
// uWSGI, the kernel really OOM-kills, PostgreSQL really refuses the password, and
// alembic really fails in the migration Job.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyYaml, createNamespace, deleteNamespace, type HelmMajor } from '../e2e/helpers/index.js';
import { FAILURES, SECRETS } from './failures.js';
import { cli, deployedValues, history, requireRealNode } from './helpers.js';

beforeAll(() => {
  requireRealNode();
});

describe.each([3, 4] as const)('real failures rolled back, Helm %i', (major: HelmMajor) => {
  let ns = '';
  let cwd = '';
  const valuesFile = () => path.join(cwd, `flask-app.${ns}.values.yaml`);

  beforeAll(async () => {
    ns = await createNamespace(`real-fail-h${major}`);
    cwd = mkdtempSync(path.join(tmpdir(), `fhw-real-fail-h${major}-`));
    await applyYaml(ns, SECRETS);
    const r = await cli(major, cwd, ['install', '-e', 'dev', '-n', ns, '--yes', '--no-verify']);
    expect(r.exitCode, r.out).toBe(0);
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it.each(FAILURES)('$kind: exit 3, explained, previous values deployed, override file restored', async (f) => {
    const before = readFileSync(valuesFile(), 'utf8');
    const top = (await history(major, ns)).pop()?.revision ?? 0;
    const r = await cli(major, cwd, ['upgrade', '-e', 'dev', '-n', ns, '--yes', ...f.args]);
    expect(r.exitCode, r.out).toBe(3);
    expect(r.out).toMatch(f.reason);
    expect(r.out).toMatch(f.cause);
    expect(r.out).toMatch(/evidence: /);
    const revs = await history(major, ns);
    const last = revs[revs.length - 1];
    expect(last?.status).toBe('deployed');
    expect(last?.revision).toBeGreaterThan(top);
    expect(revs.some((x) => x.status.startsWith('pending-'))).toBe(false);
    expect(JSON.stringify(await deployedValues(major, ns))).not.toContain(f.badValue);
    expect(readFileSync(valuesFile(), 'utf8')).toBe(before);
    console.log(`[rollback] helm ${major} ${f.kind}: ${(r.ms / 1000).toFixed(1)} s`);
  });
});
