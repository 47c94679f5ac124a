// Preflight decisions: pure functions over facts gathered from the cluster. Each
// check says what it found and, when something is wrong, what to do. Errors block
// the install (even with --yes); warnings are shown and the install goes on.

import type { Revision } from '../kube/helm/release-history.js';
import type { LocalCluster } from '../kube/image-load.js';

export interface PreflightNeeds {
  namespace: string;
  release: string;
  /** IngressClass the Ingress uses, when an Ingress is enabled. */
  ingressClass?: string | undefined;
  /** cert-manager ClusterIssuer, when TLS comes from cert-manager. */
  clusterIssuer?: string | undefined;
  monitoring: boolean;
  autoscaling: boolean;
  /** The model volume, when storage is on ('' = the cluster default StorageClass). */
  storage?: { storageClass: string } | undefined;
  /** Secrets the values refer to that must already exist (not the ones the wizard creates). */
  existingSecrets: readonly string[];
  image: string;
  /** The image is the dev default that only exists on a local cluster's node. */
  localOnlyImage: boolean;
}

export interface ClusterFacts {
  context: string | null;
  server?: string | undefined;
  /** The kind/minikube/k3d/Docker Desktop cluster behind the context, when it is one. */
  localCluster?: LocalCluster | null | undefined;
  reachable: boolean;
  unreachableReason?: string | undefined;
  serverVersion?: string | undefined;
  namespaceExists: boolean;
  /** `verb resource` → allowed */
  canI: Readonly<Record<string, boolean>>;
  ingressClassExists?: boolean | undefined;
  clusterIssuerExists?: boolean | undefined;
  serviceMonitorCrd?: boolean | undefined;
  metricsApi?: boolean | undefined;
  storageClasses?: readonly { name: string; isDefault: boolean }[] | undefined;
  /** Latest release revision's status, when the release exists. */
  releaseStatus?: string | undefined;
  /** The release's revisions, oldest first (null: no such release; undefined: could not tell). */
  releaseHistory?: readonly Revision[] | null | undefined;
  secretsFound: Readonly<Record<string, boolean>>;
}

export type CheckLevel = 'ok' | 'warn' | 'error';

export interface Check {
  id: string;
  level: CheckLevel;
  message: string;
  hint?: string;
}

/** What an install needs to be allowed to do in the namespace. */
export function permissionsNeeded(n: PreflightNeeds, namespaceExists: boolean): string[] {
  const need = ['create deployments', 'create services', 'create secrets', 'create configmaps', 'create jobs'];
  if (!namespaceExists) need.unshift('create namespaces');
  if (n.ingressClass) need.push('create ingresses');
  if (n.monitoring) need.push('create servicemonitors.monitoring.coreos.com');
  if (n.autoscaling) need.push('create horizontalpodautoscalers');
  if (n.storage) need.push('create persistentvolumeclaims');
  return need;
}

const LOCAL_SERVER =
  /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\]|host\.docker\.internal|kubernetes\.docker\.internal)(:\d+)?/;
const LOCAL_CONTEXT = /^(kind-|minikube$|docker-desktop$|rancher-desktop$|k3d-|colima|orbstack$)/;

export function isLocalCluster(context: string | null, server: string | undefined): boolean {
  return (server !== undefined && LOCAL_SERVER.test(server)) || (context !== null && LOCAL_CONTEXT.test(context));
}

