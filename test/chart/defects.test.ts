// Chart defects found by probing renders (issue #14). Each block failed on the
// chart before its fix: the data-store policies and named ports, the separate
// metrics port, the preStop/grace rule, the enforced and deterministic secret
// key, the ServiceMonitor label merge and the existingClaim access-mode rule.
import { describe, expect, it } from 'vitest';
import { appConfig, appContainer, podSpec } from './app.js';
import { helm, type K8sObject, MAJORS, ofKind, one, parseObjects, render, renderError, templateArgs } from './helm.js';
import type { INetworkPolicy, ISecret, IService } from './k8s.js';

const STORES = {
  networkPolicy: { enabled: true },
  postgresql: { enabled: true, service: { port: 6543 } },
  redis: { enabled: true, service: { port: 6380 } },
};

function policySelecting(objs: K8sObject[], name: string): INetworkPolicy {
  const found = ofKind(objs, 'NetworkPolicy').filter((p) => {
    const sel = (p as INetworkPolicy).spec?.podSelector?.matchLabels ?? {};
    return sel['app.kubernetes.io/name'] === name;
  });
  if (found.length !== 1) throw new Error(`expected one NetworkPolicy selecting ${name}, found ${found.length}`);
  return found[0] as INetworkPolicy;
}

describe.each(MAJORS)('%s', (major) => {
  describe('NetworkPolicy and the in-cluster data stores', () => {
    it('lets the app reach PostgreSQL and Valkey on the pods’ ports, whatever the Service ports', async () => {
      const objs = await render(major, { values: STORES });
      const app = one<INetworkPolicy>(objs, 'NetworkPolicy', 'web-flask-app');
      const egressTo = (name: string) =>
        (app.spec?.egress ?? []).find((r) =>
          (r.to ?? []).some((p) => p.podSelector?.matchLabels?.['app.kubernetes.io/name'] === name),
        );
      expect(egressTo('postgresql')?.ports).toEqual([{ port: 'tcp-postgresql', protocol: 'TCP' }]);
      expect(egressTo('redis')?.ports).toEqual([{ port: 'tcp-redis', protocol: 'TCP' }]);
      // The named ports exist on the pods they point at.
      const ports = (kind: string, name: string) =>
        (
          (one(objs, kind, name) as { spec: { template: { spec: { containers: { ports: { name: string }[] }[] } } } })
            .spec.template.spec.containers[0]?.ports ?? []
        ).map((p) => p.name);
      expect(ports('StatefulSet', 'web-postgresql')).toContain('tcp-postgresql');
      expect(ports('StatefulSet', 'web-redis')).toContain('tcp-redis');
    });

    it.each([
      ['postgresql', 'tcp-postgresql'],
      ['redis', 'tcp-redis'],
    ])(
      'gives the %s pods their own policy: only the app and the migration Job, on %s, no egress',
      async (name, port) => {
        const objs = await render(major, { values: STORES });
        const policy = policySelecting(objs, name);
        expect(policy.spec?.podSelector?.matchLabels).toEqual({
          'app.kubernetes.io/name': name,
          'app.kubernetes.io/instance': 'web',
        });
        expect(policy.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
        expect(policy.spec?.egress ?? []).toEqual([]);
        const [rule, ...rest] = policy.spec?.ingress ?? [];
        expect(rest).toEqual([]);
        expect(rule?.ports).toEqual([{ port, protocol: 'TCP' }]);
        const from = (rule?.from ?? []).map((f) => f.podSelector?.matchLabels?.['app.kubernetes.io/name']).sort();
        expect(from).toEqual(['flask-app', 'flask-app-migrations']);
        for (const f of rule?.from ?? [])
          expect(f.podSelector?.matchLabels?.['app.kubernetes.io/instance']).toBe('web');
      },
    );

    it('renders the data stores’ policies whether or not the app’s own policy is on', async () => {
      const objs = await render(major, { values: { ...STORES, networkPolicy: { enabled: false } } });
      expect(() => policySelecting(objs, 'postgresql')).not.toThrow();
      expect(() => policySelecting(objs, 'redis')).not.toThrow();
    });
  });

  describe('/metrics on its own port', () => {
    const MONITORED = { serviceMonitor: { enabled: true }, networkPolicy: { enabled: true } };

    it('declares a metrics container port, a metrics Service port, and scrapes it', async () => {
      const objs = await render(major, { values: MONITORED });
      const ports = appContainer(objs).ports ?? [];
      expect(ports).toEqual([
        { name: 'http', containerPort: 8080, protocol: 'TCP' },
        { name: 'metrics', containerPort: 9090, protocol: 'TCP' },
      ]);
      const svc = one<IService>(objs, 'Service', 'web-flask-app');
      expect(svc.spec?.ports).toContainEqual({ name: 'metrics', port: 9090, targetPort: 'metrics', protocol: 'TCP' });
      const monitor = one<{ spec: { endpoints: { port: string; path: string }[] } }>(objs, 'ServiceMonitor');
      expect(monitor.spec.endpoints.map((e) => [e.port, e.path])).toEqual([['metrics', '/metrics']]);
      // The app reads the port it must serve metrics on from its environment.
      const cm = one<{ data: Record<string, string> }>(objs, 'ConfigMap', 'web-flask-app');
      expect(cm.data.METRICS_PORT).toBe('9090');
    });

    it('admits the metrics port only from the monitoring namespace', async () => {
      const objs = await render(major, {
        values: { ...MONITORED, networkPolicy: { enabled: true, monitoringNamespace: 'observability' } },
      });
      const ingress = one<INetworkPolicy>(objs, 'NetworkPolicy', 'web-flask-app').spec?.ingress ?? [];
      const metricsRules = ingress.filter((r) => (r.ports ?? []).some((p) => p.port === 'metrics'));
      expect(metricsRules).toEqual([
        {
          from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'observability' } } }],
          ports: [{ port: 'metrics', protocol: 'TCP' }],
        },
      ]);
      // No other rule opens the metrics port (the default rule opens http only).
      for (const r of ingress.filter((x) => !metricsRules.includes(x))) {
        expect((r.ports ?? []).map((p) => p.port)).not.toContain('metrics');
      }
    });

    it('keeps the prod Ingress on the http port, never the metrics one', async () => {
      const objs = await render(major, { env: 'prod' });
      const ingress = one<{
        spec: {
          rules: { http: { paths: { backend: { service: { port: { name?: string; number?: number } } } }[] } }[];
        };
      }>(objs, 'Ingress');
      for (const rule of ingress.spec.rules) {
        for (const p of rule.http.paths) expect(p.backend.service.port).toEqual({ name: 'http' });
      }
    });
  });

  describe('shutdown', () => {
    it('sleeps in preStop by default, inside a grace period longer than harakiri + preStop', async () => {
      const objs = await render(major);
      const c = appContainer(objs);
      expect(c.lifecycle?.preStop?.exec?.command).toEqual(['sleep', '5']);
      const harakiri = Number(appConfig(objs).UWSGI_HARAKIRI);
      expect(harakiri).toBe(30);
      expect(podSpec(objs).terminationGracePeriodSeconds).toBeGreaterThan(harakiri + 5);
    });

    it.each([
      [{ terminationGracePeriodSeconds: 30 }, 'terminationGracePeriodSeconds=30'],
      [{ terminationGracePeriodSeconds: 65, uwsgi: { harakiri: 60 } }, 'terminationGracePeriodSeconds=65'],
      [
        {
          terminationGracePeriodSeconds: 40,
          uwsgi: { harakiri: 30 },
          lifecycle: { preStop: { exec: null, sleep: { seconds: 10 } } },
        },
        'terminationGracePeriodSeconds=40',
      ],
    ])('refuses a grace period at or below harakiri + preStop (%j)', async (values, expected) => {
      const err = await renderError(major, { values });
      expect(err).toContain(expected);
      expect(err).toMatch(/Set terminationGracePeriodSeconds=\d+ or more/);
    });

    it('accepts a custom lifecycle that fits the grace period', async () => {
      const objs = await render(major, {
        values: {
          terminationGracePeriodSeconds: 45,
          uwsgi: { harakiri: 30 },
          lifecycle: { preStop: { exec: null, sleep: { seconds: 10 } } },
        },
      });
      expect(appContainer(objs).lifecycle?.preStop).toEqual({ sleep: { seconds: 10 } });
    });

    it('refuses a preStop hook left with two handlers by the values merge', async () => {
      const err = await renderError(major, { values: { lifecycle: { preStop: { sleep: { seconds: 10 } } } } });
      expect(err).toContain('lifecycle.preStop: it has 2 handlers (exec, sleep)');
      expect(err).toContain('Set lifecycle.preStop.exec=null');
    });
  });

  describe('the Flask secret key', () => {
    it('refuses a production render without flask.existingSecret', async () => {
      const err = await renderError(major, { env: 'prod', values: { flask: { existingSecret: '' } } });
      expect(err).toContain('flask.existingSecret');
      expect(err).toContain('Set flask.existingSecret=<name of a Secret with key secret-key>');
    });

    it('renders the same Secret and checksum twice in a row offline', async () => {
      const twice = await Promise.all([1, 2].map(() => helm(major, templateArgs({}))));
      const [a, b] = twice.map((r) => {
        expect(r.code).toBe(0);
        const objs = parseObjects(r.stdout);
        return {
          key: one<ISecret>(objs, 'Secret', 'web-flask-app').data?.['secret-key'],
          checksum: podSpecAnnotations(objs)['checksum/secret'],
        };
      });
      expect(a?.key).toMatch(/^[A-Za-z0-9+/=]{40,}$/);
      expect(a).toEqual(b);
      // Different releases do not share a key.
      const other = parseObjects((await helm(major, templateArgs({ release: 'other' }))).stdout);
      expect(one<ISecret>(other, 'Secret', 'other-flask-app').data?.['secret-key']).not.toBe(a?.key);
    });
  });

  describe('ServiceMonitor labels and existing claims', () => {
    it('merges serviceMonitor.labels into the chart’s labels (no duplicate key)', async () => {
      const result = await helm(
        major,
        templateArgs({
          set: {
            'serviceMonitor.enabled': 'true',
            'serviceMonitor.labels.app\\.kubernetes\\.io/part-of': 'shop',
            'serviceMonitor.labels.release': 'prom',
          },
        }),
      );
      expect(result.code).toBe(0);
      const monitor = one(parseObjects(result.stdout), 'ServiceMonitor');
      expect(monitor.metadata.labels?.['app.kubernetes.io/part-of']).toBe('shop');
      expect(monitor.metadata.labels?.release).toBe('prom');
    });

    it('does not apply the ReadWriteMany rule to a claim the chart does not create', async () => {
      const objs = await render(major, {
        values: {
          replicaCount: 3,
          persistence: { enabled: true, existingClaim: 'shared-model', accessMode: 'ReadWriteOnce' },
        },
      });
      expect(ofKind(objs, 'PersistentVolumeClaim')).toEqual([]);
      const claim = (podSpec(objs).volumes ?? []).find((v) => v.name === 'model')?.persistentVolumeClaim?.claimName;
      expect(claim).toBe('shared-model');
    });
  });
});

function podSpecAnnotations(objs: K8sObject[]): Record<string, string> {
  const d = one<{ spec: { template: { metadata: { annotations: Record<string, string> } } } }>(objs, 'Deployment');
  return d.spec.template.metadata.annotations;
}
