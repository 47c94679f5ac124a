// The chart ↔ app contract (shared/DESIGN.md) and the shared names other parts
// of flask-helm-wizard rely on: port, probes, env, secrets, labels, names.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { allContainers, appConfig, appContainer, deployment, podMetadata, podSpec, podSpecs } from './app.js';
import { CHART, type K8sObject, MAJORS, ofKind, one, render, renderError } from './helm.js';
import type { IConfigMap, IJob, IPod, IService } from './k8s.js';

const APP_VERSION = (parse(readFileSync(path.join(CHART, 'Chart.yaml'), 'utf8')) as { appVersion: string }).appVersion;

// The secrets come as files by default (*_FILE); SECRET_KEY, DATABASE_PASSWORD
// and REDIS_PASSWORD are the fallback variables of flask.secretsAsEnv.
const CONTRACT_ENV = [
  'APP_ENV',
  'FLASK_DEBUG',
  'LOG_LEVEL',
  'SECRET_KEY_FILE',
  'DATABASE_URL',
  'DATABASE_PASSWORD_FILE',
  'REDIS_URL',
  'REDIS_PASSWORD_FILE',
  'MODEL_ENABLED',
  'MODEL_PATH',
  'UWSGI_PROCESSES',
  'UWSGI_THREADS',
];

function configData(objects: K8sObject[]): Record<string, string> {
  return appConfig(objects);
}

/** Names the app container sees: its ConfigMap (envFrom) plus its env list. */
function appEnvNames(objects: K8sObject[]): string[] {
  return [...Object.keys(configData(objects)), ...(appContainer(objects).env ?? []).map((e) => e.name)].sort();
}

function decodedSecretValues(objects: K8sObject[]): string[] {
  return ofKind(objects, 'Secret').flatMap((s) =>
    Object.values((s as unknown as { data?: Record<string, string> }).data ?? {}).map((v) =>
      Buffer.from(v, 'base64').toString('utf8'),
    ),
  );
}

