// The two ways flask-helm-wizard reads the cluster — the API directly and kubectl —
// give the same answers on the real API server, for a client-certificate admin and for
// a ServiceAccount token without permissions (which preflight must then refuse).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openKubeApi } from '../../src/kube/api/client.js';
import type { ClusterReader } from '../../src/kube/cluster-reader.js';
import { parseHistory } from '../../src/kube/helm/release-history.js';
import { contextFactsOf } from '../../src/kube/image-load.js';
import { kubectlReader, openClusterReader } from '../../src/kube/open-cluster-reader.js';
import { execaRunner } from '../../src/kube/runner.js';
import {
  applyYaml,
  CHART_DIR,
  createNamespace,
  deleteNamespace,
  envValuesFile,
  helmBinary,
  helmOk,
  KUBECONFIG,
  KUBECTL,
  kubectlOk,
  REPO,
  requireCluster,
  waitFor,
} from './helpers/index.js';

const CLI = process.env.FHW_E2E_CLI ?? path.join(REPO, 'bin', 'flask-helm-wizard.js');
const PERMS = ['create namespaces', 'create deployments', 'create secrets', 'create jobs', 'get pods'];
const byName = (xs: unknown[] | undefined) =>
  (xs ?? [])
    .map((x) => `${(x as { kind?: string }).kind}/${(x as { metadata?: { name?: string } }).metadata?.name}`)
    .sort();

async function readAll(r: ClusterReader, ns: string) {
  const ctx = await r.contextView();
  return {
    context: ctx.context,
    facts: contextFactsOf(ctx.context, ctx.view),
    version: await r.serverVersion(),
    namespace: [await r.exists('namespace', ns), await r.exists('namespace', `${ns}-absent`)],
    secret: [await r.exists('secret', 'present', ns), await r.exists('secret', 'absent', ns)],
    crd: await r.exists('crd', 'servicemonitors.monitoring.coreos.com'),
    ingressClass: await r.exists('ingressclass', 'no-such-class'),
    perms: await r.accessReviews(ns, PERMS),
    apis: (await r.apiVersions())?.sort(),
    storageClasses: byName(await r.storageClasses()),
    objects: byName(await r.releaseObjects(ns, 'app.kubernetes.io/instance=reader-test')),
  };
}

