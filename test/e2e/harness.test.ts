import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  applyYaml,
  createNamespace,
  deleteNamespace,
  forwardPodTo,
  getPod,
  httpGet,
  isReady,
  kubectlJson,
  kubectlOk,
  listPods,
  portForward,
  requireCluster,
  startLocalTarget,
  waitFor,
  waitForPod,
  waitForPods,
  waitingReason,
} from './helpers/index.js';

// Self-checks of the e2e cluster (scripts/e2e/up.sh): every simulated state the
// chart and wizard tests rely on is reached within 5 s, as the harness promises.
const KWOK_STATE_MS = 5_000;

const pod = (name: string, annotations: Record<string, string> = {}, restartPolicy = 'Always') => `
apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  annotations: ${JSON.stringify(annotations)}
spec:
  restartPolicy: ${restartPolicy}
  containers: [{name: app, image: registry.invalid/flask-app:e2e, ports: [{containerPort: 8080, name: http}]}]`;

describe('e2e harness', () => {
  const cluster = requireCluster();
  let ns = '';
  beforeAll(async () => {
    ns = await createNamespace('harness');
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('has Ready, untainted nodes at 127.0.0.1 with fresh lease heartbeats', async () => {
    interface Node {
      spec: { taints?: unknown[] };
      status: { addresses: { type: string; address: string }[]; conditions: { type: string; status: string }[] };
    }
    const nodes = (await kubectlJson<{ items: Node[] }>(['get', 'nodes'])).items;
    expect(nodes.length).toBeGreaterThanOrEqual(1);
    for (const node of nodes) {
      expect(node.status.conditions.find((c) => c.type === 'Ready')?.status).toBe('True');
      expect(node.spec.taints ?? []).toEqual([]);
      expect(node.status.addresses.map((a) => a.address)).toEqual(['127.0.0.1']);
    }
    // Heartbeats: kwok renews every node's Lease, so the node controller keeps them Ready.
    const leases = await kubectlJson<{ items: { metadata: { name: string }; spec: { renewTime: string } }[] }>([
      'get',
      'leases',
      '-n',
      'kube-node-lease',
    ]);
    for (const lease of leases.items) {
      expect(Date.now() - Date.parse(lease.spec.renewTime)).toBeLessThan(60_000);
    }
    expect(leases.items.length).toBe(nodes.length);
    const version = JSON.parse(await kubectlOk(['version', '-o', 'json'])) as { serverVersion: { gitVersion: string } };
    expect(version.serverVersion.gitVersion).toMatch(/^v1\.35\.\d+$/);
  });

  it('runs a Deployment to Ready and removes deleted pods', async () => {
    await applyYaml(
      ns,
      `
apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: registry.invalid/web:1, ports: [{containerPort: 8080}]}]}`,
    );
    const pods = await waitForPods(ns, 'app=web', 'Ready', isReady, { count: 2, timeoutMs: KWOK_STATE_MS });
    const victim = pods[0]?.metadata.name ?? '';
    await kubectlOk(['delete', 'pod', '-n', ns, victim, '--wait=false']);
    await waitFor(
      `pod ${victim} gone`,
      async () => ((await listPods(ns, 'app=web')).some((p) => p.metadata.name === victim) ? undefined : true),
      { timeoutMs: KWOK_STATE_MS },
    );
    await waitForPods(ns, 'app=web', 'Ready again', isReady, { count: 2, timeoutMs: KWOK_STATE_MS });
  });

  it.each([
    ['crashloop', 'CrashLoopBackOff', 'Running'],
    ['image-pull', 'ImagePullBackOff', 'Pending'],
  ])('e2e/fail=%s leaves the pod waiting with %s, never Ready', async (fail, reason, phase) => {
    await applyYaml(ns, pod(`fail-${fail}`, { 'e2e/fail': fail }));
    const p = await waitForPod(ns, `fail-${fail}`, `waiting ${reason}`, (x) => waitingReason(x) === reason, {
      timeoutMs: KWOK_STATE_MS,
    });
    expect(p.status.phase).toBe(phase);
    expect(isReady(p)).toBe(false);
    if (fail === 'crashloop') expect(p.status.containerStatuses?.[0]?.restartCount).toBeGreaterThanOrEqual(3);
  });

  it('e2e/fail=never-ready keeps a running pod not Ready', async () => {
    await applyYaml(ns, pod('fail-never-ready', { 'e2e/fail': 'never-ready' }));
    const p = await waitForPod(ns, 'fail-never-ready', 'Running', (x) => x.status.phase === 'Running', {
      timeoutMs: KWOK_STATE_MS,
    });
    // Still not Ready a moment later: no stage ever flips it.
    await new Promise((r) => setTimeout(r, 1_500));
    const later = await getPod(ns, p.metadata.name);
    expect(isReady(later)).toBe(false);
    expect(later.status.containerStatuses?.[0]?.state?.running).toBeDefined();
    expect(later.status.containerStatuses?.[0]?.ready).toBe(false);
  });

  it('completes Jobs; helm test pods end Succeeded, or Failed with e2e/fail=test-fails', async () => {
    await applyYaml(
      ns,
      `
apiVersion: batch/v1
kind: Job
metadata: {name: migrate}
spec:
  backoffLimit: 0
  template:
    metadata: {annotations: {e2e/fail: test-fails}}
    spec: {restartPolicy: Never, containers: [{name: migrate, image: registry.invalid/flask-app:e2e}]}`,
    );
    const testPod = (name: string, fail?: string) =>
      pod(name, { 'helm.sh/hook': 'test', ...(fail ? { 'e2e/fail': fail } : {}) }, 'Never');
    await applyYaml(ns, testPod('test-passes'));
    await applyYaml(ns, testPod('test-fails', 'test-fails'));
    await waitFor(
      'Job migrate Complete',
      async () => {
        const job = await kubectlJson<{ status: { succeeded?: number } }>(['get', 'job', 'migrate', '-n', ns]);
        return job.status.succeeded === 1 ? true : undefined;
      },
      { timeoutMs: KWOK_STATE_MS },
    );
    await waitForPod(ns, 'test-passes', 'Succeeded', (x) => x.status.phase === 'Succeeded', {
      timeoutMs: KWOK_STATE_MS,
    });
    const failed = await waitForPod(ns, 'test-fails', 'Failed', (x) => x.status.phase === 'Failed', {
      timeoutMs: KWOK_STATE_MS,
    });
    expect(failed.status.containerStatuses?.[0]?.state?.terminated?.exitCode).toBe(1);
  });

  it('binds the claims of a pod and of a StatefulSet through the default StorageClass (WaitForFirstConsumer)', async () => {
    await applyYaml(
      ns,
      `
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: model}
spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 5Gi}}}
---
apiVersion: v1
kind: Pod
metadata: {name: uses-model}
spec:
  containers: [{name: app, image: registry.invalid/flask-app:e2e, volumeMounts: [{name: model, mountPath: /model}]}]
  volumes: [{name: model, persistentVolumeClaim: {claimName: model}}]
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  serviceName: db
  replicas: 1
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec: {containers: [{name: db, image: registry.invalid/postgres:17, volumeMounts: [{name: data, mountPath: /data}]}]}
  volumeClaimTemplates:
  - metadata: {name: data}
    spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 8Gi}}}`,
    );
    const bound = await waitFor(
      'PVCs model and data-db-0 Bound',
      async () => {
        const pvcs = await kubectlJson<{ items: { metadata: { name: string }; status: { phase?: string } }[] }>([
          'get',
          'pvc',
          '-n',
          ns,
        ]);
        const names = pvcs.items.filter((c) => c.status.phase === 'Bound').map((c) => c.metadata.name);
        return names.includes('model') && names.includes('data-db-0') ? names : undefined;
      },
      { timeoutMs: KWOK_STATE_MS },
    );
    expect(bound.sort()).toEqual(['data-db-0', 'model']);
    await waitForPods(ns, 'app=db', 'Ready', isReady, { timeoutMs: KWOK_STATE_MS });
    // A deleted claim's PV goes back to the pool for later tests.
    const pv = (await kubectlJson<{ spec: { volumeName: string } }>(['get', 'pvc', 'model', '-n', ns])).spec.volumeName;
    await kubectlOk(['delete', 'pod', 'uses-model', '-n', ns]);
    await kubectlOk(['delete', 'pvc', 'model', '-n', ns]);
    await waitFor(
      `PV ${pv} Available again`,
      async () => {
        const v = await kubectlJson<{ status: { phase: string } }>(['get', 'pv', pv]);
        return v.status.phase === 'Available' ? true : undefined;
      },
      { timeoutMs: KWOK_STATE_MS },
    );
  });

  it('gives a LoadBalancer Service an address and accepts a ServiceMonitor', async () => {
    await applyYaml(
      ns,
      `
apiVersion: v1
kind: Service
metadata: {name: public, labels: {app: web}}
spec: {type: LoadBalancer, selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080}]}
---
apiVersion: monitoring.coreos.com/v1
kind: ServiceMonitor
metadata: {name: web}
spec:
  selector: {matchLabels: {app: web}}
  endpoints: [{port: http, path: /metrics, interval: 30s}]`,
    );
    const ip = await waitFor(
      'LoadBalancer ingress',
      async () => {
        const svc = await kubectlJson<{ status: { loadBalancer: { ingress?: { ip: string }[] } } }>([
          'get',
          'svc',
          'public',
          '-n',
          ns,
        ]);
        return svc.status.loadBalancer.ingress?.[0]?.ip;
      },
      { timeoutMs: KWOK_STATE_MS },
    );
    expect(ip).toBe('127.0.0.1');
    expect(await kubectlOk(['get', 'servicemonitor', 'web', '-n', ns, '-o', 'name'])).toContain('servicemonitor');
  });

  it('port-forwards a Service to the default target: /health 200, /ready JSON, /metrics text', async () => {
    await applyYaml(
      ns,
      `
apiVersion: v1
kind: Service
metadata: {name: web}
spec: {selector: {app: web}, ports: [{name: http, port: 80, targetPort: 8080}]}`,
    );
    await waitForPods(ns, 'app=web', 'Ready', isReady, { count: 2, timeoutMs: KWOK_STATE_MS });
    const fwd = await portForward(ns, 'svc/web', 80);
    try {
      const health = await httpGet(`${fwd.baseUrl}/health`);
      expect(health.status).toBe(200);
      const ready = await httpGet(`${fwd.baseUrl}/ready`);
      expect(ready.status).toBe(200);
      expect(ready.headers['content-type']).toContain('application/json');
      expect(JSON.parse(ready.body)).toHaveProperty('status');
      const metrics = await httpGet(`${fwd.baseUrl}/metrics`);
      expect(metrics.status).toBe(200);
      expect(metrics.body).toMatch(/^# (HELP|TYPE) /m);
      // The fallback stand-in marks its answers; the real app does not.
      expect(health.headers['x-e2e-target']).toBe(cluster.target === 'fallback' ? 'fallback' : undefined);
    } finally {
      await fwd.close();
    }
  });

  it("lets a test point one pod's port-forward at its own server", async () => {
    const target = await startLocalTarget((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end('own target');
    });
    try {
      await applyYaml(ns, pod('own-target'));
      await waitForPod(ns, 'own-target', 'Ready', isReady, { timeoutMs: KWOK_STATE_MS });
      await forwardPodTo(ns, 'own-target', target.port);
      // kwok picks the PortForward up from its watch; retry until it does.
      const body = await waitFor('forward to the test target', async () => {
        const fwd = await portForward(ns, 'pod/own-target', 8080);
        try {
          const { body } = await httpGet(`${fwd.baseUrl}/probe`, { timeoutMs: 3_000 });
          return body === 'own target' ? body : undefined;
        } finally {
          await fwd.close();
        }
      });
      expect(body).toBe('own target');
      expect(target.requests).toContain('/probe');
    } finally {
      await target.close();
    }
  });
});