describe.each(MAJORS)('%s', (major) => {
  it('listens on 8080 named http (metrics on 9090), and the Service targets http', async () => {
    const objs = await render(major, { env: 'dev' });
    expect(appContainer(objs).ports).toEqual([
      { name: 'http', containerPort: 8080, protocol: 'TCP' },
      { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
    ]);
    const service = one<IService>(objs, 'Service', 'web-flask-app');
    expect(service.spec?.ports?.[0]?.targetPort).toBe('http');
  });

  it('probes /health for liveness and startup, /ready for readiness, on the http port', async () => {
    const c = appContainer(await render(major, { env: 'prod' }));
    expect(c.livenessProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
    expect(c.readinessProbe?.httpGet).toEqual({ path: '/ready', port: 'http' });
    expect(c.startupProbe?.httpGet).toEqual({ path: '/health', port: 'http' });
  });

  it('passes probe objects through: any handler, the default httpGet nulled, enabled=false drops one', async () => {
    const c = appContainer(
      await render(major, {
        values: {
          livenessProbe: { httpGet: null, exec: { command: ['python', '-c', 'pass'] }, successThreshold: 1 },
          readinessProbe: { httpGet: null, grpc: { port: 9000 } },
          startupProbe: { enabled: false },
        },
      }),
    );
    expect(c.livenessProbe).toEqual({
      exec: { command: ['python', '-c', 'pass'] },
      initialDelaySeconds: 0,
      periodSeconds: 10,
      timeoutSeconds: 3,
      failureThreshold: 3,
      successThreshold: 1,
    });
    expect(c.readinessProbe?.grpc).toEqual({ port: 9000 });
    expect(c.readinessProbe?.httpGet).toBeUndefined();
    expect(c.startupProbe).toBeUndefined();
  });

  it('refuses a probe left with two handlers by the values merge', async () => {
    const err = await renderError(major, { values: { livenessProbe: { tcpSocket: { port: 'http' } } } });
    expect(err).toContain('livenessProbe: it has 2 handlers (httpGet, tcpSocket)');
    expect(err).toContain('livenessProbe.httpGet=null');
  });

  it('gives the app exactly the contract env (plus uWSGI harakiri and the metrics port) when a database and Redis are configured', async () => {
    const names = appEnvNames(await render(major, { env: 'dev' }));
    expect(names).toEqual([...CONTRACT_ENV, 'UWSGI_HARAKIRI', 'METRICS_PORT'].sort());
  });

  it('sets no database or Redis variable when neither is configured', async () => {
    const names = appEnvNames(await render(major));
    expect(names.filter((n) => /^(DATABASE|REDIS)_/.test(n))).toEqual([]);
    expect(ofKind(await render(major), 'Job')).toEqual([]);
  });

  it('renders DATABASE_URL and REDIS_URL without passwords', async () => {
    expect(configData(await render(major, { env: 'dev' }))).toMatchObject({
      DATABASE_URL: 'postgresql://app@web-postgresql:5432/app',
      REDIS_URL: 'redis://web-redis:6379/0',
    });
    expect(configData(await render(major, { env: 'prod' }))).toMatchObject({
      DATABASE_URL: 'postgresql://app@flask-app-db-rw:5432/app?sslmode=require',
      REDIS_URL: 'redis://flask-app-cache:6379/0',
    });
  });

  it('passes the secrets as files of one read-only projected volume, named by *_FILE', async () => {
    const objs = await render(major, { env: 'dev' });
    const c = appContainer(objs);
    // The paths are ConfigMap keys (not secrets); the container's env list stays empty.
    expect(c.env).toBeUndefined();
    expect(appConfig(objs)).toMatchObject({
      SECRET_KEY_FILE: '/etc/flask-app/secrets/secret-key',
      DATABASE_PASSWORD_FILE: '/etc/flask-app/secrets/database-password',
      REDIS_PASSWORD_FILE: '/etc/flask-app/secrets/redis-password',
    });
    expect(c.volumeMounts).toContainEqual({ name: 'secrets', mountPath: '/etc/flask-app/secrets', readOnly: true });
    const volume = (podSpec(objs).volumes ?? []).find((v) => v.name === 'secrets');
    expect(volume?.projected?.defaultMode).toBe(0o440);
    expect(volume?.projected?.sources?.map((s) => [s.secret?.name, s.secret?.items])).toEqual([
      ['web-flask-app', [{ key: 'secret-key', path: 'secret-key' }]],
      ['web-postgresql', [{ key: 'password', path: 'database-password' }]],
      ['web-redis', [{ key: 'password', path: 'redis-password' }]],
    ]);
  });

  it('adds the secretKeyRef variables only with flask.secretsAsEnv, for images without *_FILE support', async () => {
    const env = appContainer(await render(major, { env: 'dev', values: { flask: { secretsAsEnv: true } } })).env ?? [];
    const refs = Object.fromEntries(
      env.filter((e) => e.valueFrom).map((e) => [e.name, e.valueFrom?.secretKeyRef] as const),
    );
    expect(refs).toEqual({
      SECRET_KEY: { name: 'web-flask-app', key: 'secret-key' },
      DATABASE_PASSWORD: { name: 'web-postgresql', key: 'password' },
      REDIS_PASSWORD: { name: 'web-redis', key: 'password' },
    });
    expect(env.filter((e) => !e.valueFrom)).toEqual([]);
  });

  it.each(['dev', 'staging'] as const)('puts no password in any ConfigMap or env value (%s)', async (env) => {
    const objs = await render(major, { env });
    const secrets = decodedSecretValues(objs);
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    const plain: string[] = [
      ...ofKind(objs, 'ConfigMap').flatMap((c) => Object.values((c as unknown as IConfigMap).data ?? {})),
      ...podSpecs(objs).flatMap(({ spec }) =>
        allContainers(spec).flatMap((c) => (c.env ?? []).flatMap((e) => (e.value === undefined ? [] : [e.value]))),
      ),
    ];
    const leaks = plain.filter((value) => secrets.some((secret) => value.includes(secret)));
    expect(leaks).toEqual([]);
    const outsideSecrets = JSON.stringify(objs.filter((o) => o.kind !== 'Secret'));
    expect(secrets.filter((s) => outsideSecrets.includes(s))).toEqual([]);
  });

  it('puts podAnnotations and podLabels on the app pods only', async () => {
    const objs = await render(major, {
      env: 'dev',
      set: { 'podAnnotations.e2e/fail': 'crashloop', 'podLabels.team': 'payments' },
    });
    const pods = podMetadata(objs);
    const annotated = pods.filter((p) => p.annotations['e2e/fail'] === 'crashloop').map((p) => p.owner);
    const labelled = pods.filter((p) => p.labels.team === 'payments').map((p) => p.owner);
    expect(annotated).toEqual(['Deployment/web-flask-app']);
    expect(labelled).toEqual(['Deployment/web-flask-app']);
    expect(pods.map((p) => p.owner)).toEqual(
      expect.arrayContaining(['Job/web-flask-app-migrations', 'Pod/web-flask-app-test-connection']),
    );
  });

  it('annotates the helm test pod through tests.podAnnotations', async () => {
    const objs = await render(major, { set: { 'tests.podAnnotations.e2e/fail': 'test-fails' } });
    const pod = one<IPod>(objs, 'Pod');
    expect(pod.metadata?.annotations?.['e2e/fail']).toBe('test-fails');
    expect(deployment(objs).spec?.template.metadata?.annotations?.['e2e/fail']).toBeUndefined();
  });

  it('labels every object with the release, app pods with name flask-app, and keeps other pods out of the app selector', async () => {
    const objs = await render(major, { env: 'dev', release: 'shop' });
    expect(objs.filter((o) => o.metadata.labels?.['app.kubernetes.io/instance'] !== 'shop')).toEqual([]);
    const selector = deployment(objs).spec?.selector.matchLabels;
    expect(selector).toEqual({ 'app.kubernetes.io/name': 'flask-app', 'app.kubernetes.io/instance': 'shop' });
    const matching = podMetadata(objs)
      .filter((p) => Object.entries(selector ?? {}).every(([k, v]) => p.labels[k] === v))
      .map((p) => p.owner);
    expect(matching).toEqual(['Deployment/shop-flask-app']);
  });

  it('never puts helm.sh/chart in a selector', async () => {
    const objs = await render(major, {
      env: 'prod',
      values: {
        postgresql: { enabled: true },
        redis: { enabled: true },
        database: { host: '' },
        externalRedis: { host: '' },
      },
    });
    const selectors = JSON.stringify(
      objs.map((o) => {
        const spec = o.spec as Record<string, unknown> | undefined;
        return [spec?.selector, spec?.podSelector];
      }),
    );
    expect(selectors).toContain('app.kubernetes.io/instance');
    expect(selectors).not.toContain('helm.sh/chart');
  });

  it.each([
    ['web', 'web-flask-app'],
    ['my-flask-app', 'my-flask-app'],
    ['flask-app', 'flask-app'],
  ])('names the objects of release %s "%s"', async (release, fullname) => {
    const objs = await render(major, { release });
    expect(deployment(objs).metadata?.name).toBe(fullname);
    expect(one(objs, 'Service').metadata.name).toBe(fullname);
  });

  it('defaults to the flask-app image at the appVersion, IfNotPresent; a digest replaces the tag', async () => {
    const c = appContainer(await render(major));
    expect(c.image).toBe(`flask-app:${APP_VERSION}`);
    expect(c.imagePullPolicy).toBe('IfNotPresent');
    const digest = `sha256:${'a'.repeat(64)}`;
    const pinned = appContainer(
      await render(major, { set: { 'image.digest': digest, 'image.registry': 'registry.internal:5000' } }),
    );
    expect(pinned.image).toBe(`registry.internal:5000/flask-app@${digest}`);
  });

  it('rolls the pods when the config changes, and only then', async () => {
    const annotations = async (set: Record<string, string>) =>
      deployment(await render(major, { set: { 'flask.secretKey': 'dev-only-key', ...set } })).spec?.template.metadata
        ?.annotations ?? {};
    const base = await annotations({});
    const again = await annotations({ replicaCount: '1' });
    const logLevel = await annotations({ 'flask.logLevel': 'DEBUG' });
    const key = await annotations({ 'flask.secretKey': 'another-dev-only-key' });
    expect(base['checksum/config']).toMatch(/^[a-f0-9]{64}$/);
    expect(again).toEqual(base);
    expect(logLevel['checksum/config']).not.toBe(base['checksum/config']);
    expect(logLevel['checksum/secret']).toBe(base['checksum/secret']);
    expect(key['checksum/secret']).not.toBe(base['checksum/secret']);
    expect(key['checksum/config']).toBe(base['checksum/config']);
  });

  it('runs migrations as a post-install,pre-upgrade hook that waits for the database first', async () => {
    const objs = await render(major, { env: 'dev' });
    const job = one<IJob>(objs, 'Job');
    expect(job.metadata?.annotations).toMatchObject({
      'helm.sh/hook': 'post-install,pre-upgrade',
      'helm.sh/hook-delete-policy': 'before-hook-creation,hook-succeeded',
    });
    const spec = job.spec?.template.spec;
    expect(spec?.initContainers?.map((c) => c.name)).toEqual(['wait-for-database']);
    const wait = Object.fromEntries((spec?.initContainers?.[0]?.env ?? []).map((e) => [e.name, e.value] as const));
    expect(wait).toMatchObject({ DB_HOST: 'web-postgresql', DB_PORT: '5432' });
    const main = spec?.containers[0];
    expect(main?.command).toEqual(['flask', 'db', 'upgrade']);
    // Its configuration is a hook ConfigMap created just before it (the release's
    // own ConfigMap still holds the previous values during pre-upgrade).
    const configName = main?.envFrom?.[0]?.configMapRef?.name;
    expect(configName).toBe('web-flask-app-migrations');
    const hookConfig = one<IConfigMap>(objs, 'ConfigMap', configName);
    expect(hookConfig.metadata?.annotations).toMatchObject({
      'helm.sh/hook': 'post-install,pre-upgrade',
      'helm.sh/hook-weight': '-1',
    });
    expect(job.metadata?.annotations?.['helm.sh/hook-weight']).toBe('0');
    expect(hookConfig.data).toEqual(appConfig(objs));
    const env = hookConfig.data ?? {};
    expect(env).toMatchObject({
      DATABASE_URL: 'postgresql://app@web-postgresql:5432/app',
      DATABASE_PASSWORD_FILE: '/etc/flask-app/secrets/database-password',
      APP_ENV: 'development',
    });
    expect(main?.volumeMounts?.map((m) => m.name)).toContain('secrets');
    const custom = one<IJob>(
      await render(major, { env: 'dev', values: { migrations: { command: ['python', '-m', 'app.migrate'] } } }),
      'Job',
    );
    expect(custom.spec?.template.spec?.containers[0]?.command).toEqual(['python', '-m', 'app.migrate']);
  });

  it('reads the model from the volume when persistence is on, seeded from /opt/model, else from the image', async () => {
    const onVolume = await render(major, { values: { replicaCount: 1, persistence: { enabled: true } } });
    expect(configData(onVolume).MODEL_PATH).toBe('/data/models/model.joblib');
    const init = deployment(onVolume).spec?.template.spec?.initContainers?.find((c) => c.name === 'model-init');
    expect(init?.image).toBe(appContainer(onVolume).image);
    expect(init?.command?.join(' ')).toContain('/opt/model/$MODEL_NAME');
    expect(init?.volumeMounts?.find((m) => m.name === 'model')?.mountPath).toBe('/data');
    expect(configData(await render(major)).MODEL_PATH).toBe('/opt/model/model.joblib');
  });

  it('has a helm test pod that GETs /health through the Service', async () => {
    const pod = one<IPod>(await render(major), 'Pod');
    expect(pod.metadata?.annotations?.['helm.sh/hook']).toBe('test');
    // Nothing is left behind by a passing test, and a server-side dry run of the
    // render never depends on the chart's ServiceAccount existing yet.
    expect(pod.metadata?.annotations?.['helm.sh/hook-delete-policy']).toBe('before-hook-creation,hook-succeeded');
    expect(pod.spec?.serviceAccountName).toBeUndefined();
    expect(pod.spec?.containers[0]?.env).toEqual([{ name: 'HEALTH_URL', value: 'http://web-flask-app:80/health' }]);
  });
});

describe('both majors', () => {
  it('render prod (nothing generated in it) to the same objects', async () => {
    const [three, four] = await Promise.all(MAJORS.map((major) => render(major, { env: 'prod' })));
    expect(three).toEqual(four);
  });

  it('accept a numeric image tag from --set', async () => {
    for (const major of MAJORS) {
      expect(appContainer(await render(major, { set: { 'image.tag': '2' } })).image).toBe('flask-app:2');
    }
  });
});
