// An existing override file → flag-keyed answers, so a re-run starts from what
// the file says (including hand edits to the keys the wizard owns).
import type { FlatAnswers } from './keys.js';
import { APP_ENV } from './presets.js';
import { isObj, type Obj } from './value-paths.js';

function obj(v: unknown): Obj | undefined {
  return isObj(v) ? v : undefined;
}

function first(v: unknown): Obj | undefined {
  return Array.isArray(v) ? obj(v[0]) : undefined;
}

function defined(out: FlatAnswers): FlatAnswers {
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as FlatAnswers;
}

export function answersFromValues(values: unknown): FlatAnswers {
  const v = obj(values) ?? {};
  const out: FlatAnswers = {};
  const flask = obj(v.flask);
  const env = Object.entries(APP_ENV).find(([, appEnv]) => appEnv === flask?.env)?.[0];
  if (env) out.environment = env;

  const image = obj(v.image);
  if (typeof image?.repository === 'string' && image.repository !== '') {
    out.image =
      image.tag !== undefined && image.tag !== '' ? `${image.repository}:${String(image.tag)}` : image.repository;
  }

  const autoscaling = obj(v.autoscaling);
  if (autoscaling?.enabled === true && autoscaling.minReplicas !== undefined && autoscaling.maxReplicas !== undefined) {
    out.autoscale = `${String(autoscaling.minReplicas)}:${String(autoscaling.maxReplicas)}`;
  } else if (v.replicaCount !== undefined) {
    out.replicas = v.replicaCount;
  }

  Object.assign(out, databaseAnswers(v), redisAnswers(v), ingressAnswers(v), storageAnswers(v));
  const sm = obj(v.serviceMonitor);
  if (typeof sm?.enabled === 'boolean') out.monitoring = sm.enabled;
  return defined(out);
}

function databaseAnswers(v: Obj): FlatAnswers {
  const pg = obj(v.postgresql);
  const db = obj(v.database);
  if (typeof db?.host === 'string' && db.host !== '') {
    return {
      database: 'external',
      'db-host': db.host,
      'db-port': db.port,
      'db-name': db.name,
      'db-user': db.user,
      'db-secret': db.existingSecret,
    };
  }
  if (pg?.enabled === true) return { database: 'subchart' };
  if (pg?.enabled === false) return { database: 'none' };
  return {};
}

function redisAnswers(v: Obj): FlatAnswers {
  const redis = obj(v.redis);
  const ext = obj(v.externalRedis);
  if (typeof ext?.host === 'string' && ext.host !== '') {
    return {
      redis: 'external',
      'redis-host': ext.host,
      'redis-port': ext.port,
      'redis-secret': ext.existingSecret ?? '',
    };
  }
  if (redis?.enabled === true) return { redis: 'subchart' };
  if (redis?.enabled === false) return { redis: 'none' };
  return {};
}

function ingressAnswers(v: Obj): FlatAnswers {
  const ing = obj(v.ingress);
  if (ing?.enabled === false) return { ingress: false };
  if (ing?.enabled !== true) return {};
  const out: FlatAnswers = { ingress: true, 'ingress-class': ing.className };
  const host = first(ing.hosts)?.host;
  if (typeof host === 'string') out.host = host;
  const tls = first(ing.tls);
  const issuer = obj(ing.annotations)?.['cert-manager.io/cluster-issuer'];
  if (!tls) out.tls = 'none';
  else {
    out['tls-secret'] = tls.secretName;
    if (typeof issuer === 'string' && issuer !== '') {
      out.tls = 'cert-manager';
      out['cluster-issuer'] = issuer;
    } else out.tls = 'secret';
  }
  return out;
}

function storageAnswers(v: Obj): FlatAnswers {
  const p = obj(v.persistence);
  if (p?.enabled === false) return { storage: false };
  if (p?.enabled !== true) return {};
  return { storage: p.size ?? true, 'storage-class': p.storageClass ?? '' };
}
