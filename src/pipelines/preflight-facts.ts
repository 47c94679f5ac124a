// Gathers what preflight decides on, in parallel and bounded in time. Thin I/O:
// every decision is in preflight-checks.ts.

import type { ClusterReader } from '../kube/cluster-reader.js';
import { type HelmClient, helmClient } from '../kube/helm/client.js';
import { fromStorageLabels, type Revision } from '../kube/helm/release-history.js';
import type { HelmBin } from '../kube/helm/version.js';
import { contextFactsOf, detectLocalCluster } from '../kube/image-load.js';
import type { KubectlTarget } from '../kube/kubectl-args.js';
import type { Runner } from '../kube/runner.js';
import type { ClusterFacts, PreflightNeeds } from '../rollout/preflight-checks.js';
import { permissionsNeeded } from '../rollout/preflight-checks.js';

export async function gatherClusterFacts(
  reader: ClusterReader,
  runner: Runner,
  k: KubectlTarget,
  helm: HelmBin,
  n: PreflightNeeds,
): Promise<ClusterFacts> {
  // One round, all in parallel: what needs a reachable cluster is asked at the same time
  // as whether it is reachable (and dropped when it is not), and the permissions for
  // creating the namespace are asked either way so nothing waits for the namespace check.
  const perms = permissionsNeeded(n, false);
  const target = { namespace: n.namespace, kubeContext: k.kubeContext, kubeconfig: k.kubeconfig };
  const [
    { context, view },
    version,
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
    reader.contextView(),
    reader.serverVersion(),
    reader.exists('namespace', n.namespace),
    reader.accessReviews(n.namespace, perms),
    n.ingressClass ? reader.exists('ingressclass', n.ingressClass) : undefined,
    n.clusterIssuer ? reader.exists('clusterissuers.cert-manager.io', n.clusterIssuer) : undefined,
    n.monitoring ? reader.exists('crd', 'servicemonitors.monitoring.coreos.com') : undefined,
    n.autoscaling ? reader.apiVersions() : undefined,
    n.storage ? reader.storageClasses() : undefined,
    releaseHistory(reader, helmClient(runner, helm, target), n),
    Promise.all(n.existingSecrets.map(async (s) => [s, await reader.exists('secret', s, n.namespace)] as const)),
  ]);
  const localCluster = detectLocalCluster(contextFactsOf(context, view));
  const base = { context, server: serverOf(view), localCluster, secretsFound: {}, canI: {}, namespaceExists: false };
  if (!version.ok) return { ...base, reachable: false, unreachableReason: version.reason };
  const canI = Object.fromEntries(permissionsNeeded(n, namespaceExists).map((p) => [p, allowed[p] ?? false] as const));
  return {
    ...base,
    reachable: true,
    serverVersion: version.version,
    namespaceExists,
    canI,
    ingressClassExists,
    clusterIssuerExists,
    serviceMonitorCrd,
    metricsApi: apis ? apis.some((v) => v.startsWith('metrics.k8s.io/')) : undefined,
    storageClasses: storage
      ? (storage as { metadata?: { name?: string; annotations?: Record<string, string> } }[]).map((s) => ({
          name: s.metadata?.name ?? '',
          isDefault: s.metadata?.annotations?.['storageclass.kubernetes.io/is-default-class'] === 'true',
        }))
      : undefined,
    releaseStatus: history ? history[history.length - 1]?.status : undefined,
    releaseHistory: history,
    secretsFound: Object.fromEntries(secrets),
  };
}

/** From helm's storage labels when the reader can see them, else from `helm history`. */
async function releaseHistory(
  reader: ClusterReader,
  helm: HelmClient,
  n: PreflightNeeds,
): Promise<Revision[] | null | undefined> {
  const stored = await reader.releaseRevisions(n.namespace, n.release);
  if (stored) return stored.length > 0 ? fromStorageLabels(stored) : null;
  const h = await helm.history({ release: n.release, max: 20 });
  return h.kind === 'ok' ? h.value : h.kind === 'not-found' ? null : undefined;
}

function serverOf(json: string): string | undefined {
  try {
    const c = JSON.parse(json) as { clusters?: { cluster?: { server?: string } }[] };
    return c.clusters?.[0]?.cluster?.server;
  } catch {
    return undefined;
  }
}
