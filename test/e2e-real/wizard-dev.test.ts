// The wizard's dev install on a real node, Helm 3 and Helm 4: real app, PostgreSQL
// and Valkey containers as the chart renders them; the migration Job on the real
// database; helm test through the Service's DNS name; the printed URL answered by
// the pod; the container's runtime security as kubelet and runc applied it; an
// upgrade that rolls the app and keeps the data; port-forward across a pod's death.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createNamespace,
  deleteNamespace,
  type HelmMajor,
  httpGet,
  isReady,
  kubectlOk,
  listPods,
  type Pod,
  waitFor,
} from '../e2e/helpers/index.js';
import { cli, deployedValues, execIn, history, requireRealNode, spawnCli } from './helpers.js';

const APP = 'app.kubernetes.io/instance=flask-app,app.kubernetes.io/name=flask-app';

async function postJson(url: string, body: unknown): Promise<{ status: number; body: string }> {
  const r = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  return { status: r.status, body: await r.text() };
}

/** psql inside the PostgreSQL pod, over its local socket, as the chart's user and database. */
function psql(ns: string, sql: string) {
  return execIn(ns, 'flask-app-postgresql-0', [
    'sh',
    '-c',
    'exec psql -X -q -t -A -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "$0"',
    sql,
  ]);
}

const forwarding = /● forwarding (http:\/\/127\.0\.0\.1:\d+)/g;

beforeAll(() => {
  requireRealNode();
});

// A deleted pod stays listed (and can stay Ready) while its preStop delay runs: the
// pods that serve are the ones not being deleted.
const serving = (p: Pod) => p.metadata.deletionTimestamp === undefined;

