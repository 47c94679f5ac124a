// validateValues: each rule stops rendering with a message naming the value to
// change and the value to set. The schema rejects wrong types (helm words its
// schema errors differently per major, so only the key name is asserted).
import { describe, expect, it } from 'vitest';
import { CHART, type Env, helm, MAJORS, renderError, valuesArgs } from './helm.js';

interface Rule {
  name: string;
  env?: Env;
  values: Record<string, unknown>;
  expected: string[];
}

const external = { host: 'db.internal', existingSecret: 'db' };

const RULES: Rule[] = [
  {
    name: 'debug on in production',
    env: 'prod',
    values: { flask: { debug: true } },
    expected: ['flask.debug', 'Set flask.debug=false'],
  },
  {
    name: 'production Ingress without TLS',
    env: 'prod',
    values: { ingress: { tls: [] } },
    expected: ['ingress.tls', 'Set ingress.tls[0].secretName='],
  },
  {
    name: 'literal secret key in production',
    env: 'prod',
    values: { flask: { secretKey: 'hunter2hunter2' } },
    expected: ['flask.secretKey', 'flask.existingSecret='],
  },
  {
    name: 'in-cluster PostgreSQL and database.host together',
    values: { postgresql: { enabled: true }, database: external },
    expected: ['database.host', 'Set postgresql.enabled=false', 'database.host=""'],
  },
  {
    name: 'external database without a password Secret',
    values: { database: { host: 'db.internal' } },
    expected: ['database.existingSecret', 'Set database.existingSecret='],
  },
  {
    name: 'in-cluster Redis and externalRedis.host together',
    values: { redis: { enabled: true }, externalRedis: { host: 'cache.internal' } },
    expected: ['externalRedis.host', 'Set redis.enabled=false', 'externalRedis.host=""'],
  },
  {
    name: 'HPA minReplicas above maxReplicas',
    values: { autoscaling: { enabled: true, minReplicas: 6, maxReplicas: 4 } },
    expected: ['autoscaling.minReplicas', 'Set autoscaling.maxReplicas=6'],
  },
  {
    name: 'HPA without any target',
    values: {
      autoscaling: { enabled: true, targetCPUUtilizationPercentage: 0, targetMemoryUtilizationPercentage: 0 },
    },
    expected: ['autoscaling.targetCPUUtilizationPercentage', 'Set autoscaling.targetCPUUtilizationPercentage='],
  },
  {
    name: 'PDB minAvailable equal to replicaCount',
    values: { replicaCount: 2, podDisruptionBudget: { enabled: true, minAvailable: 2 } },
    expected: ['podDisruptionBudget.minAvailable', 'Set podDisruptionBudget.minAvailable=1'],
  },
  {
    name: 'PDB minAvailable equal to the HPA minimum',
    env: 'prod',
    values: { podDisruptionBudget: { minAvailable: 3 } },
    expected: ['podDisruptionBudget.minAvailable', 'Set podDisruptionBudget.minAvailable=2'],
  },
  {
    name: 'PDB minAvailable of 100%',
    values: { replicaCount: 3, podDisruptionBudget: { enabled: true, minAvailable: '100%' } },
    expected: ['podDisruptionBudget.minAvailable', 'Set podDisruptionBudget.minAvailable=2'],
  },
  {
    name: 'PDB maxUnavailable of 0',
    values: { replicaCount: 3, podDisruptionBudget: { enabled: true, maxUnavailable: 0 } },
    expected: ['podDisruptionBudget.maxUnavailable', 'Set podDisruptionBudget.maxUnavailable=1'],
  },
  {
    name: 'extraEnv repeating a variable the chart sets',
    values: { extraEnv: [{ name: 'LOG_LEVEL', value: 'DEBUG' }] },
    expected: ['extraEnv: LOG_LEVEL', 'Remove LOG_LEVEL from extraEnv', 'flask.logLevel'],
  },
  {
    name: 'extraEnv repeating itself',
    values: {
      extraEnv: [
        { name: 'FEATURE_X', value: '1' },
        { name: 'FEATURE_X', value: '2' },
      ],
    },
    expected: ['extraEnv: FEATURE_X', 'Remove FEATURE_X'],
  },
  {
    name: 'ReadWriteOnce model volume with two replicas',
    values: { replicaCount: 2, persistence: { enabled: true, accessMode: 'ReadWriteOnce' } },
    expected: ['persistence.accessMode', 'replicaCount=2', 'Set persistence.accessMode=ReadWriteMany'],
  },
  {
    name: 'ReadWriteOnce model volume with autoscaling',
    env: 'prod',
    values: { persistence: { accessMode: 'ReadWriteOnce' } },
    expected: ['persistence.accessMode', 'autoscaling is on', 'Set persistence.accessMode=ReadWriteMany'],
  },
];

interface SchemaCase {
  key: string;
  set: Record<string, string>;
}

const SCHEMA_CASES: SchemaCase[] = [
  { key: 'replicaCount', set: { replicaCount: 'three' } },
  { key: 'env', set: { 'flask.env': 'prod' } },
  { key: 'pullPolicy', set: { 'image.pullPolicy': 'Sometimes' } },
  { key: 'host', set: { 'database.host': 'not a host!' } },
  { key: 'port', set: { 'service.port': '70000' } },
  { key: 'interval', set: { 'serviceMonitor.interval': 'soon' } },
  { key: 'replicaCont', set: { replicaCont: '2' } },
];

describe.each(MAJORS)('%s', (major) => {
  it.each(RULES)('validateValues rejects $name', async ({ env, values, expected }) => {
    const stderr = await renderError(major, env ? { env, values } : { values });
    expect(stderr).toContain('VALUES VALIDATION');
    for (const text of expected) expect(stderr).toContain(text);
  });

  it('reports every broken rule at once', async () => {
    const stderr = await renderError(major, {
      env: 'prod',
      values: { flask: { debug: true, secretKey: 'literal-key-value' }, ingress: { tls: [] } },
    });
    for (const key of ['flask.debug', 'ingress.tls', 'flask.secretKey']) expect(stderr).toContain(key);
  });

  it.each(SCHEMA_CASES)('the schema rejects a wrong $key in template and lint', async ({ key, set }) => {
    const stderr = await renderError(major, { set });
    expect(stderr).toMatch(/schema/i);
    expect(stderr).toContain(key);
    const lint = await helm(major, ['lint', '--strict', CHART, ...valuesArgs({ set })]);
    expect(lint.code).not.toBe(0);
    expect(lint.stdout + lint.stderr).toContain(key);
  });
});
