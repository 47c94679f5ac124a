// What the command line says, as plain data (commander's output, typed).

export const COMMANDS = [
  'install',
  'render',
  'upgrade',
  'rollback',
  'status',
  'port-forward',
  'uninstall',
  'test-chart',
] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CliOptions {
  environment?: string;
  namespace?: string;
  release?: string;
  valuesFile?: string;
  outputDir?: string;
  image?: string;
  database?: string;
  dbHost?: string;
  dbPort?: string;
  dbName?: string;
  dbUser?: string;
  dbSecret?: string;
  redis?: string;
  redisHost?: string;
  redisPort?: string;
  redisSecret?: string;
  ingress?: boolean;
  host?: string;
  ingressClass?: string;
  tls?: string;
  clusterIssuer?: string;
  tlsSecret?: string;
  replicas?: string;
  autoscale?: string;
  storage?: string | false;
  storageClass?: string;
  monitoring?: boolean;
  answers?: string;
  reset?: boolean;
  yes?: boolean;
  plain?: boolean;
  json?: boolean;
  kubeContext?: string;
  kubeconfig?: string;
  set: string[];
  values: string[];
  chart?: string;
  dryRun?: boolean;
  timeout: string;
  dbPasswordStdin?: boolean;
  redisPasswordStdin?: boolean;
  verbose?: boolean;
  helmBinary?: string;
  kubectlBinary?: string;
  revision?: string;
  portForward?: boolean;
  verify?: boolean;
  loadImage?: boolean;
  deleteData?: boolean;
  port?: string;
}

export interface ParsedArgs {
  command: CommandName;
  options: CliOptions;
}

/** CliOptions property → answer key (the long flag name). */
export const ANSWER_OPTION_KEYS = {
  environment: 'environment',
  namespace: 'namespace',
  release: 'release',
  image: 'image',
  database: 'database',
  dbHost: 'db-host',
  dbPort: 'db-port',
  dbName: 'db-name',
  dbUser: 'db-user',
  dbSecret: 'db-secret',
  redis: 'redis',
  redisHost: 'redis-host',
  redisPort: 'redis-port',
  redisSecret: 'redis-secret',
  ingress: 'ingress',
  host: 'host',
  ingressClass: 'ingress-class',
  tls: 'tls',
  clusterIssuer: 'cluster-issuer',
  tlsSecret: 'tls-secret',
  replicas: 'replicas',
  autoscale: 'autoscale',
  storage: 'storage',
  storageClass: 'storage-class',
  monitoring: 'monitoring',
} as const satisfies Partial<Record<keyof CliOptions, string>>;
