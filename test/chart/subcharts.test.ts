// The first-party PostgreSQL and Valkey subcharts: official images, Secrets,
// probes, persistence, non-root.
import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHART, helm, type K8sObject, MAJORS, one, render } from './helm.js';
import type { ISecret, IService, IStatefulSet } from './k8s.js';

const BOTH = { postgresql: { enabled: true }, redis: { enabled: true } };

function byName<T>(objects: K8sObject[], kind: string, name: string): T {
  return one<T>(objects, kind, name);
}

describe.each(MAJORS)('%s', (major) => {
  it.each(['postgresql', 'redis'])('lint --strict passes for the %s subchart on its own', async (name) => {
    // On its own a subchart takes the shared library the way a user would:
    // `helm dependency build` resolves its file://../store-common dependency.
    const dir = mkdtempSync(path.join(tmpdir(), 'fhw-subchart-'));
    for (const chart of [name, 'store-common']) {
      cpSync(path.join(CHART, 'charts', chart), path.join(dir, chart), { recursive: true });
    }
    const build = await helm(major, ['dependency', 'build', path.join(dir, name)]);
    expect(build.code, build.stderr).toBe(0);
    const result = await helm(major, ['lint', '--strict', path.join(dir, name)]);
    expect(result.stdout).toContain('0 chart(s) failed');
    expect(result.code).toBe(0);
  });

  it('PostgreSQL: StatefulSet with pg_isready probes, non-root, volumeClaimTemplate, password from its Secret', async () => {
    const objs = await render(major, { values: BOTH });
    const sts = byName<IStatefulSet>(objs, 'StatefulSet', 'web-postgresql');
    const pod = sts.spec?.template.spec;
    const c = pod?.containers[0];
    expect(c?.image).toMatch(/^postgres:17\.\d+$/);
    for (const probe of [c?.livenessProbe, c?.readinessProbe, c?.startupProbe]) {
      expect(probe?.exec?.command?.join(' ')).toContain('pg_isready');
    }
    expect(pod?.securityContext?.runAsNonRoot).toBe(true);
    expect(c?.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true });
    expect(sts.spec?.volumeClaimTemplates?.[0]?.spec?.resources?.requests?.storage).toBe('8Gi');
    expect(sts.spec?.serviceName).toBe('web-postgresql-hl');
    // The official image reads the password from the mounted Secret file.
    // Its settings come from its ConfigMap; no env value or secretKeyRef at all.
    expect(c?.env).toBeUndefined();
    expect(c?.envFrom).toEqual([{ configMapRef: { name: 'web-postgresql' } }]);
    expect(byName<{ data: Record<string, string> }>(objs, 'ConfigMap', 'web-postgresql').data).toEqual({
      POSTGRES_USER: 'app',
      POSTGRES_DB: 'app',
      POSTGRES_PASSWORD_FILE: '/etc/postgresql-secret/password',
      PGDATA: '/var/lib/postgresql/data/pgdata',
    });
    expect(pod?.volumes?.find((v) => v.name === 'secret')?.secret?.secretName).toBe('web-postgresql');
    const secret = byName<ISecret>(objs, 'Secret', 'web-postgresql');
    expect(Buffer.from(secret.data?.password ?? '', 'base64').toString()).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(byName<IService>(objs, 'Service', 'web-postgresql-hl').spec?.clusterIP).toBe('None');
    expect(byName<IService>(objs, 'Service', 'web-postgresql').spec?.ports?.[0]?.port).toBe(5432);
  });

  it('PostgreSQL: an existing Secret replaces the generated one, and persistence off means an emptyDir', async () => {
    const objs = await render(major, {
      values: { postgresql: { enabled: true, auth: { existingSecret: 'pg-creds' }, persistence: { enabled: false } } },
    });
    expect(objs.some((o) => o.kind === 'Secret' && o.metadata.name === 'web-postgresql')).toBe(false);
    const sts = byName<IStatefulSet>(objs, 'StatefulSet', 'web-postgresql');
    expect(sts.spec?.volumeClaimTemplates).toBeUndefined();
    expect(sts.spec?.template.spec?.volumes?.find((v) => v.name === 'data')?.emptyDir).toEqual({});
    const appEnv = JSON.stringify(objs.filter((o) => o.kind === 'Deployment'));
    expect(appEnv).toContain('"name":"pg-creds"');
    const secretVolume = sts.spec?.template.spec?.volumes?.find((v) => v.name === 'secret');
    expect(secretVolume?.secret?.secretName).toBe('pg-creds');
  });

  it('Valkey: official image, password on stdin (not argv), authenticated PING probes', async () => {
    const objs = await render(major, { values: BOTH });
    const sts = byName<IStatefulSet>(objs, 'StatefulSet', 'web-redis');
    const c = sts.spec?.template.spec?.containers[0];
    expect(c?.image).toMatch(/^valkey\/valkey:8\.\d+\.\d+$/);
    const script = c?.command?.join(' ') ?? '';
    expect(script).toContain('valkey-server -');
    expect(script).toContain('requirepass "$pw"');
    expect(script).not.toMatch(/--requirepass/);
    // Liveness: accepting connections; readiness: an authenticated PING (distinct probes).
    expect(c?.livenessProbe?.tcpSocket?.port).toBe('tcp-redis');
    expect(c?.readinessProbe?.exec?.command?.join(' ')).toContain('valkey-cli -h 127.0.0.1 -p 6379 ping');
    // The password is a mounted file, never an env value or secretKeyRef.
    expect(c?.env).toBeUndefined();
    expect(c?.volumeMounts).toContainEqual({ name: 'secret', mountPath: '/etc/redis-secret', readOnly: true });
    expect(script).toContain('"/etc/redis-secret/password"');
    expect(sts.spec?.volumeClaimTemplates).toBeUndefined();
  });

  it('rejects a subchart value of the wrong type with the subchart schema', async () => {
    const result = await helm(major, [
      'template',
      'web',
      CHART,
      '--set',
      'postgresql.enabled=true',
      '--set',
      'postgresql.persistence.size=lots',
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain('postgresql');
    expect(result.stderr).toContain('size');
  });
});
