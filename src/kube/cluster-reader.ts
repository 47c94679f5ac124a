// The cluster reads of the wizard's facts, preflight and the rollout watcher, behind
// one contract with two transports (cluster-reader-api.ts, cluster-reader-kubectl.ts;
// open-cluster-reader.ts picks one). Writes always go through helm and kubectl.
export type NamedKind = 'namespace' | 'ingressclass' | 'clusterissuers.cert-manager.io' | 'crd' | 'secret';

/** What the watcher follows: the release's pods, Jobs and workloads, each with its `kind`. */
export const RELEASE_KINDS = ['pods', 'jobs', 'deployments', 'statefulsets'] as const;

export type ServerVersion = { ok: true; version: string } | { ok: false; reason: string };

/** A release revision as helm's storage labels tell it (no description: that is inside the record). */
export interface StoredRevision {
  revision: number;
  status: string;
}

export interface ClusterReader {
  readonly via: 'api' | 'kubectl';
  /** The current context and its `kubectl config view --minify` JSON (no credentials). */
  contextView(): Promise<{ context: string | null; view: string }>;
  serverVersion(signal?: AbortSignal): Promise<ServerVersion>;
  /** False when absent and when it cannot be read (as `kubectl get --ignore-not-found` would tell). */
  exists(kind: NamedKind, name: string, namespace?: string): Promise<boolean>;
  /** `verb resource[.group]` → allowed; empty when the reviews could not be made. */
  accessReviews(namespace: string, perms: readonly string[]): Promise<Record<string, boolean>>;
  apiVersions(): Promise<string[] | undefined>;
  storageClasses(): Promise<unknown[] | undefined>;
  /** RELEASE_KINDS objects matching the selector; undefined when they could not be listed. */
  releaseObjects(namespace: string, selector: string, signal?: AbortSignal): Promise<{ kind?: string }[] | undefined>;
  events(namespace: string, signal?: AbortSignal): Promise<unknown[] | undefined>;
  /**
   * The release's revisions from the labels of helm's storage Secrets, oldest first;
   * [] when there is no release; undefined when this reader cannot tell (then ask
   * `helm history`).
   */
  releaseRevisions(namespace: string, release: string): Promise<StoredRevision[] | undefined>;
  close(): void;
}

const GROUPS: Record<string, string> = {
  deployments: 'apps',
  statefulsets: 'apps',
  jobs: 'batch',
  ingresses: 'networking.k8s.io',
  horizontalpodautoscalers: 'autoscaling',
};

/** `create deployments.apps` → a SelfSubjectAccessReview for it in `namespace`. */
export function accessReview(namespace: string, perm: string) {
  const [verb = 'create', full = ''] = perm.split(' ');
  const dot = full.indexOf('.');
  const resource = dot < 0 ? full : full.slice(0, dot);
  const group = dot < 0 ? (GROUPS[full] ?? '') : full.slice(dot + 1);
  return {
    apiVersion: 'authorization.k8s.io/v1',
    kind: 'SelfSubjectAccessReview',
    spec: { resourceAttributes: { namespace, verb, group, resource } },
  };
}
