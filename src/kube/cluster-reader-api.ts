// The API transport of the cluster reader: every read is a request on the one HTTP/2
// connection of a KubeApi, metadata only where that is all the answer needs.
import type { ApiResponse, KubeApi } from './api/client.js';
import type { ClusterReader, NamedKind } from './cluster-reader.js';
import { accessReview, RELEASE_KINDS } from './cluster-reader.js';

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
