// The cluster reads of preflight and the rollout watcher, behind one contract with two
// transports: the Kubernetes API directly (fast: no process per read) when the
// kubeconfig uses plain certificates or tokens, and kubectl for everything else
// (exec plugins, proxies, …) or when FHW_KUBE_API=0. Writes always go through kubectl.
import { type ApiResponse, type KubeApi, openKubeApi } from './api/client.js';
import { parseList } from './k8s-types.js';
import { type KubectlTarget, kubectl } from './kubectl-args.js';
import type { Runner } from './runner.js';

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

// ── kubectl ─────────────────────────────────────────────────────────────────────

export function kubectlReader(runner: Runner, k: KubectlTarget): ClusterReader {
  const run = (c: { cmd: string; args: string[] }, signal?: AbortSignal) =>
    runner.run(c.cmd, c.args, signal ? { signal } : {});
  return {
    via: 'kubectl',
    async contextView() {
      const [ctx, view] = await Promise.all([run(kubectl.currentContext(k)), run(kubectl.configView(k))]);
      return { context: k.kubeContext ?? (ctx.exitCode === 0 ? ctx.stdout.trim() || null : null), view: view.stdout };
    },
    async serverVersion(signal) {
      const r = await run(kubectl.serverVersion(k), signal);
      const version = gitVersion(r.stdout);
      if (r.exitCode === 0 && version) return { ok: true, version };
      return { ok: false, reason: r.stderr.trim().split('\n').pop() || 'no answer' };
    },
    async exists(kind, name, namespace) {
      const r = await run(kubectl.getNamed(k, kind, name, namespace));
      return r.exitCode === 0 && r.stdout.trim() !== '';
    },
    async accessReviews(namespace, perms) {
      const c = kubectl.accessReviews(k);
      const items = perms.map((p) => accessReview(namespace, p));
      const r = await runner.run(c.cmd, c.args, { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }) });
      const lines = r.stdout.split('\n').filter(Boolean);
      if (r.exitCode !== 0 || lines.length !== perms.length) return {};
      // Output lines come in the order of the reviews sent.
      return Object.fromEntries(perms.map((p, i) => [p, (lines[i] ?? '').endsWith('=true')]));
    },
    async apiVersions() {
      const r = await run(kubectl.apiVersions(k));
      return r.exitCode === 0 ? r.stdout.split('\n').filter(Boolean) : undefined;
    },
    async storageClasses() {
      const r = await run(kubectl.getClusterScoped(k, 'storageclasses'));
      return r.exitCode === 0 ? parseList(r.stdout) : undefined;
    },
    async releaseObjects(namespace, selector, signal) {
      const r = await run(kubectl.objects(k, namespace, RELEASE_KINDS, selector), signal);
      return r.exitCode === 0 ? parseList<{ kind?: string }>(r.stdout) : undefined;
    },
    async events(namespace, signal) {
      const r = await run(kubectl.events(k, namespace), signal);
      return r.exitCode === 0 ? parseList(r.stdout) : undefined;
    },
    // kubectl would fetch the whole release records: `helm history` costs the same process.
    releaseRevisions: async () => undefined,
    close() {},
  };
}

