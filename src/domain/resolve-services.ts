// The service choices — database, Redis, ingress and TLS — each a mode plus the
// answers that only matter in that mode.
import type { Database, Environment, Ingress, Redis, Tls } from './answers.js';
import type { AnswerKey } from './keys.js';
import {
  fail,
  fields,
  hasAny,
  isError,
  type Layers,
  type Part,
  type Picked,
  parseBool,
  parseChoice,
  strays,
  USER_SOURCES,
} from './resolve-kit.js';
import {
  checkHostname,
  checkPgName,
  checkResourceName,
  checkServiceHost,
  type Problem,
  parsePort,
} from './validators.js';

const DB_KEYS: AnswerKey[] = ['db-host', 'db-port', 'db-name', 'db-user', 'db-secret'];
const REDIS_KEYS: AnswerKey[] = ['redis-host', 'redis-port', 'redis-secret'];
const INGRESS_KEYS: AnswerKey[] = ['host', 'ingress-class', 'tls', 'cluster-issuer', 'tls-secret'];

function resolveMode<T extends string>(
  layers: Layers,
  key: 'database' | 'redis',
  subKeys: AnswerKey[],
  choices: readonly T[],
  implied: T,
): Part<T> {
  const decided = layers.decide<Picked | 'implied'>((layer) => {
    const v = layer.values[key];
    if (v !== undefined && v !== null) return { value: v, source: layer.source, origin: layer.origin };
    return hasAny(layer, subKeys) ? 'implied' : undefined;
  });
  if (!decided) return fail([], [key]);
  if (decided.value === 'implied') return { ok: true, value: implied };
  const mode = parseChoice(decided.value, key, choices);
  return isError(mode) ? fail([mode]) : { ok: true, value: mode };
}

export function resolveDatabase(layers: Layers): Part<Database> {
  const mode = resolveMode(layers, 'database', DB_KEYS, ['subchart', 'external', 'none'] as const, 'external');
  if (!mode.ok) return mode;
  if (mode.value !== 'external') {
    const e = strays(layers, DB_KEYS, `--database is ${mode.value}`, 'drop it, or pass --database external');
    return e.length ? fail(e) : { ok: true, value: { mode: mode.value } };
  }
  const f = fields(layers, [
    ['db-host', (s) => checkServiceHost(s)],
    ['db-port', (_s, p) => parsePort(p.value)],
    ['db-name', (s) => checkPgName(s, 'database name')],
    ['db-user', (s) => checkPgName(s, 'database user')],
    ['db-secret', (s) => checkResourceName(s, 'Secret name')],
  ]);
  if (f.errors.length || f.missing.length) return fail(f.errors, f.missing);
  const g = (k: AnswerKey) => f.values.get(k) as string;
  return {
    ok: true,
    value: {
      mode: 'external',
      host: g('db-host'),
      port: f.values.get('db-port') as number,
      name: g('db-name'),
      user: g('db-user'),
      secret: g('db-secret'),
    },
  };
}

export function resolveRedis(layers: Layers): Part<Redis> {
  const mode = resolveMode(layers, 'redis', REDIS_KEYS, ['subchart', 'external', 'none'] as const, 'external');
  if (!mode.ok) return mode;
  if (mode.value !== 'external') {
    const e = strays(layers, REDIS_KEYS, `--redis is ${mode.value}`, 'drop it, or pass --redis external');
    return e.length ? fail(e) : { ok: true, value: { mode: mode.value } };
  }
  const f = fields(layers, [
    ['redis-host', (s) => checkServiceHost(s)],
    ['redis-port', (_s, p) => parsePort(p.value)],
    ['redis-secret', (s) => (s === '' ? null : checkResourceName(s, 'Secret name'))],
  ]);
  if (f.errors.length || f.missing.length) return fail(f.errors, f.missing);
  return {
    ok: true,
    value: {
      mode: 'external',
      host: f.values.get('redis-host') as string,
      port: f.values.get('redis-port') as number,
      secret: f.values.get('redis-secret') as string,
    },
  };
}

