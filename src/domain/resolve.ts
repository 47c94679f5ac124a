// Flag-keyed answer layers (flags > --answers file > existing override file >
// environment defaults) → a typed, validated `Answers`, or every problem at once.
import type { Answers, Environment, Image, Scaling, Storage } from './answers.js';
import { ENVIRONMENTS } from './answers.js';
import type { AnswerKey, AnswerLayer } from './keys.js';
import { DEFAULT_RELEASE, DEFAULT_STORAGE_SIZE, presetFor } from './presets.js';
import {
  err,
  fail,
  fields,
  hasAny,
  type InputError,
  isError,
  Layers,
  type Part,
  type Picked,
  parseBool,
  parseChoice,
  str,
  strays,
  USER_SOURCES,
} from './resolve-kit.js';
import { resolveDatabase, resolveIngress, resolveRedis } from './resolve-services.js';
import {
  checkNamespace,
  checkRelease,
  checkResourceName,
  checkSize,
  isProblem,
  type Problem,
  parseAutoscale,
  parseImage,
  parseReplicas,
} from './validators.js';

export type { InputError } from './resolve-kit.js';

export type Resolution =
  | { ok: true; answers: Answers }
  | { ok: false; errors: InputError[]; missing: AnswerKey[]; known: Partial<Answers> };

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
