import { expect, test } from 'vitest';
import { answersSummary } from '../../../../src/ui/wizard/summary.js';
import { DEV_ANSWERS as base } from '../../../helpers/answers.js';

test('dev reads as a short plain list', () => {
  expect(Object.fromEntries(answersSummary(base))).toEqual({
    where: 'dev · namespace dev-flask-app · release flask-app',
    image: 'flask-app:dev',
    database: 'in-cluster PostgreSQL',
    redis: 'in-cluster Redis',
    ingress: 'none (reach the app with port-forward)',
    scaling: '2 replicas',
    'model volume': 'none',
    monitoring: 'off',
  });
});

test('prod names the external services, their Secrets and the certificate source', () => {
  const s = Object.fromEntries(
    answersSummary({
      ...base,
      environment: 'prod',
      database: { mode: 'external', host: 'pg', port: 5432, name: 'app', user: 'app', secret: 'pg-cred' },
      redis: { mode: 'external', host: 'cache', port: 6379, secret: '' },
      ingress: {
        enabled: true,
        host: 'shop.example.com',
        className: 'nginx',
        tls: { mode: 'cert-manager', clusterIssuer: 'letsencrypt-prod', secretName: 'shop-tls' },
      },
      scaling: { mode: 'autoscale', min: 3, max: 20 },
      storage: { enabled: true, size: '1Gi', storageClass: '' },
      monitoring: true,
    }),
  );
  expect(s.database).toBe('external app@pg:5432/app (password from Secret pg-cred)');
  expect(s.redis).toBe('external cache:6379 (no password)');
  expect(s.ingress).toBe('https://shop.example.com via nginx, certificate from letsencrypt-prod');
  expect(s.scaling).toBe('autoscale 3–20');
  expect(s['model volume']).toBe('1Gi volume');
});
