// The one table of the answers. Each row is one question the CLI also takes as a flag:
// its key (the long flag name, which is also the `--answers` file key and the wizard
// draft's key), how commander spells it, its --help line, and how messages name it.
// ANSWER_KEYS, flagFor, the commander options, CliOptions' answer properties and the
// flag → answer mapping are all derived from it. Rows are in --help order.

/** How the flag takes its value: text, an on/off pair (`--x` / `--no-x`), or text with `--no-x`. */
export type FieldKind = 'text' | 'toggle' | 'text-or-off';

export interface AnswerField {
  key: string;
  kind: FieldKind;
  /** Commander's spelling of the option that sets it. */
  flags: string;
  help: string;
  /** --help line of `--no-<key>` (toggle and text-or-off only). */
  negated?: string;
  /** How messages name it, when `--<key>` alone would mislead. */
  shown?: string;
}

// biome-ignore format: one row per answer reads as a table
export const ANSWER_FIELDS = [
  { key: 'environment', kind: 'text', flags: '-e, --environment <env>', help: 'dev | staging | prod', shown: '-e/--environment' },
  { key: 'namespace', kind: 'text', flags: '-n, --namespace <name>', help: 'Kubernetes namespace (default: <environment>-flask-app)', shown: '-n/--namespace' },
  { key: 'release', kind: 'text', flags: '-r, --release <name>', help: 'Helm release name (default: flask-app)', shown: '-r/--release' },
  { key: 'image', kind: 'text', flags: '--image <repo[:tag]>', help: 'app image, e.g. ghcr.io/acme/flask-app:1.4.2' },
  { key: 'database', kind: 'text', flags: '--database <mode>', help: 'subchart | external | none' },
  { key: 'db-host', kind: 'text', flags: '--db-host <host>', help: 'external PostgreSQL host (prod default <release>-db-rw)' },
  { key: 'db-port', kind: 'text', flags: '--db-port <port>', help: 'external PostgreSQL port (default 5432)' },
  { key: 'db-name', kind: 'text', flags: '--db-name <name>', help: 'database name (default flask_app; prod app)' },
  { key: 'db-user', kind: 'text', flags: '--db-user <user>', help: 'database user (default flask_app; prod app)' },
  { key: 'db-secret', kind: 'text', flags: '--db-secret <name>', help: 'existing Secret with key "password" (default <release>-database; prod <release>-db-app)' },
  { key: 'redis', kind: 'text', flags: '--redis <mode>', help: 'subchart | external | none' },
  { key: 'redis-host', kind: 'text', flags: '--redis-host <host>', help: 'external Redis host (prod default <release>-cache)' },
  { key: 'redis-port', kind: 'text', flags: '--redis-port <port>', help: 'external Redis port (default 6379)' },
  { key: 'redis-secret', kind: 'text', flags: '--redis-secret <name>', help: 'existing Secret with key "password" (default <release>-redis)' },
  { key: 'ingress', kind: 'toggle', flags: '--ingress', help: 'create an Ingress', negated: 'no Ingress', shown: '--ingress/--no-ingress' },
  { key: 'host', kind: 'text', flags: '--host <hostname>', help: 'ingress hostname, e.g. app.example.com' },
  { key: 'ingress-class', kind: 'text', flags: '--ingress-class <name>', help: 'IngressClass (default nginx)' },
  { key: 'tls', kind: 'text', flags: '--tls <mode>', help: 'none | cert-manager | secret' },
  { key: 'cluster-issuer', kind: 'text', flags: '--cluster-issuer <name>', help: 'cert-manager ClusterIssuer' },
  { key: 'tls-secret', kind: 'text', flags: '--tls-secret <name>', help: 'TLS Secret name (default <release>-tls)' },
  { key: 'replicas', kind: 'text', flags: '--replicas <n>', help: 'fixed number of app pods', shown: '--replicas N/--autoscale MIN:MAX' },
  { key: 'autoscale', kind: 'text', flags: '--autoscale <min:max>', help: 'HorizontalPodAutoscaler range, e.g. 3:20' },
  { key: 'storage', kind: 'text-or-off', flags: '--storage <size>', help: 'model volume size, e.g. 10Gi (prod default 1Gi)', negated: 'no model volume', shown: '--storage SIZE/--no-storage' },
  { key: 'storage-class', kind: 'text', flags: '--storage-class <name>', help: 'StorageClass of the model volume (default: the cluster default)' },
  { key: 'monitoring', kind: 'toggle', flags: '--monitoring', help: 'create a Prometheus ServiceMonitor', negated: 'no ServiceMonitor', shown: '--monitoring/--no-monitoring' },
] as const satisfies readonly AnswerField[];

type Row = (typeof ANSWER_FIELDS)[number];

export type AnswerKey = Row['key'];

export const ANSWER_KEYS: readonly AnswerKey[] = ANSWER_FIELDS.map((f) => f.key);

/** `db-host` → `dbHost`: the property commander gives the option. */
type Camel<S extends string> = S extends `${infer H}-${infer T}` ? `${H}${Capitalize<Camel<T>>}` : S;

type FlagValue<K extends FieldKind> = K extends 'toggle' ? boolean : K extends 'text-or-off' ? string | false : string;

/** The answer flags as commander hands them over (every one optional). */
export type AnswerOptions = { [R in Row as Camel<R['key']>]?: FlagValue<R['kind']> };

export function optionProperty<K extends AnswerKey>(key: K): Camel<K> {
  return key.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase()) as Camel<K>;
}

const BY_KEY = new Map<string, AnswerField>(ANSWER_FIELDS.map((f) => [f.key, f]));

export function isAnswerKey(key: string): key is AnswerKey {
  return BY_KEY.has(key);
}

/** How a key is spelled on the command line (used in every message that names it). */
export function flagFor(key: AnswerKey): string {
  const f = BY_KEY.get(key);
  return f?.shown ?? `--${key}`;
}
