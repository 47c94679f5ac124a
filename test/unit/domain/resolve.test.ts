import { describe, expect, it } from 'vitest';
import type { AnswerLayer, FlatAnswers } from '../../../src/domain/keys.js';
import { resolveAnswers } from '../../../src/domain/resolve.js';
import { DEV_ANSWERS } from '../../helpers/answers.js';

const flags = (values: FlatAnswers): AnswerLayer => ({ source: 'flag', values });
const file = (values: FlatAnswers): AnswerLayer => ({ source: 'answers-file', origin: 'a.yaml', values });
const existing = (values: FlatAnswers): AnswerLayer => ({ source: 'values-file', origin: 'v.yaml', values });

function ok(layers: AnswerLayer[], useDefaults = true) {
  const r = resolveAnswers(layers, { useDefaults });
  if (!r.ok) throw new Error(JSON.stringify(r, null, 1));
  return r.answers;
}

function bad(layers: AnswerLayer[], useDefaults = true, nameDefaults = false) {
  const r = resolveAnswers(layers, { useDefaults, nameDefaults });
  if (r.ok) throw new Error('expected problems');
  return r;
}

const PROD = {
  environment: 'prod',
  image: 'ghcr.io/acme/app:1.0',
  'db-host': 'db.internal',
  'redis-host': 'cache.internal',
  host: 'app.example.com',
};

describe('defaults per environment (--yes)', () => {
  it('dev needs nothing and keeps everything in the cluster', () => {
    expect(ok([flags({ environment: 'dev' })])).toEqual(DEV_ANSWERS);
  });

  it('--yes alone picks dev', () => expect(ok([flags({})]).environment).toBe('dev'));

  it('staging asks only for the image and the hostname', () => {
    const r = bad([flags({ environment: 'staging' })]);
    expect(r.errors).toEqual([]);
    expect(r.missing).toEqual(['image', 'host']);
  });

  it('prod asks only for the image and the hostname: services default to values-prod.yaml', () => {
    const r = bad([flags({ environment: 'prod' })]);
    expect(r.errors).toEqual([]);
    expect(r.missing).toEqual(['image', 'host']);
    const a = ok([flags({ environment: 'prod', image: 'acme/app:1', host: 'a.example.com' })]);
    expect(a.database).toEqual({
      mode: 'external',
      host: 'flask-app-db-rw',
      port: 5432,
      name: 'app',
      user: 'app',
      secret: 'flask-app-db-app',
    });
    expect(a.redis).toEqual({ mode: 'external', host: 'flask-app-cache', port: 6379, secret: 'flask-app-redis' });
    expect(a.storage).toEqual({ enabled: true, size: '1Gi', storageClass: '' });
  });

  it('prod uses external services, TLS, autoscaling and monitoring', () => {
    const a = ok([flags(PROD)]);
    expect(a.namespace).toBe('prod-flask-app');
    expect(a.database).toEqual({
      mode: 'external',
      host: 'db.internal',
      port: 5432,
      name: 'app',
      user: 'app',
      secret: 'flask-app-db-app',
    });
    expect(a.redis).toEqual({ mode: 'external', host: 'cache.internal', port: 6379, secret: 'flask-app-redis' });
    expect(a.ingress).toEqual({
      enabled: true,
      host: 'app.example.com',
      className: 'nginx',
      tls: { mode: 'cert-manager', clusterIssuer: 'letsencrypt-prod', secretName: 'flask-app-tls' },
    });
    expect(a.scaling).toEqual({ mode: 'autoscale', min: 3, max: 20 });
    expect(a.monitoring).toBe(true);
  });

  it('Secret names follow the release name', () => {
    const a = ok([flags({ ...PROD, release: 'shop' })]);
    expect(a.database.mode === 'external' && a.database.secret).toBe('shop-db-app');
  });
});

describe('precedence: flags > answers file > existing values file > defaults', () => {
  it('takes each key from the highest layer that has it', () => {
    const a = ok([
      flags({ replicas: 3 }),
      file({ environment: 'dev', replicas: 2, image: 'acme/app:2' }),
      existing({ image: 'acme/app:1', monitoring: true, replicas: 1 }),
    ]);
    expect(a.scaling).toEqual({ mode: 'fixed', replicas: 3 });
    expect(a.image).toEqual({ repository: 'acme/app', tag: '2' });
    expect(a.monitoring).toBe(true);
  });

  it('a choice in a higher layer drops the sub-answers of a lower layer', () => {
    const a = ok([
      flags({ environment: 'dev', database: 'subchart' }),
      existing({ database: 'external', 'db-host': 'old.db' }),
    ]);
    expect(a.database).toEqual({ mode: 'subchart' });
  });

  it('autoscale in flags beats replicas remembered in the values file', () => {
    const a = ok([flags({ environment: 'dev', autoscale: '2:5' }), existing({ replicas: 1 })]);
    expect(a.scaling).toEqual({ mode: 'autoscale', min: 2, max: 5 });
  });
});

