// The values schema (self-contained draft-07 that covers every key) and the
// schema validity of every rendered object (Kubernetes OpenAPI via
// kubernetes-models, and the ServiceMonitor CRD schema).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CHART, ENVS, type K8sObject, MAJORS, type RenderOptions, render } from './helm.js';
import { validateObject } from './k8s.js';

interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  [key: string]: unknown;
}

const schema = JSON.parse(readFileSync(path.join(CHART, 'values.schema.json'), 'utf8')) as SchemaNode;
const values = parse(readFileSync(path.join(CHART, 'values.yaml'), 'utf8')) as Record<string, unknown>;

/** Dotted paths of every key in values.yaml (arrays and maps are leaves). */
function valuePaths(node: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(node).flatMap(([key, child]) => {
    const here = prefix ? `${prefix}.${key}` : key;
    const nested =
      child && typeof child === 'object' && !Array.isArray(child) && Object.keys(child).length > 0
        ? valuePaths(child as Record<string, unknown>, here)
        : [];
    return [here, ...nested];
  });
}

function schemaHas(dotted: string): boolean {
  let node: SchemaNode | undefined = schema;
  for (const key of dotted.split('.')) {
    const child: SchemaNode | undefined = node?.properties?.[key];
    node = typeof child?.$ref === 'string' ? resolveRef(child.$ref) : child;
  }
  return node !== undefined;
}

function resolveRef(ref: string): SchemaNode | undefined {
  let node: unknown = schema;
  for (const part of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown> | undefined)?.[part];
  return node as SchemaNode | undefined;
}

function walk(node: unknown, visit: (key: string, value: unknown) => void): void {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    visit(key, value);
    walk(value, visit);
  }
}

describe('values.schema.json', () => {
  it('is draft-07, self-contained, and uses patterns instead of formats', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const problems: string[] = [];
    walk(schema, (key, value) => {
      if (key === 'format') problems.push(`format: ${String(value)}`);
      if (key === '$ref' && !String(value).startsWith('#/')) problems.push(`remote $ref ${String(value)}`);
      if (['$defs', 'dependentRequired', 'unevaluatedProperties', 'prefixItems'].includes(key)) {
        problems.push(`newer-draft keyword ${key}`);
      }
    });
    expect(problems).toEqual([]);
  });

  it('covers every key of values.yaml', () => {
    const missing = valuePaths(values).filter((p) => !schemaHas(p));
    expect(missing).toEqual([]);
  });

  it('documents every key it declares at the top level, and allows global', () => {
    const top = Object.keys(schema.properties ?? {});
    expect(top).toContain('global');
    // store-common is the subcharts' library chart: Helm gives it a values key of its own.
    expect(top.sort()).toEqual([...Object.keys(values), 'store-common'].sort());
  });
});

const EVERYTHING_ON: Record<string, unknown> = {
  ingress: { enabled: true, tls: [{ secretName: 'web-tls', hosts: ['flask-app.local'] }] },
  autoscaling: { enabled: true },
  podDisruptionBudget: { enabled: true },
  persistence: { enabled: true, accessMode: 'ReadWriteMany' },
  networkPolicy: { enabled: true },
  serviceMonitor: { enabled: true, labels: { release: 'prometheus' } },
  postgresql: { enabled: true },
  redis: { enabled: true, persistence: { enabled: true } },
  topologySpreadConstraints: [
    { maxSkew: 1, topologyKey: 'topology.kubernetes.io/zone', whenUnsatisfiable: 'ScheduleAnyway' },
  ],
  extraEnv: [{ name: 'FEATURE_FLAGS', value: 'a,b' }],
  extraVolumes: [{ name: 'cache', emptyDir: {} }],
  extraVolumeMounts: [{ name: 'cache', mountPath: '/cache' }],
  sidecars: [{ name: 'sidecar', image: 'busybox:1.37', command: ['sleep', 'infinity'] }],
  initContainers: [{ name: 'hello', image: 'busybox:1.37', command: ['true'] }],
};

const RENDERS: [string, RenderOptions][] = [
  ...ENVS.map((env): [string, RenderOptions] => [env, { env }]),
  ['defaults', {}],
  ['every option on', { values: EVERYTHING_ON }],
];

describe.each(MAJORS)('%s', (major) => {
  it.each(RENDERS)('every object of the %s render matches its Kubernetes schema', async (_name, opts) => {
    const objects: K8sObject[] = await render(major, opts);
    const errors: string[] = [];
    for (const obj of objects) {
      try {
        validateObject(obj);
      } catch (error) {
        errors.push((error as Error).message);
      }
    }
    expect(errors).toEqual([]);
  });

  it('accepts global values (shared with subcharts)', async () => {
    const objects = await render(major, { set: { 'global.imageRegistry': 'registry.internal:5000' } });
    expect(objects.length).toBeGreaterThan(0);
  });
});

describe('schema validation catches what it should', () => {
  it('rejects a Deployment with a string replica count and a ServiceMonitor with a bad interval', () => {
    const bad: K8sObject = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'x' },
      spec: { replicas: 'three', selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [] } } },
    };
    expect(() => validateObject(bad)).toThrow(/replicas/);
    const monitor: K8sObject = {
      apiVersion: 'monitoring.coreos.com/v1',
      kind: 'ServiceMonitor',
      metadata: { name: 'x' },
      spec: { selector: {}, endpoints: [{ port: 'http', interval: 'soon' }] },
    };
    expect(() => validateObject(monitor)).toThrow(/interval/);
  });
});
