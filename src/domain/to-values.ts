// Answers → the values override (pure). Each entry carries the comment the values
// file shows above it: what the key does and which answer set it.
import type { Answers, Tls } from './answers.js';
import { APP_ENV } from './presets.js';
import { coveredBy, type Path, setIn } from './value-paths.js';

export type { Path } from './value-paths.js';

export interface ValueEntry {
  path: Path;
  value: unknown;
  /** What the key does and which answer (flag) set it. */
  comment: string;
}

/** Comments for the top-level groups, shown above `image:`, `database:` … */
export const GROUP_COMMENTS: Readonly<Record<string, string>> = {
  flask: 'Application settings',
  image: 'Container image of the Flask app',
  replicaCount: 'Number of app pods (ignored while autoscaling is on)',
  autoscaling: 'HorizontalPodAutoscaler for the app',
  postgresql: "In-cluster PostgreSQL (the chart's own subchart)",
  database: 'External PostgreSQL; its password is read from an existing Secret, never from this file',
  redis: "In-cluster Redis-compatible cache (the chart's own subchart)",
  externalRedis: 'External Redis; its password is read from an existing Secret, never from this file',
  ingress: 'HTTP(S) entry point from outside the cluster',
  persistence: 'Volume for the model files',
  serviceMonitor: 'Prometheus Operator ServiceMonitor scraping /metrics',
};

function e(path: string, value: unknown, what: string, flag: string): ValueEntry {
  return { path: path.split('.'), value, comment: `${what} (answer: ${flag})` };
}

/**
 * The entries for these answers. With `base` (the chart's values.yaml ⊕ values-<env>.yaml,
 * as helm layers them), entries that would not change anything are left out: the file
 * holds only what the answers change on top of the environment.
 */
export function valueEntries(a: Answers, base?: unknown): ValueEntry[] {
  const all = allEntries(a);
  return base === undefined ? all : all.filter((entry) => !coveredBy(base, entry.path, entry.value));
}

function allEntries(a: Answers): ValueEntry[] {
  return [
    e('flask.env', APP_ENV[a.environment], 'APP_ENV inside the pod', `--environment ${a.environment}`),
    ...imageEntries(a),
    ...scalingEntries(a),
    ...databaseEntries(a),
    ...redisEntries(a),
    ...ingressEntries(a),
    ...storageEntries(a),
    e(
      'serviceMonitor.enabled',
      a.monitoring,
      'create a ServiceMonitor (needs the Prometheus Operator CRDs)',
      a.monitoring ? '--monitoring' : '--no-monitoring',
    ),
  ];
}

function imageEntries(a: Answers): ValueEntry[] {
  const flag = `--image ${a.image.repository}:${a.image.tag}`;
  return [
    e('image.repository', a.image.repository, 'image repository', flag),
    e('image.tag', a.image.tag, 'image tag', flag),
  ];
}

function scalingEntries(a: Answers): ValueEntry[] {
  const s = a.scaling;
  if (s.mode === 'fixed') {
    const flag = `--replicas ${s.replicas}`;
    return [
      e('replicaCount', s.replicas, 'fixed number of app pods', flag),
      e('autoscaling.enabled', false, 'no autoscaler: replicaCount applies', flag),
    ];
  }
  const flag = `--autoscale ${s.min}:${s.max}`;
  return [
    e('autoscaling.enabled', true, 'scale the app pods with a HorizontalPodAutoscaler', flag),
    e('autoscaling.minReplicas', s.min, 'fewest pods', flag),
    e('autoscaling.maxReplicas', s.max, 'most pods', flag),
  ];
}

function databaseEntries(a: Answers): ValueEntry[] {
  const d = a.database;
  const flag = `--database ${d.mode}`;
  if (d.mode !== 'external') {
    return [
      e(
        'postgresql.enabled',
        d.mode === 'subchart',
        d.mode === 'subchart' ? 'run PostgreSQL in the release' : 'no in-cluster PostgreSQL',
        flag,
      ),
      e('database.host', '', 'no external database', flag),
    ];
  }
  return [
    e('postgresql.enabled', false, 'no in-cluster PostgreSQL: an external database is used', flag),
    e('database.host', d.host, 'external PostgreSQL host', `--db-host ${d.host}`),
    e('database.port', d.port, 'external PostgreSQL port', `--db-port ${d.port}`),
    e('database.name', d.name, 'database name', `--db-name ${d.name}`),
    e('database.user', d.user, 'database user', `--db-user ${d.user}`),
    e('database.existingSecret', d.secret, 'existing Secret holding the password', `--db-secret ${d.secret}`),
    e('database.passwordKey', 'password', 'key of the password inside that Secret', `--db-secret ${d.secret}`),
  ];
}

function redisEntries(a: Answers): ValueEntry[] {
  const r = a.redis;
  const flag = `--redis ${r.mode}`;
  if (r.mode !== 'external') {
    return [
      e(
        'redis.enabled',
        r.mode === 'subchart',
        r.mode === 'subchart' ? 'run Redis in the release' : 'no in-cluster Redis',
        flag,
      ),
      e('externalRedis.host', '', 'no external Redis', flag),
    ];
  }
  return [
    e('redis.enabled', false, 'no in-cluster Redis: an external one is used', flag),
    e('externalRedis.host', r.host, 'external Redis host', `--redis-host ${r.host}`),
    e('externalRedis.port', r.port, 'external Redis port', `--redis-port ${r.port}`),
    e(
      'externalRedis.existingSecret',
      r.secret,
      r.secret ? 'existing Secret holding the password' : 'no password',
      `--redis-secret ${r.secret}`,
    ),
    e('externalRedis.passwordKey', 'password', 'key of the password inside that Secret', `--redis-secret ${r.secret}`),
  ];
}

