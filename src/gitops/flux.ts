// Flux objects for an export: the chart source (OCIRepository or GitRepository),
// the HelmRelease, and the kustomization that generates the values ConfigMaps from
// the files in the folder (so the files in git stay the ones the wizard wrote).
import { envValuesFile, type GitOpsInput } from './input.js';

type Obj = Record<string, unknown>;

export const HELM_CHART_LAYER = 'application/vnd.cncf.helm.chart.content.v1.tar+gzip';
/** Key of the values inside each generated ConfigMap. */
export const VALUES_KEY = 'values.yaml';

export function sourceName(i: GitOpsInput): string {
  return `${i.release}-chart`;
}

/** The two values ConfigMaps, in the order helm layers them. */
export function valuesConfigMaps(i: GitOpsInput): { name: string; file: string }[] {
  return [
    { name: `${i.release}-values-${i.environment}`, file: envValuesFile(i.environment) },
    { name: `${i.release}-values-override`, file: i.overrideFile },
  ];
}

export function sourceFile(i: GitOpsInput): string {
  return i.chart.kind === 'oci' ? 'ocirepository.yaml' : 'gitrepository.yaml';
}

export function fluxSource(i: GitOpsInput): Obj {
  const metadata = { name: sourceName(i), namespace: i.namespace };
  if (i.chart.kind === 'oci') {
    const spec: Obj = {
      interval: '5m',
      url: i.chart.ref,
      ref: { tag: i.chart.version },
      // helm-controller needs the chart tarball layer, not the whole artifact.
      layerSelector: { mediaType: HELM_CHART_LAYER, operation: 'copy' },
    };
    if (i.chart.pullSecret) spec.secretRef = { name: i.chart.pullSecret };
    if (i.chart.caSecret) spec.certSecretRef = { name: i.chart.caSecret };
    return { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'OCIRepository', metadata, spec };
  }
  const spec: Obj = { interval: '5m', url: i.git.url, ref: { branch: i.git.revision } };
  if (i.git.secret) spec.secretRef = { name: i.git.secret };
  return { apiVersion: 'source.toolkit.fluxcd.io/v1', kind: 'GitRepository', metadata, spec };
}

export function helmRelease(i: GitOpsInput): Obj {
  const chart: Obj =
    i.chart.kind === 'oci'
      ? { chartRef: { kind: 'OCIRepository', name: sourceName(i) } }
      : {
          chart: {
            spec: {
              chart: i.chart.path,
              sourceRef: { kind: 'GitRepository', name: sourceName(i) },
              // A chart in git has no version of its own to follow: every commit counts.
              reconcileStrategy: 'Revision',
            },
          },
        };
  return {
    apiVersion: 'helm.toolkit.fluxcd.io/v2',
    kind: 'HelmRelease',
    metadata: { name: i.release, namespace: i.namespace },
    spec: {
      interval: '10m',
      // Without it Flux names the release <targetNamespace>-<name>; the hand-off must
      // keep the release the wizard installed.
      releaseName: i.release,
      targetNamespace: i.namespace,
      storageNamespace: i.namespace,
      ...chart,
      timeout: i.timeout,
      install: { remediation: { retries: i.retries } },
      // remediateLastFailure: roll back the last failed attempt too, whatever the retries
      // (Flux's default skips it when retries is 0).
      upgrade: {
        cleanupOnFail: true,
        remediation: { retries: i.retries, strategy: 'rollback', remediateLastFailure: true },
      },
      driftDetection: { mode: 'enabled' },
      valuesFrom: valuesConfigMaps(i).map((c) => ({ kind: 'ConfigMap', name: c.name, valuesKey: VALUES_KEY })),
    },
  };
}

/** Teaches kustomize that HelmRelease valuesFrom names ConfigMaps, so the hashed names follow. */
export function kustomizeConfig(): Obj {
  return {
    nameReference: [
      { kind: 'ConfigMap', version: 'v1', fieldSpecs: [{ path: 'spec/valuesFrom/name', kind: 'HelmRelease' }] },
    ],
  };
}

export function fluxKustomization(i: GitOpsInput): Obj {
  return {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    namespace: i.namespace,
    resources: [sourceFile(i), 'helmrelease.yaml'],
    // A values change gives the ConfigMap a new hashed name, so the HelmRelease spec
    // changes and helm-controller upgrades at once instead of at the next interval.
    configMapGenerator: valuesConfigMaps(i).map((c) => ({ name: c.name, files: [`${VALUES_KEY}=${c.file}`] })),
    configurations: ['kustomizeconfig.yaml'],
  };
}
