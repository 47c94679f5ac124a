// Gathers what preflight decides on, in parallel and bounded in time. Thin I/O:
// every decision is in preflight-checks.ts.

import { helmHistory } from './helm-args.js';
import type { HelmBin } from './helm-version.js';
import { contextFactsOf, detectLocalCluster } from './image-load.js';
import { parseList } from './k8s-types.js';
import { type KubectlTarget, kubectl } from './kubectl-args.js';
import type { ClusterFacts, PreflightNeeds } from './preflight-checks.js';
import { permissionsNeeded } from './preflight-checks.js';
import type { Runner } from './runner.js';

export async function gatherClusterFacts(
  runner: Runner,
  k: KubectlTarget,
  helm: HelmBin,
  n: PreflightNeeds,
): Promise<ClusterFacts> {
  const run = (c: { cmd: string; args: string[] }) => runner.run(c.cmd, c.args);
  const [ctx, view, version] = await Promise.all([
    run(kubectl.currentContext(k)),
    run(kubectl.configView(k)),
    run(kubectl.serverVersion(k)),
  ]);
  const context = k.kubeContext ?? (ctx.exitCode === 0 ? ctx.stdout.trim() || null : null);
  const server = serverOf(view.stdout);
  const serverVersion = jsonField(version.stdout, ['serverVersion', 'gitVersion']);
  const localCluster = detectLocalCluster(contextFactsOf(context, view.stdout));
  const base = { context, server, localCluster, secretsFound: {}, canI: {}, namespaceExists: false };
  if (version.exitCode !== 0 || !serverVersion) {
    const reason = version.stderr.trim().split('\n').pop();
    return { ...base, reachable: false, ...(reason ? { unreachableReason: reason } : {}) };
  }
  const named = async (kind: string, name: string, ns?: string) => {
    const r = await run(kubectl.getNamed(k, kind, name, ns));
    return r.exitCode === 0 && r.stdout.trim() !== '';
  };
  // One round, all in parallel; permissions for creating the namespace are asked
  // either way so nothing waits for the namespace check.
  const perms = permissionsNeeded(n, false);
  const [
    namespaceExists,
    allowed,
    ingressClassExists,
    clusterIssuerExists,
    serviceMonitorCrd,
    apis,
    storage,
    history,
    secrets,
  ] = await Promise.all([
    named('namespace', n.namespace),
    canIAll(runner, k, n.namespace, perms),
    n.ingressClass ? named('ingressclass', n.ingressClass) : undefined,
    n.clusterIssuer ? named('clusterissuers.cert-manager.io', n.clusterIssuer) : undefined,
    n.monitoring ? named('crd', 'servicemonitors.monitoring.coreos.com') : undefined,
    n.autoscaling ? run(kubectl.apiVersions(k)) : undefined,
    n.storage ? run(kubectl.getClusterScoped(k, 'storageclasses')) : undefined,
    run(
      helmHistory(
        helm,
        { namespace: n.namespace, kubeContext: k.kubeContext, kubeconfig: k.kubeconfig },
        { release: n.release, max: 20 },
      ),
    ),
    Promise.all(n.existingSecrets.map(async (s) => [s, await named('secret', s, n.namespace)] as const)),
  ]);
  const canI = Object.fromEntries(permissionsNeeded(n, namespaceExists).map((p) => [p, allowed[p] ?? false] as const));
  return {
    ...base,
    reachable: true,
    serverVersion,
    namespaceExists,
    canI,
    ingressClassExists,
    clusterIssuerExists,
    serviceMonitorCrd,
    metricsApi: apis ? /^metrics\.k8s\.io\//m.test(apis.stdout) : undefined,
    storageClasses: storage
      ? parseList<{ metadata?: { name?: string; annotations?: Record<string, string> } }>(storage.stdout).map((s) => ({
          name: s.metadata?.name ?? '',
          isDefault: s.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
        }))
      : undefined,
    releaseStatus: history.exitCode === 0 ? latestStatus(history.stdout) : undefined,
    releaseHistory: history.exitCode === 0 ? history.stdout : /not found/i.test(history.stderr) ? null : undefined,
    secretsFound: Object.fromEntries(secrets),
  };
}

function latestStatus(json: string): string | undefined {
  try {
    const rows = JSON.parse(json) as { status?: string }[];
    return rows[rows.length - 1]?.status;
  } catch {
    return undefined;
  }
}

function serverOf(json: string): string | undefined {
  try {
    const c = JSON.parse(json) as { clusters?: { cluster?: { server?: string } }[] };
    return c.clusters?.[0]?.cluster?.server;
  } catch {
    return undefined;
  }
}

function jsonField(json: string, path: string[]): string | undefined {
  try {
    let v: unknown = JSON.parse(json);
    for (const p of path) v = (v as Record<string, unknown> | undefined)?.[p];
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

const GROUPS: Record<string, string> = {
  deployments: 'apps',
  statefulsets: 'apps',
  jobs: 'batch',
  ingresses: 'networking.k8s.io',
  horizontalpodautoscalers: 'autoscaling',
};

/** `verb resource[.group]` → allowed, from SelfSubjectAccessReviews created in one kubectl call. */
export async function canIAll(
  runner: Runner,
  k: KubectlTarget,
  namespace: string,
  perms: readonly string[],
): Promise<Record<string, boolean>> {
  const items = perms.map((p) => {
    const [verb = 'create', full = ''] = p.split(' ');
    const dot = full.indexOf('.');
    const resource = dot < 0 ? full : full.slice(0, dot);
    const group = dot < 0 ? (GROUPS[full] ?? '') : full.slice(dot + 1);
    return {
      apiVersion: 'authorization.k8s.io/v1',
      kind: 'SelfSubjectAccessReview',
      spec: { resourceAttributes: { namespace, verb, group, resource } },
    };
  });
  const c = kubectl.accessReviews(k);
  const r = await runner.run(c.cmd, c.args, { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
  const lines = r.stdout.split('\n').filter(Boolean);
  if (r.exitCode !== 0 || lines.length !== perms.length) return {};
  // Output lines come in the order of the reviews sent.
  return Object.fromEntries(perms.map((p, i) => [p, (lines[i] ?? '').endsWith('=true')]));
}
