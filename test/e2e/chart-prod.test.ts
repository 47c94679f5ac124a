import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import {
  applyYaml,
  CHART_DIR,
  createNamespace,
  deleteNamespace,
  describeFailure,
  HELM_MAJORS,
  type HelmMajor,
  helm,
  helmOk,
  isReady,
  kubectlJson,
  kubectlOk,
  requireCluster,
  run,
  valuesArgs,
  waitForPods,
} from './helpers/index.js';

// values-prod.yaml installs only once its prerequisites exist: the Flask secret key,
// the external database and Redis passwords, and the Ingress TLS secret (which
// cert-manager would create; here a self-signed one). Secrets go in on stdin.

function secretYaml(name: string, data: Record<string, string>): string {
  const encoded = Object.entries(data).map(([k, v]) => `  ${k}: ${Buffer.from(v).toString('base64')}`);
  return ['apiVersion: v1', 'kind: Secret', `metadata: {name: ${name}}`, 'type: Opaque', 'data:', ...encoded].join(
    '\n',
  );
}

async function tlsSecretYaml(name: string, host: string): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'fhw-e2e-tls-'));
  try {
    const res = await run('openssl', [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
      '-keyout',
      path.join(dir, 'tls.key'),
      '-out',
      path.join(dir, 'tls.crt'),
    ]);
    if (res.exitCode !== 0) throw new Error(describeFailure(res));
    const b64 = (f: string) => readFileSync(path.join(dir, f)).toString('base64');
    return [
      'apiVersion: v1',
      'kind: Secret',
      `metadata: {name: ${name}}`,
      'type: kubernetes.io/tls',
      'data:',
      `  tls.crt: ${b64('tls.crt')}`,
      `  tls.key: ${b64('tls.key')}`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.each(HELM_MAJORS)('flask-app prod install on Helm %i', (major: HelmMajor) => {
  requireCluster();
  const release = 'flask-app';
  const app = `app.kubernetes.io/name=flask-app,app.kubernetes.io/instance=${release}`;
  let ns = '';
  beforeAll(async () => {
    ns = await createNamespace(`prod-h${major}`);
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('installs with its prerequisite Secrets and TLS secret, then passes helm test', async () => {
    const install = (timeout: string) =>
      helm(major, [
        'upgrade',
        '--install',
        release,
        CHART_DIR,
        '-n',
        ns,
        ...valuesArgs('prod', { progressDeadlineSeconds: 120 }),
        '--wait',
        '--timeout',
        timeout,
      ]);
    const secret = () => randomBytes(24).toString('base64url');
    await applyYaml(ns, secretYaml('flask-app-secret', { 'secret-key': secret() }));
    await applyYaml(ns, secretYaml('flask-app-db-app', { password: secret() }));
    await applyYaml(ns, secretYaml('flask-app-redis', { password: secret() }));
    await applyYaml(ns, await tlsSecretYaml('flask-app-tls', 'flask-app.example.com'));

    const res = await install('3m');
    expect(res.exitCode, describeFailure(res)).toBe(0);

    // The Deployment leaves replicas to the HPA, which raises them to its minimum of
    // three on its next sync (every 15 s); they spread over the three zones.
    const pods = await waitForPods(ns, app, 'Ready', isReady, { count: 3, timeoutMs: 45_000 });
    const nodes = new Set(pods.map((p) => p.spec.nodeName));
    expect(nodes.size).toBe(3);
    const kinds = await kubectlOk([
      'get',
      'hpa,pdb,ingress,networkpolicy,servicemonitor,pvc',
      '-n',
      ns,
      '-l',
      `app.kubernetes.io/instance=${release}`,
      '-o',
      'name',
    ]);
    for (const kind of [
      'horizontalpodautoscaler',
      'poddisruptionbudget',
      'ingress',
      'networkpolicy',
      'servicemonitor',
    ]) {
      expect(kinds).toContain(`${kind}.`);
    }
    const ingress = await kubectlJson<{ spec: { tls?: { secretName: string }[] } }>([
      'get',
      'ingress',
      release,
      '-n',
      ns,
    ]);
    expect(ingress.spec.tls?.[0]?.secretName).toBe('flask-app-tls');
    const pvcs = await kubectlJson<{ items: { spec: { accessModes: string[] }; status: { phase: string } }[] }>([
      'get',
      'pvc',
      '-n',
      ns,
      '-l',
      `app.kubernetes.io/instance=${release}`,
    ]);
    expect(pvcs.items.map((c) => [c.spec.accessModes, c.status.phase])).toEqual([[['ReadWriteMany'], 'Bound']]);
    // The chart reads the prerequisite Secrets; it never renders its own copies of them.
    const manifest = await helmOk(major, ['get', 'manifest', release, '-n', ns]);
    const ownSecrets = parseAllDocuments(manifest.stdout)
      .map((d) => d.toJS() as { kind?: string; metadata?: { name?: string } } | null)
      .filter((o) => o?.kind === 'Secret')
      .map((o) => o?.metadata?.name);
    for (const name of ['flask-app-secret', 'flask-app-db-app', 'flask-app-redis', 'flask-app-tls']) {
      expect(ownSecrets).not.toContain(name);
    }
    await helmOk(major, ['test', release, '-n', ns, '--timeout', '60s']);
  });
});