describe('cluster reads: API and kubectl agree', () => {
  let ns = '';
  let dir = '';
  let limitedKubeconfig = '';
  beforeAll(async () => {
    requireCluster();
    ns = await createNamespace('reader');
    dir = mkdtempSync(path.join(tmpdir(), 'fhw-reader-'));
    await applyYaml(
      ns,
      `apiVersion: v1
kind: Secret
metadata: { name: present }
stringData: { password: not-read-by-the-test }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: reader-test, labels: { app.kubernetes.io/instance: reader-test } }
spec:
  replicas: 1
  selector: { matchLabels: { app: reader-test } }
  template:
    metadata: { labels: { app: reader-test, app.kubernetes.io/instance: reader-test } }
    spec: { containers: [{ name: app, image: flask-app:dev }] }
`,
    );
    // A ServiceAccount with no Role at all, reached with a bearer token.
    await kubectlOk(['create', 'serviceaccount', 'limited', '-n', ns]);
    const token = (await kubectlOk(['create', 'token', 'limited', '-n', ns, '--duration', '10m'])).trim();
    const raw = JSON.parse(await kubectlOk(['config', 'view', '--raw', '--minify', '-o', 'json'])) as {
      clusters: { cluster: { server: string; 'certificate-authority-data': string } }[];
    };
    const c = raw.clusters[0]?.cluster;
    limitedKubeconfig = path.join(dir, 'limited.yaml');
    writeFileSync(
      limitedKubeconfig,
      JSON.stringify({
        apiVersion: 'v1',
        kind: 'Config',
        'current-context': 'limited',
        clusters: [{ name: 'e2e', cluster: c }],
        contexts: [{ name: 'limited', context: { cluster: 'e2e', user: 'limited', namespace: ns } }],
        users: [{ name: 'limited', user: { token } }],
      }),
      { mode: 0o600 },
    );
    await waitFor(
      'the test pod',
      async () => ((await kubectlOk(['get', 'pods', '-n', ns, '-o', 'name'])).includes('pod/') ? true : undefined),
      { timeoutMs: 30_000 },
    );
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
  });

  it('reads the same facts for a client-certificate admin', async () => {
    const target = { path: KUBECTL, kubeconfig: KUBECONFIG };
    const api = await openClusterReader(execaRunner, target, {});
    expect(api.via).toBe('api');
    try {
      const viaApi = await readAll(api, ns);
      const viaKubectl = await readAll(kubectlReader(execaRunner, target), ns);
      expect(viaApi).toEqual(viaKubectl);
      // The comparison is only worth something if the facts say something.
      expect(viaApi.version).toMatchObject({ ok: true, version: expect.stringMatching(/^v1\./) });
      expect(viaApi.namespace).toEqual([true, false]);
      expect(viaApi.secret).toEqual([true, false]);
      expect(viaApi.crd).toBe(true);
      expect(Object.values(viaApi.perms)).toEqual(PERMS.map(() => true));
      expect(viaApi.objects).toEqual(expect.arrayContaining(['Deployment/reader-test']));
      expect(viaApi.objects.some((o) => o.startsWith('Pod/reader-test-'))).toBe(true);
      expect(viaApi.storageClasses.length).toBeGreaterThan(0);
    } finally {
      api.close();
    }
  });

  it('reads the same facts for a token without permissions: everything is denied', async () => {
    const target = { path: KUBECTL, kubeconfig: limitedKubeconfig };
    const api = await openClusterReader(execaRunner, target, {});
    expect(api.via).toBe('api');
    try {
      const viaApi = await readAll(api, ns);
      expect(viaApi).toEqual(await readAll(kubectlReader(execaRunner, target), ns));
      expect(Object.values(viaApi.perms)).toEqual(PERMS.map(() => false));
      expect(viaApi.secret).toEqual([false, false]);
    } finally {
      api.close();
    }
  });

  it("reads a release's revisions from helm's storage labels, as helm history tells them (Helm 3 and 4)", async () => {
    const release = ['reader-rel', CHART_DIR, '-n', ns, '-f', envValuesFile('dev')];
    await helmOk(3, ['install', ...release]);
    await helmOk(4, ['upgrade', ...release, '--set', 'podAnnotations.revision=two']);
    const history = parseHistory((await helmOk(4, ['history', 'reader-rel', '-n', ns, '-o', 'json'])).stdout);
    const api = await openClusterReader(execaRunner, { path: KUBECTL, kubeconfig: KUBECONFIG }, {});
    try {
      const stored = await api.releaseRevisions(ns, 'reader-rel');
      expect(stored).toEqual(history.map((r) => ({ revision: r.revision, status: r.status })));
      expect(stored).toEqual([
        { revision: 1, status: 'superseded' },
        { revision: 2, status: 'deployed' },
      ]);
      expect(await api.releaseRevisions(ns, 'no-such-release')).toEqual([]);
      // Another storage driver: the reader does not guess, helm history is asked instead.
      const other = await openClusterReader(
        execaRunner,
        { path: KUBECTL, kubeconfig: KUBECONFIG },
        { HELM_DRIVER: 'configmap' },
      );
      expect(await other.releaseRevisions(ns, 'reader-rel')).toBeUndefined();
      other.close();
      expect(await kubectlReader(execaRunner, { path: KUBECTL }).releaseRevisions(ns, 'reader-rel')).toBeUndefined();
    } finally {
      api.close();
    }
  });

  it('talks HTTP/2 to the API server, and falls back to HTTPS/1.1 for a server that does not', async () => {
    const e2ePki = path.join(path.dirname(KUBECONFIG), 'pki');
    const api = await openKubeApi({ kubeconfig: KUBECONFIG }, {});
    if (!api.ok) throw new Error(api.reason);
    expect((await api.api.get('/version')).status).toBe(200);
    expect(api.api.protocol()).toBe('h2');
    api.api.close();
    // An HTTPS/1.1-only server with the API server's certificate (valid for 127.0.0.1).
    const server = createServer(
      {
        cert: readFileSync(path.join(e2ePki, 'apiserver.crt')),
        key: readFileSync(path.join(e2ePki, 'apiserver.key')),
      },
      (req, res) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ gitVersion: 'v1.99.0', path: req.url }));
      },
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const file = path.join(dir, 'http1.yaml');
    writeFileSync(
      file,
      JSON.stringify({
        'current-context': 'h1',
        clusters: [
          {
            name: 'h1',
            cluster: { server: `https://127.0.0.1:${port}`, 'certificate-authority': path.join(e2ePki, 'ca.crt') },
          },
        ],
        contexts: [{ name: 'h1', context: { cluster: 'h1', user: 'nobody' } }],
        users: [{ name: 'nobody', user: {} }],
      }),
    );
    try {
      const reader = await openClusterReader(execaRunner, { path: KUBECTL, kubeconfig: file }, {});
      expect(reader.via).toBe('api');
      expect(await reader.serverVersion()).toEqual({ ok: true, version: 'v1.99.0' });
      expect(await reader.serverVersion()).toEqual({ ok: true, version: 'v1.99.0' });
      const raw = await openKubeApi({ kubeconfig: file }, {});
      if (!raw.ok) throw new Error(raw.reason);
      expect(await raw.api.get('/version')).toMatchObject({ status: 200, body: { path: '/version' } });
      expect(raw.api.protocol()).toBe('http/1.1');
      raw.api.close();
      reader.close();
    } finally {
      server.close();
    }
  });

  it('uses kubectl when the kubeconfig needs it, or when FHW_KUBE_API=0', async () => {
    const providerKubeconfig = path.join(dir, 'auth-provider.yaml');
    writeFileSync(
      providerKubeconfig,
      JSON.stringify({
        'current-context': 'x',
        clusters: [{ name: 'c', cluster: { server: 'https://127.0.0.1:1' } }],
        contexts: [{ name: 'x', context: { cluster: 'c', user: 'u' } }],
        users: [{ name: 'u', user: { 'auth-provider': { name: 'oidc', config: {} } } }],
      }),
    );
    const notes: string[] = [];
    const viaProvider = await openClusterReader(
      execaRunner,
      { path: KUBECTL, kubeconfig: providerKubeconfig },
      {},
      (l) => notes.push(l),
    );
    expect(viaProvider.via).toBe('kubectl');
    expect(notes.join('\n')).toContain('user credentials use "auth-provider"');
    const forced = await openClusterReader(
      execaRunner,
      { path: KUBECTL, kubeconfig: KUBECONFIG },
      { FHW_KUBE_API: '0' },
    );
    expect(forced.via).toBe('kubectl');
  });

  it('runs an exec credential plugin once per run, where kubectl runs it for every call', async () => {
    // A plugin like `aws eks get-token`: prints an ExecCredential with the admin client
    // certificate, and counts its runs.
    const pki = path.join(path.dirname(KUBECONFIG), 'pki');
    const count = path.join(dir, 'exec-count');
    writeFileSync(count, '');
    const plugin = path.join(dir, 'get-credential.mjs');
    writeFileSync(
      plugin,
      `#!${process.execPath}
import { appendFileSync, readFileSync } from 'node:fs';
appendFileSync(process.env.FHW_TEST_COUNT, 'run\\n');
const info = JSON.parse(process.env.KUBERNETES_EXEC_INFO);
if (info.spec.interactive !== false) process.exit(3);
console.log(JSON.stringify({
  apiVersion: 'client.authentication.k8s.io/v1',
  kind: 'ExecCredential',
  status: {
    clientCertificateData: readFileSync(${JSON.stringify(path.join(pki, 'admin.crt'))}, 'utf8'),
    clientKeyData: readFileSync(${JSON.stringify(path.join(pki, 'admin.key'))}, 'utf8'),
  },
}));
`,
      { mode: 0o755 },
    );
    const raw = JSON.parse(await kubectlOk(['config', 'view', '--raw', '--minify', '-o', 'json'])) as {
      clusters: { cluster: Record<string, unknown> }[];
    };
    const execKubeconfig = path.join(dir, 'exec.yaml');
    writeFileSync(
      execKubeconfig,
      JSON.stringify({
        'current-context': 'exec',
        clusters: [{ name: 'e2e', cluster: raw.clusters[0]?.cluster }],
        contexts: [{ name: 'exec', context: { cluster: 'e2e', user: 'plugin' } }],
        users: [
          {
            name: 'plugin',
            user: {
              exec: {
                apiVersion: 'client.authentication.k8s.io/v1',
                command: plugin,
                env: [{ name: 'FHW_TEST_COUNT', value: count }],
                interactiveMode: 'IfAvailable',
              },
            },
          },
        ],
      }),
      { mode: 0o600 },
    );
    const runs = () => readFileSync(count, 'utf8').split('\n').filter(Boolean).length;
    const target = { path: KUBECTL, kubeconfig: execKubeconfig };
    const api = await openClusterReader(execaRunner, target, {});
    expect(api.via).toBe('api');
    try {
      const viaApi = await readAll(api, ns);
      expect(runs()).toBe(1);
      const viaKubectl = await readAll(kubectlReader(execaRunner, target), ns);
      expect(viaApi).toEqual(viaKubectl);
      expect(Object.values(viaApi.perms)).toEqual(PERMS.map(() => true));
      // kubectl asked the plugin again for each of its processes.
      expect(runs()).toBeGreaterThan(8);
    } finally {
      api.close();
    }
  });

  it('preflight refuses to install without permissions, naming them, and changes nothing', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'fhw-rbac-'));
    const target = `${ns}-target`;
    const r = await execa(
      process.execPath,
      [
        CLI,
        'install',
        '-e',
        'dev',
        '-n',
        target,
        '--yes',
        '--helm-binary',
        helmBinary(4),
        '--kubectl-binary',
        KUBECTL,
        '--kubeconfig',
        limitedKubeconfig,
      ],
      { cwd, reject: false, stdin: 'ignore', timeout: 120_000 },
    );
    const out = `${r.stdout}\n${r.stderr}`;
    expect(r.exitCode, out).toBe(1);
    expect(out).toMatch(/not allowed to create namespaces, create deployments/);
    expect(out).toContain('ask a cluster admin for a Role');
    const nsAfter = await execa(KUBECTL, ['--kubeconfig', KUBECONFIG, 'get', 'namespace', target], { reject: false });
    expect(nsAfter.exitCode).not.toBe(0);
  });
});
