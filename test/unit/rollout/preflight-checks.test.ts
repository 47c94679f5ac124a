import { describe, expect, it } from 'vitest';
import {
  type ClusterFacts,
  evaluatePreflight,
  isLocalCluster,
  type PreflightNeeds,
} from '../../../src/rollout/preflight-checks.js';

const needs: PreflightNeeds = {
  namespace: 'dev-flask-app',
  release: 'flask-app',
  monitoring: false,
  autoscaling: false,
  existingSecrets: [],
  image: 'flask-app:dev',
  localOnlyImage: true,
};
const facts: ClusterFacts = {
  context: 'fhw-e2e',
  server: 'https://127.0.0.1:16443',
  reachable: true,
  serverVersion: 'v1.35.4',
  namespaceExists: true,
  canI: {},
  secretsFound: {},
};
const levels = (n: Partial<PreflightNeeds>, f: Partial<ClusterFacts>) =>
  Object.fromEntries(evaluatePreflight({ ...needs, ...n }, { ...facts, ...f }).map((c) => [c.id, c.level]));

describe('evaluatePreflight', () => {
  it('a healthy local cluster passes', () => {
    expect(levels({}, {})).toEqual({ cluster: 'ok', namespace: 'ok', rbac: 'ok' });
  });
  it('an unreachable cluster is the only, blocking finding', () => {
    const c = evaluatePreflight(needs, { ...facts, reachable: false, unreachableReason: 'connection refused' });
    expect(c).toEqual([
      expect.objectContaining({
        id: 'cluster',
        level: 'error',
        message: expect.stringContaining('connection refused'),
      }),
    ]);
  });
  it('a missing ingress class blocks, with what to do', () => {
    const c = evaluatePreflight({ ...needs, ingressClass: 'nginx' }, { ...facts, ingressClassExists: false });
    expect(c.find((x) => x.id === 'ingress-class')).toMatchObject({
      level: 'error',
      message: 'IngressClass nginx not found',
      hint: expect.stringContaining('--ingress-class'),
    });
  });
  it('a missing referenced Secret blocks and says how to create it from stdin', () => {
    const c = evaluatePreflight(
      { ...needs, existingSecrets: ['db-pass'] },
      { ...facts, secretsFound: { 'db-pass': false } },
    );
    expect(c.find((x) => x.id === 'secret:db-pass')).toMatchObject({
      level: 'error',
      hint: expect.stringContaining('/dev/stdin'),
    });
  });
  it('missing metrics API only warns; missing ServiceMonitor CRD and ClusterIssuer block', () => {
    expect(
      levels(
        { autoscaling: true, monitoring: true, clusterIssuer: 'le' },
        { metricsApi: false, serviceMonitorCrd: false, clusterIssuerExists: false },
      ),
    ).toMatchObject({
      'metrics-api': 'warn',
      'servicemonitor-crd': 'error',
      'cluster-issuer': 'error',
    });
  });
  it('storage needs a default StorageClass, or the named one', () => {
    expect(
      levels({ storage: { storageClass: '' } }, { storageClasses: [{ name: 'standard', isDefault: false }] })[
        'storage-class'
      ],
    ).toBe('error');
    expect(
      levels({ storage: { storageClass: '' } }, { storageClasses: [{ name: 'standard', isDefault: true }] })[
        'storage-class'
      ],
    ).toBe('ok');
    expect(
      levels({ storage: { storageClass: 'fast' } }, { storageClasses: [{ name: 'standard', isDefault: true }] })[
        'storage-class'
      ],
    ).toBe('error');
  });
  it('denied permissions block and are named', () => {
    const c = evaluatePreflight(needs, { ...facts, canI: { 'create secrets': false, 'create deployments': true } });
    expect(c.find((x) => x.id === 'rbac')).toMatchObject({
      level: 'error',
      message: 'not allowed to create secrets in dev-flask-app',
    });
  });
  it('a pending release blocks and offers the rollback', () => {
    const c = evaluatePreflight(needs, { ...facts, releaseStatus: 'pending-upgrade' });
    expect(c.find((x) => x.id === 'release')).toMatchObject({
      level: 'error',
      hint: expect.stringContaining('flask-helm-wizard rollback'),
    });
  });
  it('the local dev image on a remote cluster warns', () => {
    expect(levels({}, { context: 'gke_prod', server: 'https://34.1.2.3' }).image).toBe('warn');
    expect(
      levels({ localOnlyImage: false }, { context: 'gke_prod', server: 'https://34.1.2.3' }).image,
    ).toBeUndefined();
  });
});

describe('isLocalCluster', () => {
  it('knows loopback servers and local tool contexts', () => {
    expect(isLocalCluster('anything', 'https://127.0.0.1:6443')).toBe(true);
    expect(isLocalCluster('kind-dev', 'https://10.0.0.1:6443')).toBe(true);
    expect(isLocalCluster('minikube', undefined)).toBe(true);
    expect(isLocalCluster('prod-eu', 'https://api.example.internal')).toBe(false);
  });
});