const ISSUER_ANNOTATION = 'cert-manager.io/cluster-issuer';

function ingressEntries(a: Answers): ValueEntry[] {
  const i = a.ingress;
  if (!i.enabled) return [e('ingress.enabled', false, 'no Ingress: reach the app with port-forward', '--no-ingress')];
  const tls = i.tls;
  const tlsFlag =
    tls.mode === 'cert-manager' ? `--tls cert-manager --cluster-issuer ${tls.clusterIssuer}` : `--tls ${tls.mode}`;
  return [
    e('ingress.enabled', true, 'create an Ingress', '--ingress'),
    e('ingress.className', i.className, 'IngressClass that serves it', `--ingress-class ${i.className}`),
    ...issuerEntries(a.environment, tls, tlsFlag),
    e(
      'ingress.hosts',
      [{ host: i.host, paths: [{ path: '/', pathType: 'Prefix' }] }],
      'hostname routed to the app',
      `--host ${i.host}`,
    ),
    e(
      'ingress.tls',
      tls.mode === 'none' ? [] : [{ secretName: tls.secretName, hosts: [i.host] }],
      tls.mode === 'none'
        ? 'plain HTTP, no TLS'
        : `TLS certificate Secret${tls.mode === 'cert-manager' ? ' (written by cert-manager)' : ' (must exist)'}`,
      tls.mode === 'none' ? '--tls none' : `--tls-secret ${tls.secretName}`,
    ),
  ];
}

/**
 * The staging and prod environment files set a cert-manager issuer. Helm cannot delete
 * a key through an override without breaking the chart schema (null is not a string),
 * so other TLS modes there set it empty: cert-manager then issues nothing.
 */
function issuerEntries(env: Answers['environment'], tls: Tls, flag: string): ValueEntry[] {
  if (tls.mode === 'cert-manager') {
    return [
      e('ingress.annotations', { [ISSUER_ANNOTATION]: tls.clusterIssuer }, 'cert-manager issues the certificate', flag),
    ];
  }
  if (env === 'dev') return [];
  return [
    e(
      'ingress.annotations',
      { [ISSUER_ANNOTATION]: '' },
      `no cert-manager certificate (empty cancels the issuer set by values-${env}.yaml)`,
      flag,
    ),
  ];
}

function storageEntries(a: Answers): ValueEntry[] {
  const s = a.storage;
  if (!s.enabled) return [e('persistence.enabled', false, 'no model volume', '--no-storage')];
  // Several pods can only share one volume when it is ReadWriteMany.
  const shared = a.scaling.mode === 'autoscale' || a.scaling.replicas > 1;
  return [
    e('persistence.enabled', true, 'mount a PersistentVolumeClaim for the model files', `--storage ${s.size}`),
    e('persistence.size', s.size, 'volume size', `--storage ${s.size}`),
    e(
      'persistence.storageClass',
      s.storageClass,
      s.storageClass ? 'StorageClass of the volume' : 'StorageClass ("" = the cluster default)',
      `--storage-class ${s.storageClass || '""'}`,
    ),
    e(
      'persistence.accessMode',
      shared ? 'ReadWriteMany' : 'ReadWriteOnce',
      shared ? 'shared by several pods' : 'one pod mounts it',
      a.scaling.mode === 'autoscale' ? '--autoscale' : `--replicas ${a.scaling.replicas}`,
    ),
  ];
}

/** The override as a plain object (what helm sees). */
export function valuesFor(a: Answers, base?: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const entry of valueEntries(a, base)) setIn(out, entry.path, entry.value);
  return out;
}

/**
 * Every key the wizard writes. On a re-run, an owned key the new answers no longer
 * produce (e.g. `database.port` after switching to the subchart) is removed; any
 * other key is the user's and is kept.
 */
export const OWNED_PATHS: readonly string[] = [
  'flask.env',
  'image.repository',
  'image.tag',
  'replicaCount',
  'autoscaling.enabled',
  'autoscaling.minReplicas',
  'autoscaling.maxReplicas',
  'postgresql.enabled',
  'database.host',
  'database.port',
  'database.name',
  'database.user',
  'database.existingSecret',
  'database.passwordKey',
  'redis.enabled',
  'externalRedis.host',
  'externalRedis.port',
  'externalRedis.existingSecret',
  'externalRedis.passwordKey',
  'ingress.enabled',
  'ingress.className',
  'ingress.annotations',
  'ingress.hosts',
  'ingress.tls',
  'persistence.enabled',
  'persistence.size',
  'persistence.storageClass',
  'persistence.accessMode',
  'serviceMonitor.enabled',
];

/** Marks the comments the wizard writes, so a re-run can tell them from the user's. */
export const ANSWER_MARK = '(answer: ';
