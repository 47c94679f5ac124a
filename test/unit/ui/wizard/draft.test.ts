import { expect, test } from 'vitest';
import type { Answers } from '../../../../src/domain/answers.js';
import { presetFor } from '../../../../src/domain/presets.js';
import { draftFromAnswers, draftFromFlat, presetDraft, toAnswers } from '../../../../src/ui/wizard/draft.js';

const PROD: Answers = {
  environment: 'prod',
  namespace: 'prod-flask-app',
  release: 'shop',
  image: { repository: 'acme/shop', tag: '7' },
  database: { mode: 'external', host: 'pg', port: 5432, name: 'shop', user: 'shop', secret: 'pg-cred' },
  redis: { mode: 'external', host: 'redis', port: 6379, secret: '' },
  ingress: {
    enabled: true,
    host: 'shop.example.com',
    className: 'nginx',
    tls: { mode: 'cert-manager', clusterIssuer: 'letsencrypt-prod', secretName: 'shop-tls' },
  },
  scaling: { mode: 'autoscale', min: 3, max: 20 },
  storage: { enabled: true, size: '5Gi', storageClass: 'fast' },
  monitoring: true,
};

test('answers → draft → answers is the identity', () => {
  const d = draftFromAnswers(PROD);
  expect(d['redis-credentials']).toBe('none');
  expect(toAnswers(d)).toEqual({ ok: true, answers: PROD });
});

test('a draft with gaps names the fields still missing', () => {
  const r = toAnswers({ environment: 'prod', database: 'external', 'db-host': 'pg' });
  expect(r.ok).toBe(false);
  expect(!r.ok && r.missing).toEqual(
    expect.arrayContaining(['namespace', 'release', 'image', 'db-port', 'db-name', 'db-user', 'db-secret']),
  );
});

test('flag-keyed answers: values that do not parse are left to be asked', () => {
  const d = draftFromFlat({
    'db-port': 'abc',
    replicas: '3',
    autoscale: '9:2',
    storage: '20Gi',
    image: 'Not An Image',
  });
  expect(d).toEqual({ replicas: 3, scaling: 'fixed', storage: true, 'storage-size': '20Gi' });
});

test('every preset becomes a draft the wizard can take as defaults', () => {
  for (const env of ['dev', 'staging', 'prod'] as const) {
    const d = presetDraft(env, 'flask-app');
    expect(d.environment).toBe(env);
    expect(d.namespace).toBe(presetFor(env).namespace);
    expect(d['storage-size']).toBeDefined();
  }
});
