// Flag-keyed answer layers (flags > --answers file > existing override file >
// environment defaults) → a typed, validated `Answers`, or every problem at once.
import type { Answers, Database, Environment, Image, Ingress, Redis, Scaling, Storage, Tls } from './answers.js';
import { ENVIRONMENTS } from './answers.js';
import { type AnswerKey, type AnswerLayer, type AnswerSource, flagFor } from './keys.js';
import { DEFAULT_RELEASE, DEFAULT_STORAGE_SIZE, presetFor } from './presets.js';
import {
  checkHostname,
  checkNamespace,
  checkRelease,
  checkResourceName,
  checkServiceHost,
  checkSize,
  isProblem,
  type Problem,
  parseAutoscale,
  parseImage,
  parsePort,
  parseReplicas,
} from './validators.js';

export interface InputError {
  key: AnswerKey;
  message: string;
  hint: string;
}

type Part<T> = { ok: true; value: T } | { ok: false; errors: InputError[]; missing: AnswerKey[] };

export type Resolution =
  | { ok: true; answers: Answers }
  | { ok: false; errors: InputError[]; missing: AnswerKey[]; known: Partial<Answers> };

interface Picked {
  value: unknown;
  source: AnswerSource;
  origin: string | undefined;
}

const USER_SOURCES: readonly AnswerSource[] = ['flag', 'answers-file'];

class Layers {
  constructor(readonly list: readonly AnswerLayer[]) {}

  pick(key: AnswerKey): Picked | undefined {
    for (const layer of this.list) {
      const value = layer.values[key];
      if (value !== undefined && value !== null) return { value, source: layer.source, origin: layer.origin };
    }
    return undefined;
  }

  /** The first layer that says anything about a choice decides it (explicitly or by implication). */
  decide<T>(decide: (layer: AnswerLayer) => T | undefined): { value: T; layer: AnswerLayer } | undefined {
    for (const layer of this.list) {
      const value = decide(layer);
      if (value !== undefined) return { value, layer };
    }
    return undefined;
  }
}

function where(p: Picked): string {
  if (p.source === 'answers-file') return ` (in answers file ${p.origin ?? ''})`.replace(' )', ')');
  if (p.source === 'values-file') return ` (in values file ${p.origin ?? ''})`.replace(' )', ')');
  return '';
}

function err(key: AnswerKey, problem: Problem, p?: Picked): InputError {
  return { key, message: `${flagFor(key)}: ${problem.message}${p ? where(p) : ''}`, hint: problem.hint };
}

function fail<T>(errors: InputError[], missing: AnswerKey[] = []): Part<T> {
  return { ok: false, errors, missing };
}

function need(layers: Layers, key: AnswerKey): Picked | AnswerKey {
  return layers.pick(key) ?? key;
}

function str(p: Picked): string {
  return typeof p.value === 'string' ? p.value.trim() : String(p.value);
}

function parseBool(p: Picked, key: AnswerKey): boolean | InputError {
  if (typeof p.value === 'boolean') return p.value;
  const s = String(p.value).toLowerCase();
  if (s === 'true' || s === 'yes') return true;
  if (s === 'false' || s === 'no') return false;
  return err(key, { message: `"${String(p.value)}" is not true or false`, hint: 'use true or false' }, p);
}

function parseChoice<T extends string>(p: Picked, key: AnswerKey, choices: readonly T[]): T | InputError {
  const s = str(p);
  if ((choices as readonly string[]).includes(s)) return s as T;
  return err(key, { message: `"${s}" is not one of ${choices.join(', ')}`, hint: `choose ${choices.join(' | ')}` }, p);
}

function isError(x: unknown): x is InputError {
  return typeof x === 'object' && x !== null && 'key' in x && 'hint' in x;
}

/** Collects the text fields of a part: missing keys, validation errors, or values. */
function fields(
  layers: Layers,
  specs: Array<[AnswerKey, (s: string, p: Picked) => Problem | null | unknown]>,
): { values: Map<AnswerKey, unknown>; errors: InputError[]; missing: AnswerKey[] } {
  const values = new Map<AnswerKey, unknown>();
  const errors: InputError[] = [];
  const missing: AnswerKey[] = [];
  for (const [key, check] of specs) {
    const p = need(layers, key);
    if (typeof p === 'string') {
      missing.push(p);
      continue;
    }
    const s = str(p);
    const r = check(s, p);
    if (isProblem(r)) errors.push(err(key, r, p));
    else values.set(key, r === null ? s : r);
  }
  return { values, errors, missing };
}