describe.each([3, 4] as const)('dev install on the real node, Helm %i', (major: HelmMajor) => {
  let ns = '';
  let cwd = '';

  beforeAll(async () => {
    ns = await createNamespace(`real-dev-h${major}`);
    cwd = mkdtempSync(path.join(tmpdir(), `fhw-real-h${major}-`));
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('install -e dev --yes: app, PostgreSQL and Valkey Ready for real; helm test passes; /health checked', async () => {
    const r = await cli(major, cwd, ['install', '-e', 'dev', '-n', ns, '--yes']);
    expect(r.exitCode, r.out).toBe(0);
    expect(r.out).toContain('✔ helm test');
    expect(r.out).toMatch(/http:\/\/127\.0\.0\.1:\d+ answers \/health/);
    expect((await history(major, ns)).pop()).toMatchObject({ revision: 1, status: 'deployed' });
    const pods = await listPods(ns);
    const running = pods.filter((p) => p.status.phase === 'Running');
    for (const name of ['flask-app', 'postgresql', 'redis']) {
      const pod = running.find((p) => p.metadata.labels?.['app.kubernetes.io/name'] === name);
      expect(pod, `${name} pod in ${pods.map((p) => p.metadata.name).join(', ')}`).toBeDefined();
      expect(isReady(pod as Pod), `${name} Ready`).toBe(true);
      // Started by the real kubelet: a container ID from containerd, not kwok's.
      expect(pod?.status.containerStatuses?.[0]).toMatchObject({ ready: true });
      expect(JSON.stringify(pod?.status.containerStatuses)).toContain('containerd://');
    }
  });

  it('the migration Job ran against the real PostgreSQL: its table and revision exist', async () => {
    const tables = await psql(ns, "select tablename from pg_tables where schemaname = 'public' order by 1");
    expect(tables.exitCode, tables.out).toBe(0);
    expect(tables.out.split('\n')).toEqual(expect.arrayContaining(['alembic_version', 'prediction_log']));
    const revision = await psql(ns, 'select version_num from alembic_version');
    expect(revision.out.trim()).toMatch(/^0001/);
  });

  it('the app container runs as the chart says: uid ≥ 10000, / not writable, /tmp writable, no capabilities', async () => {
    const id = await execIn(ns, 'deploy/flask-app', ['id', '-u']);
    expect(id.exitCode, id.out).toBe(0);
    expect(Number(id.out.trim())).toBeGreaterThanOrEqual(10000);
    const root = await execIn(ns, 'deploy/flask-app', ['sh', '-c', 'echo x > /written-by-test']);
    expect(root.exitCode).not.toBe(0);
    expect(root.out).toMatch(/Permission denied|Read-only file system/);
    const tmp = await execIn(ns, 'deploy/flask-app', ['sh', '-c', 'echo x > /tmp/written && cat /tmp/written']);
    expect(tmp.exitCode, tmp.out).toBe(0);
    expect(tmp.out.trim()).toBe('x');
    const caps = await execIn(ns, 'deploy/flask-app', [
      'sh',
      '-c',
      'grep -E "^(CapEff|CapPrm|NoNewPrivs)" /proc/1/status',
    ]);
    expect(caps.out).toMatch(/CapEff:\s+0000000000000000/);
    expect(caps.out).toMatch(/CapPrm:\s+0000000000000000/);
    expect(caps.out).toMatch(/NoNewPrivs:\s+1/);
  });

  it('the printed URL is answered by the pod: /health 200, /ready 200 with database and Redis, /predict predicts', async () => {
    const pf = spawnCli(major, cwd, ['port-forward', '-n', ns, '--yes']);
    try {
      const url = await waitFor('the forward', async () => [...pf.output().matchAll(forwarding)][0]?.[1], {
        timeoutMs: 60_000,
      });
      expect((await httpGet(`${url}/health`)).status).toBe(200);
      const ready = await httpGet(`${url}/ready`);
      expect(ready.status, ready.body).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'ready' });
      expect(ready.body).toMatch(/database/);
      expect(ready.body).toMatch(/redis/);
      const p = await postJson(`${url}/predict`, { features: [5.1, 3.5, 1.4, 0.2] });
      expect(p.status, p.body).toBe(200);
      const prediction = JSON.parse(p.body) as Record<string, unknown>;
      expect(prediction).toHaveProperty('cached', false);
      expect(Object.keys(prediction).length).toBeGreaterThan(1);
      // The prediction was logged in the real database.
      const logged = await psql(ns, 'select count(*) from prediction_log');
      expect(Number(logged.out.trim())).toBeGreaterThan(0);
    } finally {
      pf.child.kill('SIGINT');
      await pf.child;
    }
  });

  it('an upgrade that changes a value rolls the app pods and leaves PostgreSQL data in place', async () => {
    const marker = `kept-${major}-${Date.now()}`;
    expect(
      (await psql(ns, `create table upgrade_marker (v text); insert into upgrade_marker values ('${marker}')`))
        .exitCode,
    ).toBe(0);
    const appBefore = (await listPods(ns, APP)).map((p) => p.metadata.uid);
    const pgBefore = (await listPods(ns, 'app.kubernetes.io/name=postgresql')).map((p) => p.metadata.uid);
    const r = await cli(major, cwd, ['upgrade', '-e', 'dev', '-n', ns, '--yes', '--set', 'flask.logLevel=INFO']);
    expect(r.exitCode, r.out).toBe(0);
    expect((await history(major, ns)).pop()).toMatchObject({ revision: 2, status: 'deployed' });
    const appAfter = (await listPods(ns, APP)).filter(serving);
    expect(appAfter.length).toBeGreaterThan(0);
    expect(appAfter.every(isReady)).toBe(true);
    expect(appAfter.map((p) => p.metadata.uid).filter((u) => appBefore.includes(u))).toEqual([]);
    expect((await listPods(ns, 'app.kubernetes.io/name=postgresql')).map((p) => p.metadata.uid)).toEqual(pgBefore);
    expect((await psql(ns, 'select v from upgrade_marker')).out.trim()).toBe(marker);
    // The data is on the volume, not in the container: it survives the pod too.
    await kubectlOk(['delete', 'pod', 'flask-app-postgresql-0', '-n', ns, '--wait=true']);
    await waitFor(
      'PostgreSQL back',
      async () => {
        const r2 = await psql(ns, 'select v from upgrade_marker');
        return r2.exitCode === 0 ? r2.out.trim() : undefined;
      },
      { timeoutMs: 120_000, intervalMs: 1000 },
    ).then((v) => expect(v).toBe(marker));
    expect((await deployedValues(major, ns)).flask).toMatchObject({ logLevel: 'INFO' });
  });

  it('port-forward survives deleting the pod: a real replacement with a new IP answers /health', async () => {
    const pf = spawnCli(major, cwd, ['port-forward', '-n', ns, '--yes']);
    try {
      const url = await waitFor('the first forward', async () => [...pf.output().matchAll(forwarding)][0]?.[1], {
        timeoutMs: 60_000,
      });
      expect((await httpGet(`${url}/health`)).status).toBe(200);
      const [old] = (await listPods(ns, APP)).filter(serving);
      await kubectlOk(['delete', 'pod', '-n', ns, '-l', APP, '--wait=false']);
      await waitFor('a reconnect', async () => ([...pf.output().matchAll(forwarding)].length >= 2 ? true : undefined), {
        timeoutMs: 120_000,
      });
      const again = [...pf.output().matchAll(forwarding)].pop()?.[1];
      expect((await httpGet(`${again}/health`)).status).toBe(200);
      const now = (await listPods(ns, APP)).filter((p) => serving(p) && isReady(p));
      expect(now.length).toBeGreaterThan(0);
      expect(now.map((p) => p.metadata.uid)).not.toContain(old?.metadata.uid);
      expect(now.map((p) => p.status.podIP)).not.toContain(old?.status.podIP);
    } finally {
      pf.child.kill('SIGINT');
      await pf.child;
    }
  });
});
