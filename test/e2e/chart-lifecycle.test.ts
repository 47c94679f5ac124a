import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHART_DIR,
  createNamespace,
  deleteNamespace,
  describeFailure,
  HELM_MAJORS,
  type HelmMajor,
  helm,
  helmOk,
  httpGet,
  isReady,
  kubectlJson,
  listPods,
  namespaceContents,
  portForward,
  requireCluster,
  rollbackOnFailureFlag,
  valuesArgs,
  waitFor,
  waitForPods,
  waitingReason,
} from './helpers/index.js';

// The plain chart lifecycle with helm itself, on a real API server, before the
// wizard drives it: install dev (PostgreSQL + Valkey subcharts), helm test, a
// rolling upgrade, a failed upgrade that rolls itself back, uninstall.
// Tests in a block run in order and share one release.

// progressDeadlineSeconds stays above --timeout here, so Helm 3 and Helm 4 both fail
// the crashloop upgrade on their own timeout; the deadline case is tested apart below.
const OVERRIDE = { progressDeadlineSeconds: 120 };

interface Deployment {
  spec: { template: { metadata: { annotations?: Record<string, string> } } };
  status: { readyReplicas?: number; replicas?: number; updatedReplicas?: number };
}

describe.each(HELM_MAJORS)('flask-app lifecycle on Helm %i', (major: HelmMajor) => {
  requireCluster();
  const release = `flask-app-h${major}`;
  const app = `app.kubernetes.io/name=flask-app,app.kubernetes.io/instance=${release}`;
  let ns = '';
  beforeAll(async () => {
    ns = await createNamespace(`lifecycle-h${major}`);
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  const upgrade = (set: Record<string, string> = {}, extra: string[] = ['--wait', '--timeout', '2m']) =>
    helm(major, ['upgrade', '--install', release, CHART_DIR, '-n', ns, ...valuesArgs('dev', OVERRIDE, set), ...extra]);
  const deployment = () => kubectlJson<Deployment>(['get', 'deployment', release, '-n', ns]);
  /** name@uid of the subcharts' pods: a restart changes the uid. */
  const databasePods = async () =>
    (await listPods(ns, `app.kubernetes.io/instance=${release}`))
      .filter((p) => /-(postgresql|redis)-0$/.test(p.metadata.name))
      .map((p) => `${p.metadata.name}@${p.metadata.uid}`)
      .sort();
  const podNames = async (selector: string) => (await listPods(ns, selector)).map((p) => p.metadata.name).sort();

  it('installs dev with the PostgreSQL and Valkey subcharts, every pod Ready', async () => {
    const res = await upgrade();
    expect(res.exitCode, describeFailure(res)).toBe(0);
    const pods = await listPods(ns, `app.kubernetes.io/instance=${release}`);
    const ready = pods.filter(isReady).map((p) => p.metadata.name);
    expect(ready).toEqual(
      expect.arrayContaining([`${release}-postgresql-0`, `${release}-redis-0`, expect.stringMatching(release)]),
    );
    const pvcs = await kubectlJson<{ items: { metadata: { name: string }; status: { phase: string } }[] }>([
      'get',
      'pvc',
      '-n',
      ns,
    ]);
    expect(pvcs.items.map((c) => [c.metadata.name, c.status.phase])).toContainEqual([
      `data-${release}-postgresql-0`,
      'Bound',
    ]);
  });

  it('passes helm test', async () => {
    const res = await helmOk(major, ['test', release, '-n', ns, '--timeout', '60s']);
    expect(res.stdout).toMatch(/Phase:\s+Succeeded/);
  });

  it('serves /health through kubectl port-forward to the Service', async () => {
    const fwd = await portForward(ns, `svc/${release}`, 80);
    try {
      const res = await httpGet(`${fwd.baseUrl}/health`);
      expect(res.status).toBe(200);
    } finally {
      await fwd.close();
    }
  });

  let dbPodsBeforeUpgrade: string[] = [];
  let dbPodsAfterUpgrade: string[] = [];
  it('rolls the app pods when a value changes (checksum annotation)', async () => {
    const before = await deployment();
    const oldPods = await podNames(app);
    dbPodsBeforeUpgrade = await databasePods();
    const res = await upgrade({ 'flask.logLevel': 'WARNING' });
    expect(res.exitCode, describeFailure(res)).toBe(0);
    const after = await deployment();
    const checksum = (d: Deployment) => d.spec.template.metadata.annotations?.['checksum/config'];
    expect(checksum(after)).toBeDefined();
    expect(checksum(after)).not.toBe(checksum(before));
    const newPods = await waitForPods(ns, app, 'replaced and Ready', isReady, { timeoutMs: 10_000 });
    expect(newPods.map((p) => p.metadata.name).filter((n) => oldPods.includes(n))).toEqual([]);
    dbPodsAfterUpgrade = await databasePods();
  });

  it('leaves PostgreSQL and Valkey running through an app-only upgrade', () => {
    expect(dbPodsBeforeUpgrade).toHaveLength(2);
    expect(dbPodsAfterUpgrade).toEqual(dbPodsBeforeUpgrade);
  });

  it('fails helm test when the test pod fails (e2e/fail=test-fails)', async () => {
    const res = await upgrade({ 'tests.podAnnotations.e2e/fail': 'test-fails' });
    expect(res.exitCode, describeFailure(res)).toBe(0);
    const test = await helm(major, ['test', release, '-n', ns, '--timeout', '60s']);
    expect(test.exitCode).not.toBe(0);
    expect(`${test.stdout}\n${test.stderr}`).toMatch(/failed|Failed/);
    // Back to passing: the next run replaces the failed pod (before-hook-creation) and
    // removes its own on success, so uninstall below has no test pod to leave behind.
    const back = await upgrade();
    expect(back.exitCode, describeFailure(back)).toBe(0);
    await helmOk(major, ['test', release, '-n', ns, '--timeout', '60s']);
  });

  it(`rolls back a crashlooping upgrade (${rollbackOnFailureFlag(major)} --timeout 30s)`, async () => {
    const revisionBefore = await history();
    const res = await upgrade({ 'podAnnotations.e2e/fail': 'crashloop' }, [
      rollbackOnFailureFlag(major),
      '--timeout',
      '30s',
    ]);
    expect(res.exitCode).not.toBe(0);
    expect(res.stderr).toMatch(/rolled back/);
    const revisions = await history();
    const last = revisions.at(-1);
    expect(last?.status).toBe('deployed');
    expect(last?.description).toBe(`Rollback to ${revisionBefore.at(-1)?.revision}`);
    expect(revisions.at(-2)?.status).toBe('failed');
    const d = await deployment();
    expect(d.spec.template.metadata.annotations?.['e2e/fail']).toBeUndefined();
    // The crashlooping pods go; the previous ones serve on.
    await waitForPods(ns, app, 'back to Ready, none crashlooping', (p) => isReady(p) && !waitingReason(p), {
      timeoutMs: 15_000,
    });
  });

  it('uninstalls leaving nothing but the StatefulSet PVCs', async () => {
    await helmOk(major, ['uninstall', release, '-n', ns, '--wait', '--timeout', '60s']);
    const left = await waitFor(
      'only PVCs left',
      async () => {
        const contents = await namespaceContents(ns);
        return contents.every((o) => o.startsWith('persistentvolumeclaim/')) ? contents : undefined;
      },
      { timeoutMs: 20_000 },
    );
    expect(left).toEqual([`persistentvolumeclaim/data-${release}-postgresql-0`]);
  });

  interface Revision {
    revision: number;
    status: string;
    description: string;
  }
  async function history(): Promise<Revision[]> {
    const res = await helmOk(major, ['history', release, '-n', ns, '-o', 'json']);
    return JSON.parse(res.stdout) as Revision[];
  }
});

// Helm 4's kstatus wait ends a crashlooping upgrade as soon as the Deployment reports
// ProgressDeadlineExceeded, long before --timeout. The rollback it then applies is real,
// but its own wait can see the stale ProgressDeadlineExceeded condition before the
// Deployment controller clears it, and then helm reports the rollback as failed too.
// What holds either way: helm exits non-zero early and the cluster is back on the old spec.
describe('Helm 4 --rollback-on-failure after a progress deadline', () => {
  requireCluster();
  const release = 'flask-app-deadline';
  const app = `app.kubernetes.io/name=flask-app,app.kubernetes.io/instance=${release}`;
  const lean = { progressDeadlineSeconds: 10, postgresql: { enabled: false }, redis: { enabled: false } };
  let ns = '';
  beforeAll(async () => {
    ns = await createNamespace('deadline-h4');
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('fails fast on the deadline and leaves the previous pods serving', async () => {
    const base = ['upgrade', '--install', release, CHART_DIR, '-n', ns];
    await helmOk(4, [...base, ...valuesArgs('dev', lean), '--wait', '--timeout', '2m']);
    const res = await helm(4, [
      ...base,
      ...valuesArgs('dev', lean, { 'podAnnotations.e2e/fail': 'crashloop' }),
      '--rollback-on-failure',
      '--timeout',
      '90s',
    ]);
    expect(res.exitCode).not.toBe(0);
    expect(res.stderr).toContain('Progress deadline exceeded');
    expect(res.durationMs).toBeLessThan(60_000);
    const d = await kubectlJson<Deployment>(['get', 'deployment', release, '-n', ns]);
    expect(d.spec.template.metadata.annotations?.['e2e/fail']).toBeUndefined();
    await waitForPods(ns, app, 'Ready, none crashlooping', (p) => isReady(p) && !waitingReason(p), {
      timeoutMs: 15_000,
    });
  });
});
