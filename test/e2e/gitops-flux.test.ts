import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { type GitOpsInput, gitopsOwner, type ObjectMeta, writeExport } from '../../src/gitops/index.js';
import { chartVersion, makeSigningKey, publish } from '../chart/package-signing.js';
import {
  applyYaml,
  CHART_DIR,
  createNamespace,
  deleteNamespace,
  describeFailure,
  E2E_DIR,
  helm,
  httpGet,
  kubectl,
  kubectlJson,
  parseClusterEnv,
  portForward,
  REPO,
  requireCluster,
  run,
  waitFor,
} from './helpers/index.js';

// The GitOps hand-off proven by the real controllers (kwok lane): the chart is pushed
// with scripts/chart/publish.sh to the e2e OCI registry (TLS + htpasswd on 127.0.0.1),
// src/gitops writes the dev export, `kubectl apply -k` applies it, and Flux
// source-controller + helm-controller (scripts/e2e/flux-up.sh, host processes against
// the e2e API server) reconcile it. Then an exported upgrade into a crash loop must be
// rolled back by helm-controller, and a values change must reach the release. The prod
// Flux export and the Argo CD export go through server-side dry-run against the CRDs.
// Tests in the first block run in order and share one release.

interface Registry {
  host: string;
  ca: string;
  user: string;
  password: string;
}

function requireRegistry(): Registry {
  const file = path.join(E2E_DIR, 'registry.env');
  const env = parseClusterEnv(readFileSync(file, 'utf8'));
  const { REGISTRY_HOST: host, REGISTRY_CA: ca, REGISTRY_USER: user, REGISTRY_PASSWORD_FILE: pw } = env;
  if (!host || !ca || !user || !pw) throw new Error(`${file} is incomplete; run \`npm run e2e:up\` again`);
  return { host, ca, user, password: readFileSync(pw, 'utf8').trim() };
}

interface Condition {
  type: string;
  status: string;
  reason?: string;
  message?: string;
}
interface HelmReleaseObj {
  metadata: { generation: number };
  status?: { conditions?: Condition[]; observedGeneration?: number; history?: { version: number; status: string }[] };
}
interface HelmHistoryEntry {
  revision: number;
  status: string;
  description: string;
}

requireCluster();
const registry = requireRegistry();
const version = chartVersion();
const work = mkdtempSync(path.join(tmpdir(), 'fhw-e2e-gitops-'));
// The chart names its objects after a release that contains "flask-app" as is.
const release = 'flask-app';
const helmHome = {
  HELM_CONFIG_HOME: path.join(work, 'helm', 'config'),
  HELM_CACHE_HOME: path.join(work, 'helm', 'cache'),
  HELM_DATA_HOME: path.join(work, 'helm', 'data'),
};
const envValues = readFileSync(path.join(CHART_DIR, 'values-dev.yaml'), 'utf8');

beforeAll(async () => {
  // Starts the controllers unless they run already (flux-up.sh is idempotent);
  // npm run e2e:down stops them.
  const up = await run('bash', [path.join(REPO, 'scripts/e2e/flux-up.sh')], {
    env: { ...(process.env as Record<string, string>) },
    timeoutMs: 280_000,
  });
  if (up.exitCode !== 0) throw new Error(describeFailure(up));
  const key = await makeSigningKey(path.join(work, 'key'), 'flask-helm-wizard gitops e2e');
  const res = await publish(
    'helm4',
    key,
    path.join(work, 'chart'),
    ['--push', `oci://${registry.host}/charts`, '--username', registry.user, '--ca-file', registry.ca, '--overwrite'],
    `${registry.password}\n`,
    helmHome,
  );
  if (res.code !== 0) throw new Error(`publish.sh failed: ${res.stderr}`);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The registry login and CA the OCIRepository references: Secrets made from stdin. */
async function registrySecrets(ns: string): Promise<void> {
  const auth = Buffer.from(`${registry.user}:${registry.password}`).toString('base64');
  const dockerconfig = JSON.stringify({ auths: { [registry.host]: { auth } } });
  await applyYaml(
    ns,
    stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'registry-login' },
          type: 'kubernetes.io/dockerconfigjson',
          stringData: { '.dockerconfigjson': dockerconfig },
        },
        {
          apiVersion: 'v1',
          kind: 'Secret',
          metadata: { name: 'registry-ca' },
          stringData: { 'ca.crt': readFileSync(registry.ca, 'utf8') },
        },
      ],
    }),
  );
}

