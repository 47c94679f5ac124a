// The wizard's working copy of the answers: one flat field per question, keyed like the
// long flags (src/domain/keys.ts) plus a few wizard-only choices (how a password is
// given, fixed vs autoscaled, volume on/off). Flat, so that any single question can be
// known, remembered or skipped on its own; `toAnswers` folds it into the typed Answers.

import {
  type Answers,
  type DatabaseMode,
  type Environment,
  type Image,
  isEnvironment,
  type RedisMode,
  type TlsMode,
} from '../../domain/answers.js';
import type { FlatAnswers } from '../../domain/keys.js';
import { DEFAULT_STORAGE_SIZE, presetFor } from '../../domain/presets.js';
import { isProblem, parseAutoscale, parseImage, parsePort, parseReplicas } from '../../domain/validators.js';

export type DbCredentials = 'existing' | 'typed';
export type RedisCredentials = 'existing' | 'typed' | 'none';

export interface Draft {
  environment?: Environment;
  namespace?: string;
  release?: string;
  image?: Image;
  database?: DatabaseMode;
  'db-host'?: string;
  'db-port'?: number;
  'db-name'?: string;
  'db-user'?: string;
  'db-credentials'?: DbCredentials;
  'db-secret'?: string;
  redis?: RedisMode;
  'redis-host'?: string;
  'redis-port'?: number;
  'redis-credentials'?: RedisCredentials;
  'redis-secret'?: string;
  ingress?: boolean;
  host?: string;
  'ingress-class'?: string;
  tls?: TlsMode;
  'cluster-issuer'?: string;
  'tls-secret'?: string;
  scaling?: 'fixed' | 'autoscale';
  replicas?: number;
  autoscale?: { min: number; max: number };
  storage?: boolean;
  'storage-size'?: string;
  'storage-class'?: string;
  monitoring?: boolean;
}

export type DraftKey = keyof Draft;

/** Spreads the typed Answers groups into flat fields (every field of each present group). */
export function draftFromAnswers(a: Partial<Answers>): Draft {
  const d: Draft = {};
  if (a.environment !== undefined) d.environment = a.environment;
  if (a.namespace !== undefined) d.namespace = a.namespace;
  if (a.release !== undefined) d.release = a.release;
  if (a.image !== undefined) d.image = { ...a.image };
  if (a.database !== undefined) {
    d.database = a.database.mode;
    if (a.database.mode === 'external') {
      Object.assign(d, {
        'db-host': a.database.host,
        'db-port': a.database.port,
        'db-name': a.database.name,
        'db-user': a.database.user,
        'db-credentials': 'existing',
        'db-secret': a.database.secret,
      } satisfies Draft);
    }
  }
  if (a.redis !== undefined) {
    d.redis = a.redis.mode;
    if (a.redis.mode === 'external') {
      Object.assign(d, {
        'redis-host': a.redis.host,
        'redis-port': a.redis.port,
        'redis-credentials': a.redis.secret === '' ? 'none' : 'existing',
        'redis-secret': a.redis.secret,
      } satisfies Draft);
    }
  }
  if (a.ingress !== undefined) {
    d.ingress = a.ingress.enabled;
    if (a.ingress.enabled) {
      d.host = a.ingress.host;
      d['ingress-class'] = a.ingress.className;
      d.tls = a.ingress.tls.mode;
      if (a.ingress.tls.mode === 'cert-manager') d['cluster-issuer'] = a.ingress.tls.clusterIssuer;
      if (a.ingress.tls.mode !== 'none') d['tls-secret'] = a.ingress.tls.secretName;
    }
  }
  if (a.scaling !== undefined) {
    d.scaling = a.scaling.mode;
    if (a.scaling.mode === 'fixed') d.replicas = a.scaling.replicas;
    else d.autoscale = { min: a.scaling.min, max: a.scaling.max };
  }
  if (a.storage !== undefined) {
    d.storage = a.storage.enabled;
    if (a.storage.enabled) {
      d['storage-size'] = a.storage.size;
      d['storage-class'] = a.storage.storageClass;
    }
  }
  if (a.monitoring !== undefined) d.monitoring = a.monitoring;
  return d;
}

const isString = (v: unknown): v is string => typeof v === 'string';

/**
 * Flag-keyed answers (a preset, or keys the CLI already validated) as a draft. Values
 * that do not parse are left out: the question is then asked instead of guessed.
 */
