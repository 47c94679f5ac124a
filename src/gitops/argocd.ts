// The Argo CD Application for an export: the chart as one source, this git
// repository as a `ref: values` source, and `$values/...` files in helm's order.
import { envValuesFile, type GitOpsInput } from './input.js';

type Obj = Record<string, unknown>;

/** Argo CD names a Helm OCI chart by `host/path` without the scheme, plus `chart`. */
function ociParts(ref: string): { repoURL: string; chart: string } {
  const bare = ref.replace(/^oci:\/\//, '');
  const cut = bare.lastIndexOf('/');
  return { repoURL: bare.slice(0, cut), chart: bare.slice(cut + 1) };
}

function inRepo(dir: string, file: string): string {
  return dir === '' || dir === '.' ? file : `${dir.replace(/\/+$/, '')}/${file}`;
}

export function application(i: GitOpsInput): Obj {
  const valueFiles = [envValuesFile(i.environment), i.overrideFile].map((f) => `$values/${inRepo(i.git.path, f)}`);
  const helm = { releaseName: i.release, valueFiles };
  const chartSource: Obj =
    i.chart.kind === 'oci'
      ? { ...ociParts(i.chart.ref), targetRevision: i.chart.version, helm }
      : { repoURL: i.git.url, path: i.chart.path, targetRevision: i.git.revision, helm };
  // Production changes go through a person: no automatic prune or self-heal there.
  const auto = i.environment !== 'prod';
  return {
    apiVersion: 'argoproj.io/v1alpha1',
    kind: 'Application',
    metadata: { name: `${i.release}-${i.namespace}`, namespace: i.argocd?.namespace ?? 'argocd' },
    spec: {
      project: i.argocd?.project ?? 'default',
      destination: { server: 'https://kubernetes.default.svc', namespace: i.namespace },
      sources: [chartSource, { repoURL: i.git.url, targetRevision: i.git.revision, ref: 'values' }],
      syncPolicy: {
        automated: { prune: auto, selfHeal: auto },
        // ServerSideApply matches Helm 4, which applies server-side by default.
        syncOptions: ['CreateNamespace=true', 'ServerSideApply=true'],
        retry: { limit: i.retries, backoff: { duration: '10s', factor: 2, maxDuration: i.timeout } },
      },
    },
  };
}

export function argoKustomization(): Obj {
  return { apiVersion: 'kustomize.config.k8s.io/v1beta1', kind: 'Kustomization', resources: ['application.yaml'] };
}