export function evaluatePreflight(n: PreflightNeeds, f: ClusterFacts): Check[] {
  if (!f.reachable) {
    return [
      {
        id: 'cluster',
        level: 'error',
        message: `cluster of context ${f.context ?? '(none)'} does not answer${f.unreachableReason ? `: ${f.unreachableReason}` : ''}`,
        hint: 'check your kubeconfig (--kubeconfig, --kube-context) and that the cluster is up; `render` works without a cluster',
      },
    ];
  }
  const checks: Check[] = [
    {
      id: 'cluster',
      level: 'ok',
      message: `cluster ${f.context ?? ''} answers${f.serverVersion ? ` (Kubernetes ${f.serverVersion})` : ''}`,
    },
    f.namespaceExists
      ? { id: 'namespace', level: 'ok', message: `namespace ${n.namespace} exists` }
      : { id: 'namespace', level: 'ok', message: `namespace ${n.namespace} will be created` },
  ];
  const denied = permissionsNeeded(n, f.namespaceExists).filter((p) => f.canI[p] === false);
  checks.push(
    denied.length === 0
      ? { id: 'rbac', level: 'ok', message: 'permissions: allowed' }
      : {
          id: 'rbac',
          level: 'error',
          message: `not allowed to ${denied.join(', ')} in ${n.namespace}`,
          hint: 'ask a cluster admin for a Role with these verbs, or use another --kube-context',
        },
  );
  if (f.releaseStatus?.startsWith('pending-')) {
    checks.push({
      id: 'release',
      level: 'error',
      message: `release ${n.release} is stuck in ${f.releaseStatus} (an earlier run was interrupted)`,
      hint: `settle it first: flask-helm-wizard rollback -n ${n.namespace} -r ${n.release}`,
    });
  }
  if (n.ingressClass)
    checks.push(
      exists(
        'ingress-class',
        f.ingressClassExists,
        `IngressClass ${n.ingressClass}`,
        'error',
        `install an ingress controller that provides it, or pick one of \`kubectl get ingressclass\` with --ingress-class`,
      ),
    );
  if (n.clusterIssuer)
    checks.push(
      exists(
        'cluster-issuer',
        f.clusterIssuerExists,
        `cert-manager ClusterIssuer ${n.clusterIssuer}`,
        'error',
        'install cert-manager and create the issuer, or choose --tls secret / --cluster-issuer NAME',
      ),
    );
  if (n.monitoring)
    checks.push(
      exists(
        'servicemonitor-crd',
        f.serviceMonitorCrd,
        'the ServiceMonitor CRD (Prometheus Operator)',
        'error',
        'install the Prometheus Operator CRDs, or pass --no-monitoring',
      ),
    );
  if (n.autoscaling)
    checks.push(
      exists(
        'metrics-api',
        f.metricsApi,
        'the metrics API (metrics.k8s.io)',
        'warn',
        'install metrics-server, or the autoscaler will not scale',
      ),
    );
  if (n.storage) checks.push(storageCheck(n.storage.storageClass, f.storageClasses ?? []));
  for (const name of n.existingSecrets) {
    checks.push(
      exists(
        `secret:${name}`,
        f.secretsFound[name],
        `Secret ${name} in ${n.namespace}`,
        'error',
        `create it first: kubectl create secret generic ${name} -n ${n.namespace} --from-file=password=/dev/stdin (or let the wizard create it: --db-password-stdin)`,
      ),
    );
  }
  if (n.localOnlyImage && !isLocalCluster(f.context, f.server)) {
    checks.push({
      id: 'image',
      level: 'warn',
      message: `image ${n.image} is built locally, and ${f.context ?? 'this cluster'} does not look local: it cannot pull it`,
      hint: 'push the image to a registry and pass --image REPO:TAG',
    });
  }
  return checks;
}

function exists(id: string, found: boolean | undefined, what: string, level: 'warn' | 'error', hint: string): Check {
  return found ? { id, level: 'ok', message: `${what} exists` } : { id, level, message: `${what} not found`, hint };
}

function storageCheck(storageClass: string, classes: readonly { name: string; isDefault: boolean }[]): Check {
  if (storageClass) {
    return classes.some((c) => c.name === storageClass)
      ? { id: 'storage-class', level: 'ok', message: `StorageClass ${storageClass} exists` }
      : {
          id: 'storage-class',
          level: 'error',
          message: `StorageClass ${storageClass} not found`,
          hint: `pick one of: ${classes.map((c) => c.name).join(', ') || '(none in this cluster)'}`,
        };
  }
  const def = classes.find((c) => c.isDefault);
  return def
    ? { id: 'storage-class', level: 'ok', message: `default StorageClass ${def.name}` }
    : {
        id: 'storage-class',
        level: 'error',
        message: 'the cluster has no default StorageClass for the model volume',
        hint: 'pass --storage-class NAME, or --no-storage',
      };
}

export function blocking(checks: readonly Check[]): boolean {
  return checks.some((c) => c.level === 'error');
}