describe('implied choices', () => {
  it('--db-host implies an external database', () => {
    const a = ok([flags({ environment: 'dev', 'db-host': 'pg.example', 'db-secret': 'pg' })]);
    expect(a.database).toMatchObject({ mode: 'external', host: 'pg.example', secret: 'pg' });
  });
  it('--host implies an ingress, --cluster-issuer implies cert-manager TLS', () => {
    const a = ok([flags({ environment: 'dev', host: 'dev.example.com', 'cluster-issuer': 'ca' })]);
    expect(a.ingress).toEqual({
      enabled: true,
      host: 'dev.example.com',
      className: 'nginx',
      tls: { mode: 'cert-manager', clusterIssuer: 'ca', secretName: 'flask-app-tls' },
    });
  });
  it('--storage-class turns the model volume on with the default size', () => {
    expect(ok([flags({ environment: 'dev', 'storage-class': 'fast' })]).storage).toEqual({
      enabled: true,
      size: '10Gi',
      storageClass: 'fast',
    });
  });
  it('--no-storage turns it off', () => {
    expect(ok([flags({ environment: 'dev', storage: false })]).storage).toEqual({ enabled: false });
  });
});

describe('problems are reported together, each with a hint', () => {
  it('collects every bad value and every missing answer', () => {
    const r = bad([flags({ environment: 'prod', namespace: 'Bad_NS', replicas: 'many', 'db-port': '99999' })]);
    expect(r.errors.map((e) => e.key)).toEqual(['namespace', 'db-port', 'replicas']);
    for (const e of r.errors) expect(e.hint.length).toBeGreaterThan(10);
    expect(r.missing).toEqual(['image', 'host']);
  });

  it('prod refuses an ingress without TLS', () => {
    const r = bad([flags({ ...PROD, tls: 'none' })]);
    expect(r.errors).toHaveLength(1);
    expect(r.errors[0]?.message).toMatch(/production ingress must serve TLS/);
  });

  it('a flag for a switched-off feature is an error', () => {
    const r = bad([flags({ environment: 'dev', database: 'subchart', 'db-host': 'x.db' })]);
    expect(r.errors[0]?.message).toBe('--db-host was given but --database is subchart');
    expect(r.errors[0]?.hint).toMatch(/--database external/);
  });

  it('--replicas with --autoscale is an error', () => {
    expect(bad([flags({ environment: 'dev', replicas: 2, autoscale: '2:4' })]).errors[0]?.key).toBe('autoscale');
  });

  it('names the answers file a bad value came from', () => {
    const r = bad([file({ environment: 'dev', 'redis-port': 'x' })]);
    expect(r.errors[0]?.message).toMatch(/in answers file a\.yaml/);
  });

  it('an unknown environment is an error, not a default', () => {
    expect(bad([flags({ environment: 'qa' })]).errors[0]?.message).toMatch(/"qa" is not one of dev, staging, prod/);
  });
});

describe('without --yes nothing is defaulted', () => {
  it('every unanswered question is missing', () => {
    const r = bad([flags({ environment: 'dev' })], false);
    expect(r.missing).toEqual([
      'namespace',
      'release',
      'image',
      'database',
      'redis',
      'ingress',
      'replicas',
      'storage',
      'monitoring',
    ]);
  });
  it('release and namespace take their documented defaults when asked to', () => {
    const r = bad([flags({ environment: 'dev' })], false, true);
    expect(r.missing).not.toContain('namespace');
    expect(r.missing).not.toContain('release');
    expect(r.known).toMatchObject({ namespace: 'dev-flask-app', release: 'flask-app' });
  });
  it('the existing values file counts as answered', () => {
    const a = ok(
      [
        flags({ environment: 'dev', namespace: 'dev-flask-app', release: 'flask-app' }),
        existing({
          image: 'acme/app:1',
          database: 'none',
          redis: 'none',
          ingress: false,
          replicas: 2,
          storage: false,
          monitoring: false,
        }),
      ],
      false,
    );
    expect(a.scaling).toEqual({ mode: 'fixed', replicas: 2 });
  });
  it('known holds every complete group, for the wizard to skip', () => {
    const r = bad([flags({ environment: 'dev', image: 'acme/app:3', 'db-host': 'db.x' })], false);
    expect(r.known).toEqual({ environment: 'dev', image: { repository: 'acme/app', tag: '3' } });
    expect(r.missing).toContain('db-port');
  });
});
