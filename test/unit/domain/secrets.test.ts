import { expect, it } from 'vitest';
import { secretsNamed } from '../../../src/domain/secrets.js';
import { DEV_ANSWERS } from '../../helpers/answers.js';

it('in-cluster services name no Secret', () => expect(secretsNamed(DEV_ANSWERS)).toEqual([]));

it('external services and a TLS Secret each name theirs; Redis without a password names none', () => {
  const ingress = { enabled: true, host: 'a.example.com', className: 'nginx' } as const;
  expect(
    secretsNamed({
      ...DEV_ANSWERS,
      database: { mode: 'external', host: 'pg', port: 5432, name: 'app', user: 'app', secret: 'pg-cred' },
      redis: { mode: 'external', host: 'cache', port: 6379, secret: 'cache-cred' },
      ingress: { ...ingress, tls: { mode: 'secret', secretName: 'a-tls' } },
    }),
  ).toEqual([
    { kind: 'database', name: 'pg-cred' },
    { kind: 'redis', name: 'cache-cred' },
    { kind: 'tls', name: 'a-tls' },
  ]);
  expect(
    secretsNamed({
      ...DEV_ANSWERS,
      redis: { mode: 'external', host: 'cache', port: 6379, secret: '' },
      ingress: { ...ingress, tls: { mode: 'cert-manager', clusterIssuer: 'le', secretName: 'a-tls' } },
    }),
  ).toEqual([]);
});
