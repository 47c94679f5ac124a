import { describe, expect, it } from 'vitest';
import {
  application,
  checkInput,
  exportFiles,
  fluxKustomization,
  fluxSource,
  helmRelease,
} from '../../../src/gitops/index.js';
import { devInput, prodInput, VALUES } from './fixtures.js';

// The objects as JSON trees, to read nested fields without a cast per level.
const tree = (o: object) => JSON.parse(JSON.stringify(o));

describe('Flux export', () => {
  it('OCIRepository pins the chart version, selects the helm layer and references the login and CA Secrets', () => {
    const src = tree(fluxSource(prodInput()));
    expect(src.apiVersion).toBe('source.toolkit.fluxcd.io/v1');
    expect(src.kind).toBe('OCIRepository');
    expect(src.metadata).toEqual({ name: 'web-chart', namespace: 'prod-flask-app' });
    expect(src.spec.url).toBe('oci://registry.example.com/charts/flask-app');
    expect(src.spec.ref).toEqual({ tag: '0.2.0' });
    expect(src.spec.layerSelector.mediaType).toBe('application/vnd.cncf.helm.chart.content.v1.tar+gzip');
    expect(src.spec.secretRef).toEqual({ name: 'registry-login' });
    expect(src.spec.certSecretRef).toEqual({ name: 'registry-ca' });
    expect(fluxSource(devInput()).spec).not.toHaveProperty('secretRef');
  });

  it('a chart kept in the same repository becomes a GitRepository and a chart.spec with reconcileStrategy Revision', () => {
    const i = devInput({ chart: { kind: 'git', path: 'flask-app' } });
    const src = tree(fluxSource(i));
    expect(src.kind).toBe('GitRepository');
    expect(src.spec).toMatchObject({ url: 'https://git.example.com/team/app.git', ref: { branch: 'main' } });
    const hr = tree(helmRelease(i));
    expect(hr.spec.chartRef).toBeUndefined();
    expect(hr.spec.chart.spec).toEqual({
      chart: 'flask-app',
      sourceRef: { kind: 'GitRepository', name: 'web-chart' },
      reconcileStrategy: 'Revision',
    });
    expect(exportFiles(i, VALUES).map((f) => f.name)).toContain('gitrepository.yaml');
  });

  it('HelmRelease carries remediation, rollback strategy, timeout, drift detection and the values in helm order', () => {
    const hr = tree(helmRelease(prodInput({ timeout: '7m', retries: 2 })));
    expect(hr.apiVersion).toBe('helm.toolkit.fluxcd.io/v2');
    expect(hr.spec).toMatchObject({
      releaseName: 'web',
      targetNamespace: 'prod-flask-app',
      chartRef: { kind: 'OCIRepository', name: 'web-chart' },
      timeout: '7m',
      install: { remediation: { retries: 2 } },
      upgrade: { remediation: { retries: 2, strategy: 'rollback', remediateLastFailure: true } },
      driftDetection: { mode: 'enabled' },
    });
    expect(hr.spec.valuesFrom).toEqual([
      { kind: 'ConfigMap', name: 'web-values-prod', valuesKey: 'values.yaml' },
      { kind: 'ConfigMap', name: 'web-values-override', valuesKey: 'values.yaml' },
    ]);
  });

  it('kustomization generates the ConfigMaps from the env file then the override file, and no Secret', () => {
    const k = tree(fluxKustomization(prodInput()));
    expect(k.resources).toEqual(['ocirepository.yaml', 'helmrelease.yaml']);
    expect(k.configMapGenerator).toEqual([
      { name: 'web-values-prod', files: ['values.yaml=values-prod.yaml'] },
      { name: 'web-values-override', files: ['values.yaml=web.prod-flask-app.values.yaml'] },
    ]);
    expect(k).not.toHaveProperty('secretGenerator');
  });

  it('existing Secrets are named in the README, and no generated file holds a Secret object', () => {
    const files = exportFiles(prodInput(), VALUES);
    const readme = files.find((f) => f.name === 'README.md');
    expect(readme?.kind === 'readme' && readme.section).toContain('`web-db`, `web-redis`, `web-tls`');
    for (const f of files) if (f.kind === 'yaml') expect(JSON.stringify(f.value)).not.toMatch(/"kind":"Secret"/);
  });
});

describe('Argo CD export', () => {
  it('multi-source Application: the OCI chart, then this repository as ref values, $values files in order', () => {
    const app = tree(application(prodInput({ tool: 'argocd' })));
    expect(app.apiVersion).toBe('argoproj.io/v1alpha1');
    expect(app.metadata).toEqual({ name: 'web-prod-flask-app', namespace: 'argocd' });
    expect(app.spec.destination).toEqual({ server: 'https://kubernetes.default.svc', namespace: 'prod-flask-app' });
    expect(app.spec.sources).toEqual([
      {
        repoURL: 'registry.example.com/charts',
        chart: 'flask-app',
        targetRevision: '0.2.0',
        helm: {
          releaseName: 'web',
          valueFiles: ['$values/deploy/prod/values-prod.yaml', '$values/deploy/prod/web.prod-flask-app.values.yaml'],
        },
      },
      { repoURL: 'https://git.example.com/team/app.git', targetRevision: 'main', ref: 'values' },
    ]);
    expect(app.spec.syncPolicy.syncOptions).toEqual(['CreateNamespace=true', 'ServerSideApply=true']);
  });

  it('prune and selfHeal are off for prod and on for dev', () => {
    expect(tree(application(prodInput({ tool: 'argocd' }))).spec.syncPolicy.automated).toEqual({
      prune: false,
      selfHeal: false,
    });
    expect(tree(application(devInput({ tool: 'argocd' }))).spec.syncPolicy.automated).toEqual({
      prune: true,
      selfHeal: true,
    });
  });

  it('the folder holds application.yaml, a kustomization for it, both values files and the README', () => {
    expect(exportFiles(devInput({ tool: 'argocd' }), VALUES).map((f) => f.name)).toEqual([
      'values-dev.yaml',
      'web.dev-flask-app.values.yaml',
      'application.yaml',
      'kustomization.yaml',
      'README.md',
    ]);
  });
});

describe('checkInput', () => {
  it('accepts the fixtures', () => {
    expect(checkInput(devInput())).toEqual([]);
    expect(checkInput(prodInput())).toEqual([]);
  });

  it('names every bad field at once', () => {
    const problems = checkInput(
      devInput({
        namespace: 'Prod',
        chart: { kind: 'oci', ref: 'https://x/flask-app', version: 'latest' },
        overrideFile: 'values-dev.yaml',
        timeout: 'soon',
        retries: -1,
        existingSecrets: ['ok-name', 'Bad_Name'],
        git: { url: '', revision: 'main', path: '../up' },
      }),
    );
    expect(problems.map((p) => p.field)).toEqual([
      'namespace',
      'chart',
      'chart-version',
      'override-file',
      'timeout',
      'retries',
      'git-url',
      'git-path',
      'existing-secrets',
    ]);
    for (const p of problems) expect(p.hint).not.toBe('');
  });
});