function resolveEnvironment(layers: Layers): Part<Environment> {
  const p = layers.pick('environment');
  if (!p) return fail([], ['environment']);
  const env = parseChoice(p, 'environment', ENVIRONMENTS);
  return isError(env) ? fail([env]) : { ok: true, value: env };
}

function resolveName(layers: Layers, key: 'namespace' | 'release'): Part<string> {
  const f = fields(layers, [[key, (s) => (key === 'namespace' ? checkNamespace(s) : checkRelease(s))]]);
  if (f.errors.length || f.missing.length) return fail(f.errors, f.missing);
  return { ok: true, value: f.values.get(key) as string };
}

function resolveImage(layers: Layers): Part<Image> {
  const f = fields(layers, [['image', (s) => parseImage(s, 'latest')]]);
  if (f.errors.length || f.missing.length) return fail(f.errors, f.missing);
  return { ok: true, value: f.values.get('image') as Image };
}

const DB_KEYS: AnswerKey[] = ['db-host', 'db-port', 'db-name', 'db-user', 'db-secret'];
const REDIS_KEYS: AnswerKey[] = ['redis-host', 'redis-port', 'redis-secret'];
const INGRESS_KEYS: AnswerKey[] = ['host', 'ingress-class', 'tls', 'cluster-issuer', 'tls-secret'];

function hasAny(layer: AnswerLayer, keys: AnswerKey[]): boolean {
  return USER_SOURCES.includes(layer.source) && keys.some((k) => layer.values[k] !== undefined);
}

/** A flag that only makes sense with another choice, given while that choice is off. */
function strays(layers: Layers, keys: AnswerKey[], why: string, fix: string): InputError[] {
  const out: InputError[] = [];
  for (const layer of layers.list) {
    if (!USER_SOURCES.includes(layer.source)) continue;
    for (const key of keys) {
      if (layer.values[key] !== undefined) {
        out.push({ key, message: `${flagFor(key)} was given but ${why}`, hint: fix });
      }
    }
  }
  return out;
}

function checkDbName(s: string): Problem | null {
  return /^[A-Za-z_][A-Za-z0-9_$-]{0,62}$/.test(s)
    ? null
    : { message: `"${s}" is not a valid name`, hint: 'use letters, digits and "_" (at most 63), e.g. flask_app' };
}

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