function gitVersion(json: string): string | undefined {
  try {
    const v = (JSON.parse(json) as { serverVersion?: { gitVersion?: unknown } }).serverVersion?.gitVersion;
    return typeof v === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

// ── the API ─────────────────────────────────────────────────────────────────────

const NAMED_PATHS: Record<NamedKind, (name: string, ns?: string) => string> = {
  namespace: (n) => `/api/v1/namespaces/${n}`,
  ingressclass: (n) => `/apis/networking.k8s.io/v1/ingressclasses/${n}`,
  'clusterissuers.cert-manager.io': (n) => `/apis/cert-manager.io/v1/clusterissuers/${n}`,
  crd: (n) => `/apis/apiextensions.k8s.io/v1/customresourcedefinitions/${n}`,
  secret: (n, ns) => `/api/v1/namespaces/${ns ?? 'default'}/secrets/${n}`,
};

const LIST_PATHS: Record<(typeof RELEASE_KINDS)[number], { prefix: string; kind: string }> = {
  pods: { prefix: '/api/v1', kind: 'Pod' },
  jobs: { prefix: '/apis/batch/v1', kind: 'Job' },
  deployments: { prefix: '/apis/apps/v1', kind: 'Deployment' },
  statefulsets: { prefix: '/apis/apps/v1', kind: 'StatefulSet' },
};

/** A list's items, each with its `kind` (the API leaves it out of list items; kubectl puts it back). */
function itemsOf(r: ApiResponse, kind: string): { kind?: string }[] | undefined {
  if (r.status !== 200) return undefined;
  const items = (r.body as { items?: unknown } | undefined)?.items;
  // A metadata-only list says `items: null` when it is empty.
  if (items === null) return [];
  return Array.isArray(items) ? items.map((i) => ({ ...(i as object), kind })) : undefined;
}

const enc = encodeURIComponent;

export function apiReader(
  api: KubeApi,
  env: Readonly<Record<string, string | undefined>>,
  log?: (line: string) => void,
): ClusterReader {
  const get = (path: string, o?: Parameters<KubeApi['get']>[1]) => {
    log?.(`GET ${api.endpoint.server}${path}`);
    return api.get(path, o);
  };
  return {
    via: 'api',
    async contextView() {
      return { context: api.endpoint.context, view: JSON.stringify(api.endpoint.view) };
    },
    async serverVersion(signal) {
      const r = await get('/version', { signal });
      if ('error' in r) return { ok: false, reason: r.error };
      const v = (r.body as { gitVersion?: unknown } | undefined)?.gitVersion;
      if (r.status === 200 && typeof v === 'string') return { ok: true, version: v };
      return { ok: false, reason: `the API server answered ${r.status}` };
    },
    async exists(kind, name, namespace) {
      const r = await get(NAMED_PATHS[kind](enc(name), namespace && enc(namespace)), { metadataOnly: 'object' });
      return r.status === 200;
    },
    async accessReviews(namespace, perms) {
      const path = '/apis/authorization.k8s.io/v1/selfsubjectaccessreviews';
      log?.(`POST ${api.endpoint.server}${path} (${perms.length} reviews)`);
      const answers = await Promise.all(perms.map((p) => api.post(path, accessReview(namespace, p))));
      if (answers.some((a) => a.status !== 201 && a.status !== 200)) return {};
      return Object.fromEntries(
        perms.map((p, i) => {
          const a = answers[i];
          const allowed = (a?.body as { status?: { allowed?: unknown } } | undefined)?.status?.allowed === true;
          return [p, allowed];
        }),
      );
    },
    async apiVersions() {
      const r = await get('/apis');
      if (r.status !== 200) return undefined;
      const groups = (r.body as { groups?: { versions?: { groupVersion?: string }[] }[] }).groups ?? [];
      return ['v1', ...groups.flatMap((g) => (g.versions ?? []).map((v) => v.groupVersion ?? '').filter(Boolean))];
    },
    async storageClasses() {
      return itemsOf(await get('/apis/storage.k8s.io/v1/storageclasses'), 'StorageClass');
    },
    async releaseObjects(namespace, selector, signal) {
      log?.(
        `GET ${api.endpoint.server}/…/namespaces/${namespace}/{${RELEASE_KINDS.join(',')}}?labelSelector=${selector}`,
      );
      const lists = await Promise.all(
        RELEASE_KINDS.map(async (k) => {
          const { prefix, kind } = LIST_PATHS[k];
          const path = `${prefix}/namespaces/${enc(namespace)}/${k}?labelSelector=${enc(selector)}`;
          return itemsOf(await api.get(path, { signal }), kind);
        }),
      );
      return lists.some((l) => l === undefined) ? undefined : lists.flatMap((l) => l ?? []);
    },
    async events(namespace, signal) {
      return itemsOf(await get(`/api/v1/namespaces/${enc(namespace)}/events`, { signal }), 'Event');
    },
    async releaseRevisions(namespace, release) {
      if (!helmStoresInSecrets(env)) return undefined;
      const selector = `owner=helm,name=${release}`;
      const r = await get(`/api/v1/namespaces/${enc(namespace)}/secrets?labelSelector=${enc(selector)}`, {
        metadataOnly: 'list',
      });
      const items = itemsOf(r, 'Secret') as { metadata?: { labels?: Record<string, string> } }[] | undefined;
      if (!items) return undefined;
      return items
        .map((s) => ({
          revision: Number(s.metadata?.labels?.version),
          status: s.metadata?.labels?.status ?? 'unknown',
        }))
        .filter((x) => Number.isInteger(x.revision))
        .sort((a, b) => a.revision - b.revision);
    },
    close: () => api.close(),
  };
}

/** Helm keeps releases in Secrets unless HELM_DRIVER says otherwise (configmap, sql, memory). */
function helmStoresInSecrets(env: Readonly<Record<string, string | undefined>>): boolean {
  const d = env.HELM_DRIVER ?? '';
  return d === '' || d === 'secret' || d === 'secrets';
}

/**
 * The fastest reader that works for this kubeconfig. `note` hears why kubectl is
 * used when the API cannot be (shown with --verbose).
 */
export async function openClusterReader(
  runner: Runner,
  k: KubectlTarget,
  env: Readonly<Record<string, string | undefined>>,
  log?: (line: string) => void,
): Promise<ClusterReader> {
  if (env.FHW_KUBE_API === '0') return kubectlReader(runner, k);
  const opened = await openKubeApi(k, env);
  if (opened.ok) return apiReader(opened.api, env, log);
  log?.(`(reading the cluster with kubectl: ${opened.reason})`);
  return kubectlReader(runner, k);
}