function input(ns: string, over: Partial<GitOpsInput> = {}): GitOpsInput {
  return {
    tool: 'flux',
    environment: 'dev',
    namespace: ns,
    release,
    chart: {
      kind: 'oci',
      ref: `oci://${registry.host}/charts/flask-app`,
      version,
      pullSecret: 'registry-login',
      caSecret: 'registry-ca',
    },
    overrideFile: `${release}.${ns}.values.yaml`,
    existingSecrets: [],
    // Short enough that the crash-loop upgrade fails quickly, long enough for kwok.
    timeout: '60s',
    retries: 0,
    git: { url: 'https://git.example.com/team/app.git', revision: 'main', path: 'deploy/dev' },
    ...over,
  };
}

const condition = (hr: HelmReleaseObj, type: string) => hr.status?.conditions?.find((c) => c.type === type);

describe('Flux reconciles the exported dev configuration', () => {
  let ns = '';
  let dir = '';
  const hr = () => kubectlJson<HelmReleaseObj>(['get', 'helmrelease', release, '-n', ns]);
  const exportAndApply = async (override: Record<string, unknown>) => {
    await writeExport(dir, input(ns), { envValues, override: stringify(override) });
    const res = await kubectl(['apply', '-k', dir]);
    expect(res.exitCode, describeFailure(res)).toBe(0);
  };
  /** Ready=True for the current generation, i.e. the last applied spec is released. */
  const readyForCurrentSpec = async () => {
    const o = await hr();
    const ready = condition(o, 'Ready');
    return o.status?.observedGeneration === o.metadata.generation && ready?.status === 'True' ? o : undefined;
  };
  const history = async () =>
    JSON.parse(
      (await helm(4, ['history', release, '-n', ns, '-o', 'json'], { env: helmHome })).stdout,
    ) as HelmHistoryEntry[];

  beforeAll(async () => {
    ns = await createNamespace('gitops-flux');
    dir = path.join(work, 'deploy-dev');
    await registrySecrets(ns);
  });
  afterAll(async () => {
    if (!ns) return;
    // helm-controller uninstalls on delete and then drops its finalizer; the namespace goes after.
    await kubectl(['delete', 'helmrelease', release, '-n', ns, '--ignore-not-found', '--timeout=90s']);
    await deleteNamespace(ns);
  });

  it('kubectl apply -k of the export → HelmRelease Ready=True, helm status deployed, /health through port-forward', async () => {
    await exportAndApply({ progressDeadlineSeconds: 120 });
    const ready = await waitFor('HelmRelease Ready=True', readyForCurrentSpec, {
      timeoutMs: 240_000,
      intervalMs: 2000,
    });
    expect(condition(ready, 'Ready')?.reason).toBe('InstallSucceeded');
    const status = await helm(4, ['status', release, '-n', ns, '-o', 'json'], { env: helmHome });
    expect(status.exitCode, describeFailure(status)).toBe(0);
    expect(JSON.parse(status.stdout).info.status).toBe('deployed');
    // What `upgrade` will read to refuse a manual change: helm-controller's origin labels.
    const meta = await kubectlJson<{ metadata: ObjectMeta }>(['get', 'deployment', release, '-n', ns]);
    expect(gitopsOwner(meta.metadata)).toEqual({ tool: 'flux', name: release, namespace: ns });
    const fwd = await portForward(ns, `svc/${release}`, 80);
    try {
      const res = await httpGet(`${fwd.baseUrl}/health`);
      expect(res.status).toBe(200);
    } finally {
      await fwd.close();
    }
  });

  it('an exported upgrade into a crash loop is rolled back by helm-controller', async () => {
    const before = await history();
    const deployed = before.find((h) => h.status === 'deployed')?.revision;
    expect(deployed).toBeDefined();
    await exportAndApply({ progressDeadlineSeconds: 120, podAnnotations: { 'e2e/fail': 'crashloop' } });
    const remediated = await waitFor(
      'HelmRelease Remediated after the failed upgrade',
      async () => {
        const o = await hr();
        if (o.status?.observedGeneration !== o.metadata.generation) return undefined;
        return condition(o, 'Remediated')?.status === 'True' ? o : undefined;
      },
      { timeoutMs: 240_000, intervalMs: 2000 },
    );
    expect(condition(remediated, 'Remediated')?.reason).toBe('RollbackSucceeded');
    expect(condition(remediated, 'Ready')?.status).toBe('False');
    const after = await history();
    const failed = after.find((h) => h.status === 'failed');
    expect(failed?.revision).toBeGreaterThan(deployed ?? 0);
    const current = after.at(-1);
    expect(current?.status).toBe('deployed');
    expect(current?.description).toMatch(new RegExp(`Rollback to ${deployed}`));
    const dep = await kubectlJson<{ spec: { template: { metadata: { annotations?: Record<string, string> } } } }>([
      'get',
      'deployment',
      release,
      '-n',
      ns,
    ]);
    expect(dep.spec.template.metadata.annotations?.['e2e/fail']).toBeUndefined();
  });

  it('a change to the exported values file reaches the release after a reconcile', async () => {
    await exportAndApply({ progressDeadlineSeconds: 120, podAnnotations: { 'gitops/change': 'second' } });
    const ready = await waitFor('HelmRelease Ready=True after the values change', readyForCurrentSpec, {
      timeoutMs: 240_000,
      intervalMs: 2000,
    });
    expect(condition(ready, 'Ready')?.reason).toBe('UpgradeSucceeded');
    const values = await helm(4, ['get', 'values', release, '-n', ns, '-o', 'json'], { env: helmHome });
    expect(JSON.parse(values.stdout).podAnnotations).toEqual({ 'gitops/change': 'second' });
    const dep = await kubectlJson<{ spec: { template: { metadata: { annotations?: Record<string, string> } } } }>([
      'get',
      'deployment',
      release,
      '-n',
      ns,
    ]);
    expect(dep.spec.template.metadata.annotations?.['gitops/change']).toBe('second');
    expect((await history()).at(-1)?.status).toBe('deployed');
  });
});

