// Each optional resource renders if and only if its flag is on — offline, with
// no .Capabilities guard dropping it.
import { describe, expect, it } from 'vitest';
import { podSpec } from './app.js';
import { type K8sObject, MAJORS, ofKind, render } from './helm.js';

interface Toggle {
  name: string;
  on: Record<string, unknown>;
  off: Record<string, unknown>;
  present: (objects: K8sObject[]) => boolean;
}

const hasKind = (kind: string) => (objs: K8sObject[]) => ofKind(objs, kind).length > 0;
const named = (kind: string, name: string) => (objs: K8sObject[]) =>
  objs.some((o) => o.kind === kind && o.metadata.name === name);
const external = { database: { host: 'db.internal', existingSecret: 'db' } };

const TOGGLES: Toggle[] = [
  { name: 'ingress.enabled → Ingress', on: { ingress: { enabled: true } }, off: {}, present: hasKind('Ingress') },
  {
    name: 'autoscaling.enabled → HorizontalPodAutoscaler',
    on: { autoscaling: { enabled: true } },
    off: {},
    present: hasKind('HorizontalPodAutoscaler'),
  },
  {
    name: 'podDisruptionBudget.enabled → PodDisruptionBudget',
    on: { podDisruptionBudget: { enabled: true }, replicaCount: 2 },
    off: { podDisruptionBudget: { enabled: false }, replicaCount: 2 },
    present: hasKind('PodDisruptionBudget'),
  },
  {
    name: 'persistence.enabled → PersistentVolumeClaim',
    on: { replicaCount: 1, persistence: { enabled: true } },
    off: { replicaCount: 1 },
    present: hasKind('PersistentVolumeClaim'),
  },
  {
    name: 'persistence.existingClaim → no PersistentVolumeClaim of its own',
    on: { replicaCount: 1, persistence: { enabled: true } },
    off: { persistence: { enabled: true, existingClaim: 'shared-models' } },
    present: hasKind('PersistentVolumeClaim'),
  },
  {
    name: 'networkPolicy.enabled → NetworkPolicy',
    on: { networkPolicy: { enabled: true } },
    off: { networkPolicy: { enabled: false } },
    present: hasKind('NetworkPolicy'),
  },
  {
    name: 'serviceMonitor.enabled → ServiceMonitor',
    on: { serviceMonitor: { enabled: true } },
    off: {},
    present: hasKind('ServiceMonitor'),
  },
  {
    name: 'serviceAccount.create → ServiceAccount',
    on: {},
    off: { serviceAccount: { create: false } },
    present: hasKind('ServiceAccount'),
  },
  {
    name: 'postgresql.enabled → PostgreSQL StatefulSet',
    on: { postgresql: { enabled: true } },
    off: {},
    present: named('StatefulSet', 'web-postgresql'),
  },
  {
    name: 'redis.enabled → Valkey StatefulSet',
    on: { redis: { enabled: true } },
    off: {},
    present: named('StatefulSet', 'web-redis'),
  },
  {
    name: 'a database → migration Job',
    on: external,
    off: {},
    present: hasKind('Job'),
  },
  {
    name: 'migrations.enabled → migration Job',
    on: external,
    off: { ...external, migrations: { enabled: false } },
    present: hasKind('Job'),
  },
  { name: 'tests.enabled → helm test Pod', on: {}, off: { tests: { enabled: false } }, present: hasKind('Pod') },
  {
    name: 'no flask.existingSecret → the chart’s own Secret',
    on: {},
    off: { flask: { existingSecret: 'mine' } },
    present: named('Secret', 'web-flask-app'),
  },
  {
    name: 'model.enabled with persistence → model-init container',
    on: { replicaCount: 1, persistence: { enabled: true } },
    off: { replicaCount: 1, persistence: { enabled: true }, model: { enabled: false } },
    present: (objs) => (podSpec(objs).initContainers ?? []).some((c) => c.name === 'model-init'),
  },
];

describe.each(MAJORS)('%s', (major) => {
  it.each(TOGGLES)('$name', async ({ on, off, present }) => {
    const [withFlag, withoutFlag] = await Promise.all([render(major, { values: on }), render(major, { values: off })]);
    expect(present(withFlag)).toBe(true);
    expect(present(withoutFlag)).toBe(false);
  });

  it('every optional resource at once renders offline, with nothing guarded by .Capabilities', async () => {
    const objs = await render(major, {
      values: {
        ingress: { enabled: true },
        autoscaling: { enabled: true },
        podDisruptionBudget: { enabled: true },
        persistence: { enabled: true, accessMode: 'ReadWriteMany' },
        networkPolicy: { enabled: true },
        serviceMonitor: { enabled: true },
        postgresql: { enabled: true },
        redis: { enabled: true },
      },
    });
    const kinds = new Set(objs.map((o) => o.kind));
    for (const kind of [
      'Ingress',
      'HorizontalPodAutoscaler',
      'PodDisruptionBudget',
      'NetworkPolicy',
      'ServiceMonitor',
    ]) {
      expect(kinds.has(kind), kind).toBe(true);
    }
  });
});
