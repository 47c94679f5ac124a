import type { Environment } from './answers.js';
import type { FlatAnswers } from './keys.js';

/** The image the dev preset runs: built locally and loaded into a kind/minikube node. */
export const LOCAL_IMAGE = 'flask-app:dev';
export const DEFAULT_RELEASE = 'flask-app';

export function defaultNamespace(env: Environment): string {
  return `${env}-flask-app`;
}

/** What `flask.env` (APP_ENV in the pod) is for each environment. */
export const APP_ENV: Record<Environment, 'development' | 'staging' | 'production'> = {
  dev: 'development',
  staging: 'staging',
  prod: 'production',
};

/** One line per environment, shown next to the choice. */
export const ENVIRONMENT_SUMMARY: Record<Environment, string> = {
  dev: '2 replicas, debug on, in-cluster PostgreSQL and Redis, no ingress',
  staging: '2 replicas, in-cluster PostgreSQL and Redis, ingress with TLS from cert-manager (staging issuer)',
  prod: 'autoscaling 3-20, external database and Redis via existing Secrets, ingress with TLS, model volume, monitoring',
};

/**
 * Defaults per environment, as flag-keyed answers. Keys with no sensible default
 * (the prod database host, an ingress hostname, a prod image) are absent: they
 * must be answered.
 */
export function presetFor(env: Environment, release: string = DEFAULT_RELEASE): FlatAnswers {
  const common: FlatAnswers = {
    environment: env,
    namespace: defaultNamespace(env),
    release: DEFAULT_RELEASE,
    'db-port': 5432,
    'db-name': 'flask_app',
    'db-user': 'flask_app',
    'db-secret': `${release}-database`,
    'redis-port': 6379,
    'redis-secret': `${release}-redis`,
    'ingress-class': 'nginx',
    'tls-secret': `${release}-tls`,
    'storage-class': '',
  };
  switch (env) {
    case 'dev':
      return {
        ...common,
        image: LOCAL_IMAGE,
        database: 'subchart',
        redis: 'subchart',
        ingress: false,
        tls: 'none',
        'cluster-issuer': 'letsencrypt-staging',
        replicas: 2,
        storage: false,
        monitoring: false,
      };
    case 'staging':
      return {
        ...common,
        database: 'subchart',
        redis: 'subchart',
        ingress: true,
        tls: 'cert-manager',
        'cluster-issuer': 'letsencrypt-staging',
        replicas: 2,
        storage: false,
        monitoring: false,
      };
    case 'prod':
      // Same services as values-prod.yaml, so the override only restates them.
      return {
        ...common,
        database: 'external',
        'db-host': `${release}-db-rw`,
        'db-name': 'app',
        'db-user': 'app',
        'db-secret': `${release}-db-app`,
        redis: 'external',
        'redis-host': `${release}-cache`,
        ingress: true,
        tls: 'cert-manager',
        'cluster-issuer': 'letsencrypt-prod',
        autoscale: '3:20',
        storage: '1Gi',
        monitoring: true,
      };
  }
}

/** Size offered when storage is switched on without a size. */
export const DEFAULT_STORAGE_SIZE = '10Gi';
