import { describe, expect, it } from 'vitest';
import type { Answers } from '../../../src/domain/answers.js';
import { answersFromValues } from '../../../src/domain/from-values.js';
import { resolveAnswers } from '../../../src/domain/resolve.js';
import { valueEntries, valuesFor } from '../../../src/domain/to-values.js';
import { DEV_ANSWERS as dev } from '../../helpers/answers.js';

const prod: Answers = {
  environment: 'prod',
  namespace: 'prod-flask-app',
  release: 'flask-app',
  image: { repository: 'ghcr.io/acme/flask-app', tag: '1.4.2' },
  database: { mode: 'external', host: 'db.internal', port: 5432, name: 'shop', user: 'shop', secret: 'shop-db' },
  redis: { mode: 'external', host: 'cache.internal', port: 6380, secret: 'shop-redis' },
  ingress: {
    enabled: true,
    host: 'shop.example.com',
    className: 'nginx',
    tls: { mode: 'cert-manager', clusterIssuer: 'letsencrypt-prod', secretName: 'shop-tls' },
  },
  scaling: { mode: 'autoscale', min: 3, max: 20 },
  storage: { enabled: true, size: '20Gi', storageClass: 'efs' },
  monitoring: true,
};

describe('answers → values', () => {
  it('dev: subcharts on, external hosts empty, no ingress, fixed replicas', () => {
    expect(valuesFor(dev)).toEqual({
      flask: { env: 'development' },
      image: { repository: 'flask-app', tag: 'dev' },
      replicaCount: 2,
      autoscaling: { enabled: false },
      postgresql: { enabled: true },
      database: { host: '' },
      redis: { enabled: true },
      externalRedis: { host: '' },
      ingress: { enabled: false },
      persistence: { enabled: false },
      serviceMonitor: { enabled: false },
    });
  });

  it('prod: external services by existing Secret, TLS by cert-manager, HPA, RWX volume', () => {
    expect(valuesFor(prod)).toEqual({
      flask: { env: 'production' },
      image: { repository: 'ghcr.io/acme/flask-app', tag: '1.4.2' },
      autoscaling: { enabled: true, minReplicas: 3, maxReplicas: 20 },
      postgresql: { enabled: false },
      database: {
        host: 'db.internal',
        port: 5432,
        name: 'shop',
        user: 'shop',
        existingSecret: 'shop-db',
        passwordKey: 'password',
      },
      redis: { enabled: false },
      externalRedis: { host: 'cache.internal', port: 6380, existingSecret: 'shop-redis', passwordKey: 'password' },
      ingress: {
        enabled: true,
        className: 'nginx',
        annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-prod' },
        hosts: [{ host: 'shop.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
        tls: [{ secretName: 'shop-tls', hosts: ['shop.example.com'] }],
      },
      persistence: { enabled: true, size: '20Gi', storageClass: 'efs', accessMode: 'ReadWriteMany' },
      serviceMonitor: { enabled: true },
    });
  });

  it('staging: environment is staging; one replica with storage mounts ReadWriteOnce', () => {
    const v = valuesFor({
      ...dev,
      environment: 'staging',
      scaling: { mode: 'fixed', replicas: 1 },
      storage: { enabled: true, size: '5Gi', storageClass: '' },
    });
    expect(v.flask).toEqual({ env: 'staging' });
    expect(v.persistence).toEqual({ enabled: true, size: '5Gi', storageClass: '', accessMode: 'ReadWriteOnce' });
  });

  it('database and redis "none" switch both the subchart and the external host off', () => {
    const v = valuesFor({ ...dev, database: { mode: 'none' }, redis: { mode: 'none' } });
    expect(v.postgresql).toEqual({ enabled: false });
    expect(v.database).toEqual({ host: '' });
    expect(v.redis).toEqual({ enabled: false });
    expect(v.externalRedis).toEqual({ host: '' });
  });

  it('TLS from an existing secret cancels the issuer the prod environment file sets', () => {
    const v = valuesFor({
      ...prod,
      ingress: {
        enabled: true,
        host: 'a.example.com',
        className: 'traefik',
        tls: { mode: 'secret', secretName: 'a-tls' },
      },
    });
    expect(v.ingress).toMatchObject({
      className: 'traefik',
      annotations: { 'cert-manager.io/cluster-issuer': '' },
      tls: [{ secretName: 'a-tls', hosts: ['a.example.com'] }],
    });
  });

  it('plain-HTTP ingress in dev has an empty tls list and no annotations', () => {
    const v = valuesFor({
      ...dev,
      ingress: { enabled: true, host: 'dev.example.com', className: 'nginx', tls: { mode: 'none' } },
    });
    expect((v.ingress as { tls: unknown }).tls).toEqual([]);
    expect(v.ingress).not.toHaveProperty('annotations');
  });

  it('every written key has a comment naming the answer that set it', () => {
    for (const a of [dev, prod]) {
      for (const e of valueEntries(a)) expect(e.comment).toMatch(/\(answer: --[a-z-]+/);
    }
  });

  it('never writes anything that looks like a password value', () => {
    const text = JSON.stringify(valuesFor(prod));
    expect(text).not.toMatch(/"password":/);
  });
});

describe('values → answers (re-run pre-fill)', () => {
  it.each([
    ['dev', dev],
    ['prod', prod],
  ] as const)('%s round-trips through the values', (_name, answers) => {
    const flat = answersFromValues(valuesFor(answers));
    const r = resolveAnswers(
      [{ source: 'values-file', values: { ...flat, namespace: answers.namespace, release: answers.release } }],
      { useDefaults: false },
    );
    expect(r).toEqual({ ok: true, answers });
  });

  it('ignores keys it does not own and tolerates junk', () => {
    expect(answersFromValues({ podLabels: { a: 'b' }, image: 'not-a-map', ingress: { enabled: 'maybe' } })).toEqual({});
    expect(answersFromValues(null)).toEqual({});
  });
});

describe('only what the answers change on top of the environment', () => {
  const base = {
    flask: { env: 'development' },
    image: { repository: 'flask-app', tag: '' },
    replicaCount: 2,
    autoscaling: { enabled: false },
    postgresql: { enabled: true },
    database: { host: '' },
    redis: { enabled: true },
    externalRedis: { host: '' },
    ingress: { enabled: false, annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-staging', other: 'x' } },
    persistence: { enabled: false },
    serviceMonitor: { enabled: false },
  };

  it('leaves out every key the environment already sets to the same value', () => {
    expect(valuesFor(dev, base)).toEqual({ image: { tag: 'dev' } });
  });

  it('keeps a map entry unless each of its keys is already there (maps merge in helm)', () => {
    const withIngress: Answers = {
      ...dev,
      ingress: {
        enabled: true,
        host: 'a.example.com',
        className: 'nginx',
        tls: { mode: 'cert-manager', clusterIssuer: 'letsencrypt-staging', secretName: 't' },
      },
    };
    const v = valuesFor(withIngress, base);
    expect(v.ingress).toEqual({
      enabled: true,
      className: 'nginx',
      hosts: [{ host: 'a.example.com', paths: [{ path: '/', pathType: 'Prefix' }] }],
      tls: [{ secretName: 't', hosts: ['a.example.com'] }],
    });
  });

  it('without a base everything the answers own is written', () => {
    expect(Object.keys(valuesFor(dev))).toHaveLength(11);
  });
});