describe('server-side dry-run of the prod Flux export and the Argo CD export against the CRDs', () => {
  let ns = '';
  let argoNs = '';
  const prodValues = readFileSync(path.join(CHART_DIR, 'values-prod.yaml'), 'utf8');
  beforeAll(async () => {
    ns = await createNamespace('gitops-prod');
    argoNs = await createNamespace('gitops-argocd');
  });
  afterAll(async () => {
    if (ns) await deleteNamespace(ns);
    if (argoNs) await deleteNamespace(argoNs);
  });
  const prod = (tool: 'flux' | 'argocd'): GitOpsInput =>
    input(ns, {
      tool,
      environment: 'prod',
      existingSecrets: ['flask-app-db', 'flask-app-redis'],
      retries: 3,
      timeout: '10m',
      git: { url: 'https://git.example.com/team/app.git', revision: 'main', path: 'deploy/prod' },
      argocd: { namespace: argoNs },
    });
  const dryRun = (dir: string) => kubectl(['apply', '--dry-run=server', '-k', dir]);

  it('the prod Flux export is accepted', async () => {
    const dir = path.join(work, 'deploy-prod-flux');
    await writeExport(dir, prod('flux'), { envValues: prodValues, override: 'replicaCount: 3\n' });
    const res = await dryRun(dir);
    expect(res.exitCode, describeFailure(res)).toBe(0);
    expect(res.stdout).toContain(`helmrelease.helm.toolkit.fluxcd.io/${release} created (server dry run)`);
    expect(res.stdout).toContain(`ocirepository.source.toolkit.fluxcd.io/${release}-chart created (server dry run)`);
    expect(
      res.stdout.match(new RegExp(`configmap/${release}-values-\\S+ created \\(server dry run\\)`, 'g')),
    ).toHaveLength(2);
  });

  it('the Argo CD export is accepted', async () => {
    const dir = path.join(work, 'deploy-prod-argocd');
    await writeExport(dir, prod('argocd'), { envValues: prodValues, override: 'replicaCount: 3\n' });
    const res = await dryRun(dir);
    expect(res.exitCode, describeFailure(res)).toBe(0);
    expect(res.stdout).toContain(`application.argoproj.io/${release}-${ns} created (server dry run)`);
  });

  it('the CRDs do check: a hand edit outside their schema is refused', async () => {
    const dir = path.join(work, 'deploy-prod-broken');
    await writeExport(dir, prod('flux'), { envValues: prodValues, override: 'replicaCount: 3\n' });
    const file = path.join(dir, 'helmrelease.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('strategy: rollback', 'strategy: pray'));
    const res = await dryRun(dir);
    expect(res.exitCode).not.toBe(0);
    expect(res.stderr).toMatch(/spec\.upgrade\.remediation\.strategy: Unsupported value: "pray"/);
  });
});