function resolveTls(layers: Layers): Part<Tls> {
  const decided = layers.decide<Picked | Tls['mode']>((layer) => {
    const v = layer.values.tls;
    if (v !== undefined && v !== null) return { value: v, source: layer.source, origin: layer.origin };
    if (!USER_SOURCES.includes(layer.source)) return undefined;
    if (layer.values['cluster-issuer'] !== undefined) return 'cert-manager';
    if (layer.values['tls-secret'] !== undefined) return 'secret';
    return undefined;
  });
  if (!decided) return fail([], ['tls']);
  const mode = typeof decided.value === 'string' ? decided.value : parseChoice(decided.value, 'tls', TLS_MODES);
  if (isError(mode)) return fail([mode]);
  if (mode === 'none') {
    const e = strays(
      layers,
      ['cluster-issuer', 'tls-secret'],
      '--tls is none',
      'drop it, or pass --tls cert-manager|secret',
    );
    return e.length ? fail(e) : { ok: true, value: { mode: 'none' } };
  }
  const specs: Array<[AnswerKey, (s: string) => Problem | null]> = [
    ['tls-secret', (s) => checkResourceName(s, 'Secret name')],
  ];
  if (mode === 'cert-manager') specs.unshift(['cluster-issuer', (s) => checkResourceName(s, 'ClusterIssuer name')]);
  const f = fields(layers, specs);
  const e =
    mode === 'secret'
      ? strays(layers, ['cluster-issuer'], '--tls is secret', 'drop it, or pass --tls cert-manager')
      : [];
  if (f.errors.length || f.missing.length || e.length) return fail([...f.errors, ...e], f.missing);
  const secretName = f.values.get('tls-secret') as string;
  return mode === 'cert-manager'
    ? { ok: true, value: { mode, clusterIssuer: f.values.get('cluster-issuer') as string, secretName } }
    : { ok: true, value: { mode, secretName } };
}

const TLS_MODES = ['none', 'cert-manager', 'secret'] as const;

export function resolveIngress(layers: Layers, env: Environment | undefined): Part<Ingress> {
  const decided = layers.decide<Picked | true>((layer) => {
    const v = layer.values.ingress;
    if (v !== undefined && v !== null) return { value: v, source: layer.source, origin: layer.origin };
    return hasAny(layer, INGRESS_KEYS) ? true : undefined;
  });
  if (!decided) return fail([], ['ingress']);
  const enabled = decided.value === true ? true : parseBool(decided.value, 'ingress');
  if (isError(enabled)) return fail([enabled]);
  if (!enabled) {
    const e = strays(layers, INGRESS_KEYS, 'ingress is off (--no-ingress)', 'drop it, or pass --ingress');
    return e.length ? fail(e) : { ok: true, value: { enabled: false } };
  }
  const f = fields(layers, [
    ['host', (s) => checkHostname(s)],
    ['ingress-class', (s) => checkResourceName(s, 'IngressClass name')],
  ]);
  const tls = resolveTls(layers);
  const errors = [...f.errors, ...(tls.ok ? [] : tls.errors)];
  const missing = [...f.missing, ...(tls.ok ? [] : tls.missing)];
  if (tls.ok && tls.value.mode === 'none' && env === 'prod') {
    errors.push({
      key: 'tls',
      message: '--tls none: production ingress must serve TLS',
      hint: 'pass --tls cert-manager --cluster-issuer NAME, or --tls secret --tls-secret NAME (or --no-ingress)',
    });
  }
  if (errors.length || missing.length || !tls.ok) return fail(errors, missing);
  return {
    ok: true,
    value: {
      enabled: true,
      host: f.values.get('host') as string,
      className: f.values.get('ingress-class') as string,
      tls: tls.value,
    },
  };
}