export function draftFromFlat(f: FlatAnswers): Draft {
  const d: Draft = {};
  const str = (k: keyof FlatAnswers & DraftKey) => {
    const v = f[k];
    if (isString(v)) (d as Record<string, unknown>)[k] = v;
  };
  for (const k of ['namespace', 'release', 'db-host', 'db-name', 'db-user', 'db-secret'] as const) str(k);
  for (const k of ['redis-host', 'redis-secret', 'host', 'ingress-class', 'cluster-issuer', 'tls-secret'] as const)
    str(k);
  str('storage-class');
  if (isEnvironment(f.environment)) d.environment = f.environment;
  if (isString(f.image)) {
    const img = parseImage(f.image, 'latest');
    if (!isProblem(img)) d.image = img;
  }
  const mode = (v: unknown) => (v === 'subchart' || v === 'external' || v === 'none' ? v : undefined);
  const db = mode(f.database);
  if (db) d.database = db;
  const redis = mode(f.redis);
  if (redis) d.redis = redis;
  for (const [key, value] of [
    ['db-port', f['db-port']],
    ['redis-port', f['redis-port']],
  ] as const) {
    if (value === undefined) continue;
    const port = parsePort(value);
    if (!isProblem(port)) d[key] = port;
  }
  if (typeof f.ingress === 'boolean') d.ingress = f.ingress;
  if (f.tls === 'none' || f.tls === 'cert-manager' || f.tls === 'secret') d.tls = f.tls;
  if (f.replicas !== undefined) {
    const r = parseReplicas(f.replicas);
    if (!isProblem(r)) {
      d.replicas = r;
      d.scaling = 'fixed';
    }
  }
  if (f.autoscale !== undefined) {
    const r = parseAutoscale(f.autoscale);
    if (!isProblem(r)) {
      d.autoscale = r;
      d.scaling = 'autoscale';
    }
  }
  if (f.storage === false) d.storage = false;
  else if (isString(f.storage)) {
    d.storage = true;
    d['storage-size'] = f.storage;
  }
  if (typeof f.monitoring === 'boolean') d.monitoring = f.monitoring;
  return d;
}

/** The environment's preset as a draft, plus what the preset leaves implicit. */
export function presetDraft(env: Environment, release: string): Draft {
  const d = draftFromFlat(presetFor(env, release));
  d['storage-size'] ??= DEFAULT_STORAGE_SIZE;
  d['db-credentials'] ??= 'existing';
  d['redis-credentials'] ??= 'existing';
  return d;
}

export type MissingKey = DraftKey;

/** Folds a finished draft into Answers; lists the fields still missing otherwise. */
export function toAnswers(d: Draft): { ok: true; answers: Answers } | { ok: false; missing: MissingKey[] } {
  const missing: MissingKey[] = [];
  const need = <K extends DraftKey>(k: K): NonNullable<Draft[K]> => {
    const v = d[k];
    if (v === undefined) missing.push(k);
    return v as NonNullable<Draft[K]>;
  };
  const environment = need('environment');
  const namespace = need('namespace');
  const release = need('release');
  const image = need('image');
  const database = toDatabase(need);
  const redis = toRedis(d, need);
  const ingress = toIngress(need);
  const scaling: Answers['scaling'] =
    need('scaling') === 'autoscale'
      ? { mode: 'autoscale', ...need('autoscale') }
      : { mode: 'fixed', replicas: need('replicas') };
  const storage: Answers['storage'] = need('storage')
    ? { enabled: true, size: need('storage-size'), storageClass: d['storage-class'] ?? '' }
    : { enabled: false };
  const monitoring = need('monitoring');
  if (missing.length > 0) return { ok: false, missing: [...new Set(missing)] };
  return {
    ok: true,
    answers: { environment, namespace, release, image, database, redis, ingress, scaling, storage, monitoring },
  };
}

type Need = <K extends DraftKey>(k: K) => NonNullable<Draft[K]>;

function toDatabase(need: Need): Answers['database'] {
  const mode = need('database');
  if (mode !== 'external') return { mode: mode ?? 'subchart' } as Answers['database'];
  return {
    mode,
    host: need('db-host'),
    port: need('db-port'),
    name: need('db-name'),
    user: need('db-user'),
    secret: need('db-secret'),
  };
}

function toRedis(d: Draft, need: Need): Answers['redis'] {
  const mode = need('redis');
  if (mode !== 'external') return { mode: mode ?? 'subchart' } as Answers['redis'];
  const noAuth = d['redis-credentials'] === 'none';
  return { mode, host: need('redis-host'), port: need('redis-port'), secret: noAuth ? '' : need('redis-secret') };
}

function toIngress(need: Need): Answers['ingress'] {
  if (!need('ingress')) return { enabled: false };
  const tlsMode = need('tls');
  const tls: Answers['ingress'] extends infer I ? (I extends { tls: infer T } ? T : never) : never =
    tlsMode === 'cert-manager'
      ? { mode: tlsMode, clusterIssuer: need('cluster-issuer'), secretName: need('tls-secret') }
      : tlsMode === 'secret'
        ? { mode: tlsMode, secretName: need('tls-secret') }
        : { mode: 'none' };
  return { enabled: true, host: need('host'), className: need('ingress-class'), tls };
}
