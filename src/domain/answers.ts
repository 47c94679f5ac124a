// The one object every way in (flags, --answers file, existing override file,
// prompts) fills. Everything after it is the same code whichever way it came.

export type Environment = 'dev' | 'staging' | 'prod';
export const ENVIRONMENTS: readonly Environment[] = ['dev', 'staging', 'prod'];

export function isEnvironment(v: unknown): v is Environment {
  return (ENVIRONMENTS as readonly unknown[]).includes(v);
}

export type DatabaseMode = 'subchart' | 'external' | 'none';
export type RedisMode = 'subchart' | 'external' | 'none';
export type TlsMode = 'none' | 'cert-manager' | 'secret';

export interface ExternalDatabase {
  host: string;
  port: number;
  name: string;
  user: string;
  /** Existing Secret holding the password (key `password`). */
  secret: string;
}

export interface ExternalRedis {
  host: string;
  port: number;
  /** Existing Secret holding the password (key `password`); empty for no auth. */
  secret: string;
}

export type Database = { mode: 'subchart' } | { mode: 'none' } | ({ mode: 'external' } & ExternalDatabase);

export type Redis = { mode: 'subchart' } | { mode: 'none' } | ({ mode: 'external' } & ExternalRedis);

export type Tls =
  | { mode: 'none' }
  | { mode: 'cert-manager'; clusterIssuer: string; secretName: string }
  | { mode: 'secret'; secretName: string };

export type Ingress = { enabled: false } | { enabled: true; host: string; className: string; tls: Tls };

export type Scaling = { mode: 'fixed'; replicas: number } | { mode: 'autoscale'; min: number; max: number };

export type Storage = { enabled: false } | { enabled: true; size: string; storageClass: string };

export interface Image {
  repository: string;
  tag: string;
}

export interface Answers {
  environment: Environment;
  namespace: string;
  release: string;
  image: Image;
  database: Database;
  redis: Redis;
  ingress: Ingress;
  scaling: Scaling;
  storage: Storage;
  monitoring: boolean;
}