function resolveDatabase(layers: Layers): Part<Database> {
  const mode = resolveMode(layers, 'database', DB_KEYS, ['subchart', 'external', 'none'] as const, 'external');
  if (!mode.ok) return mode;
  if (mode.value !== 'external') {
    const e = strays(layers, DB_KEYS, `--database is ${mode.value}`, 'drop it, or pass --database external');
    return e.length ? fail(e) : { ok: true, value: { mode: mode.value } };
  }
  const f = fields(layers, [
    ['db-host', (s) => checkServiceHost(s)],
    ['db-port', (_s, p) => parsePort(p.value)],
    ['db-name', checkDbName],
    ['db-user', checkDbName],
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

function resolveRedis(layers: Layers): Part<Redis> {
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

function resolveIngress(layers: Layers, env: Environment | undefined): Part<Ingress> {
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

function resolveScaling(layers: Layers): Part<Scaling> {
  const both = layers.list.find((l) => l.values.replicas !== undefined && l.values.autoscale !== undefined);
  if (both && USER_SOURCES.includes(both.source)) {
    return fail([
      {
        key: 'autoscale',
        message: '--replicas and --autoscale were both given',
        hint: 'pass one: --replicas N for a fixed count, or --autoscale MIN:MAX for an autoscaler',
      },
    ]);
  }
  const decided = layers.decide<Scaling | Problem>((layer) => {
    if (layer.values.replicas !== undefined) {
      const n = parseReplicas(layer.values.replicas);
      return typeof n === 'number' ? { mode: 'fixed', replicas: n } : n;
    }
    if (layer.values.autoscale !== undefined) {
      const r = parseAutoscale(layer.values.autoscale);
      return 'min' in r ? { mode: 'autoscale', ...r } : r;
    }
    return undefined;
  });
  if (!decided) return fail([], ['replicas']);
  if (isProblem(decided.value)) {
    const key: AnswerKey = decided.layer.values.replicas !== undefined ? 'replicas' : 'autoscale';
    return fail([
      err(key, decided.value, { value: undefined, source: decided.layer.source, origin: decided.layer.origin }),
    ]);
  }
  return { ok: true, value: decided.value };
}

function resolveStorage(layers: Layers): Part<Storage> {
  const decided = layers.decide<Picked | true>((layer) => {
    const v = layer.values.storage;
    if (v !== undefined && v !== null) return { value: v, source: layer.source, origin: layer.origin };
    return hasAny(layer, ['storage-class']) ? true : undefined;
  });
  if (!decided) return fail([], ['storage']);
  let size: string | undefined;
  if (decided.value !== true) {
    const v = decided.value.value;
    if (v === false || v === 'false') {
      const e = strays(layers, ['storage-class'], 'storage is off (--no-storage)', 'drop it, or pass --storage SIZE');
      return e.length ? fail(e) : { ok: true, value: { enabled: false } };
    }
    if (v !== true && v !== 'true') {
      const p = checkSize(str(decided.value));
      if (p) return fail([err('storage', p, decided.value)]);
      size = str(decided.value);
    }
  }
  const cls = layers.pick('storage-class');
  const storageClass = cls ? str(cls) : '';
  if (storageClass !== '') {
    const p = checkResourceName(storageClass, 'StorageClass name');
    if (p && cls) return fail([err('storage-class', p, cls)]);
  }
  return { ok: true, value: { enabled: true, size: size ?? DEFAULT_STORAGE_SIZE, storageClass } };
}

function resolveMonitoring(layers: Layers): Part<boolean> {
  const p = layers.pick('monitoring');
  if (!p) return fail([], ['monitoring']);
  const b = parseBool(p, 'monitoring');
  return isError(b) ? fail([b]) : { ok: true, value: b };
}

export interface ResolveOptions {
  /** Fill what is still unknown from the environment's defaults (`--yes`). */
  useDefaults: boolean;
  /**
   * Release `flask-app` and namespace `<env>-flask-app` when not given: documented flag
   * defaults, so a headless run never reports them missing. The wizard leaves this off
   * to ask for them (pre-filled).
   */
  nameDefaults?: boolean;
}

/**
 * The layers come highest precedence first (flags, answers file, existing
 * override file). With `useDefaults`, the environment preset is the last layer.
 */
export function resolveAnswers(userLayers: readonly AnswerLayer[], opts: ResolveOptions): Resolution {
  const base = new Layers(userLayers);
  const envPart = opts.useDefaults
    ? resolveEnvironment(new Layers([...userLayers, { source: 'default', values: { environment: 'dev' } }]))
    : resolveEnvironment(base);
  const env = envPart.ok ? envPart.value : undefined;
  const releasePicked = base.pick('release');
  const release = releasePicked ? str(releasePicked) : DEFAULT_RELEASE;
  const preset = env ? presetFor(env, release) : {};
  const defaults: AnswerLayer | undefined = opts.useDefaults
    ? { source: 'default', values: preset }
    : opts.nameDefaults
      ? { source: 'default', values: { release: preset.release ?? DEFAULT_RELEASE, namespace: preset.namespace } }
      : undefined;
  const layers = defaults ? new Layers([...userLayers, defaults]) : base;

  const parts = {
    environment: envPart,
    namespace: resolveName(layers, 'namespace'),
    release: resolveName(layers, 'release'),
    image: resolveImage(layers),
    database: resolveDatabase(layers),
    redis: resolveRedis(layers),
    ingress: resolveIngress(layers, env),
    scaling: resolveScaling(layers),
    storage: resolveStorage(layers),
    monitoring: resolveMonitoring(layers),
  };
  const errors: InputError[] = [];
  const missing: AnswerKey[] = [];
  const known: Record<string, unknown> = {};
  for (const [name, part] of Object.entries(parts)) {
    if (part.ok) known[name] = part.value;
    else {
      errors.push(...part.errors);
      missing.push(...part.missing);
    }
  }
  if (errors.length || missing.length) {
    return { ok: false, errors, missing, known: known as Partial<Answers> };
  }
  return { ok: true, answers: known as unknown as Answers };
}
